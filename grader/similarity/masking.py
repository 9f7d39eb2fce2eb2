"""Statements that hide a copy without changing it, blanked before fingerprinting.

A ``print`` between every line, a docstring, ``pass`` or an ``if False:`` block breaks
every k-gram that spans it. Each such statement is overwritten with spaces (newlines
kept), so the text keeps its length and every matched span still points into the
student's own text. Source that does not parse is fingerprinted as it is.
"""

from __future__ import annotations

import ast

_NOISE_CALLS = {"print"}


def masked(source: str) -> str:
    """``source`` with noise statements blanked out, every offset unchanged."""
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return source
    starts = _line_starts(source)
    chars = list(source)
    for node in ast.walk(tree):
        for statement in _statements(node):
            if _is_noise(statement) and statement.end_lineno is not None:
                _blank(chars, starts, statement)
    return "".join(chars)


def _statements(node: ast.AST) -> list[ast.stmt]:
    return [statement for name in ("body", "orelse", "finalbody")
            if isinstance(getattr(node, name, None), list) for statement in getattr(node, name)
            if isinstance(statement, ast.stmt)]


def _is_noise(statement: ast.stmt) -> bool:
    if isinstance(statement, ast.Pass):
        return True
    if isinstance(statement, ast.Expr):
        value = statement.value
        if isinstance(value, ast.Constant):  # a docstring or a bare literal
            return True
        return isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in _NOISE_CALLS
    if isinstance(statement, ast.If) and isinstance(statement.test, ast.Constant):
        return not statement.test.value and not statement.orelse  # if False: / if 0: ...
    return False


def _line_starts(source: str) -> list[int]:
    starts = [0]
    for number, char in enumerate(source):
        if char == "\n":
            starts.append(number + 1)
    return starts


def _blank(chars: list[str], starts: list[int], node: ast.stmt) -> None:
    """Overwrite the node's characters with spaces; ast offsets are in UTF-8 bytes, so map them."""
    first = starts[node.lineno - 1] + _char_offset(chars, starts[node.lineno - 1], node.col_offset)
    last = starts[node.end_lineno - 1] + _char_offset(chars, starts[node.end_lineno - 1], node.end_col_offset)
    for index in range(first, min(last, len(chars))):
        if chars[index] != "\n":
            chars[index] = " "


def _char_offset(chars: list[str], line_start: int, byte_offset: int) -> int:
    """The character offset on a line whose first ``byte_offset`` bytes are UTF-8."""
    count, index = 0, line_start
    while count < byte_offset and index < len(chars) and chars[index] != "\n":
        count += len(chars[index].encode("utf-8", "surrogatepass"))
        index += 1
    return index - line_start


def unmasked_spans(source: str, spans: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """``spans`` without the blanked statements inside them, so a page never marks a
    ``print`` the comparison ignored as matched; edges trimmed of whitespace."""
    blanked = masked(source)
    pieces = []
    for start, end in spans:
        piece_start = None
        for index in range(start, min(end, len(source)) + 1):
            kept = index < end and not (blanked[index] == " " and source[index] != " ")
            if kept and piece_start is None:
                piece_start = index
            elif not kept and piece_start is not None:
                pieces.append(_trimmed(source, piece_start, index))
                piece_start = None
    return tuple(piece for piece in pieces if piece[0] < piece[1])


def _trimmed(source: str, start: int, end: int) -> tuple[int, int]:
    while start < end and source[start].isspace():
        start += 1
    while end > start and source[end - 1].isspace():
        end -= 1
    return start, end
