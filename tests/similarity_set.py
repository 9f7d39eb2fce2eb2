"""A labelled class for the similarity feature: 30 submissions whose copying is known.

Plain functions, no pytest: the generator's own tests and ``bench/evaluate_similarity_engines.py``
import it with ``tests/`` on ``sys.path``.

Disguises are what students do to hide a copy: rename their own identifiers, reorder
functions, rewrite comments and docstrings, sprinkle ``print`` calls and dead code, change
whitespace, hand the module in as notebook cells. Each is a ``str -> str`` function on
Python source, deterministic for a given ``random.Random``; each keeps the module parsing
and keeps every name the contract with students (the module table of TASKS.md, as ``student_template/`` spells it) requires.

How the labels are meant (``Labels``):

- A student's text for a part has a *root*: an alternative solution file, the reference,
  the template stub, the quiz's model answer, or (written) their own answer. A copy
  inherits the root of what it copied.
- ``copied_pairs``: two students whose texts share a root that is neither the template
  nor the quiz. Two students who each leaked the reference are a copied pair too: their
  code is the same code. Every pair inside a cluster is here.
- ``independent_pairs``: two students whose roots differ, or who both hand in the
  template stub (boilerplate). These must never be flagged.
- Two students who both copied the quiz's model answer are in neither set: what they
  share is the quiz, which ``quiz_copies`` records.
"""

from __future__ import annotations

import ast
import builtins
import difflib
import io
import itertools
import json
import keyword
import random
import re
import textwrap
import tokenize
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
REFERENCE = ROOT / "reference"
ALTERNATIVE = ROOT / "tests" / "alternative"
TEMPLATE = ROOT / "student_template"
QUIZ = ROOT / "tasks" / "quiz.txt"

# Names the contract requires (TASKS.md), the Keras hooks a layer or model relies on, and
# the parameter names graders may pass by keyword: never renamed.
CONTRACT_NAMES = frozenset("""
    MLP params forward backward step layer_sizes seed x targets learning_rate
    mse mse_gradient relu relu_derivative tanh tanh_derivative sigmoid softmax normalize images
    generate_data make_dataset num_samples prepare_data dataset batch_size training
    train_step train_epoch model optimizer loss_fn target adagrad_update rmsprop_update
    build_cnn build_model num_classes predict_digit image receptive_field layers
    ResidualBlock filters strides step_decay make_scheduler epoch initial_lr drop_factor
    epochs_per_drop BottleneckBlock bottleneck_ratio DenseBlock num_layers growth_rate
    build_mlp Classifier loss_function call build get_config compute_output_shape
    self cls kwargs args input_shape inputs mask
""".split())
BUILTIN_NAMES = frozenset(dir(builtins))
RESERVED = frozenset(keyword.kwlist) | frozenset(getattr(keyword, "softkwlist", ())) | {"_"}

NEW_NAMES = ["tmp", "val", "res", "out", "thing", "stuff", "data_in", "hidden", "layer_a",
             "my_var", "helper", "inp", "z", "arr", "obj", "item", "q", "elem", "value",
             "foo", "bar", "temp", "result", "holder", "piece", "chunk", "node", "unit"]


# ---------------------------------------------------------------------------------------
# Disguises
# ---------------------------------------------------------------------------------------

def _tokens(source: str) -> list[tokenize.TokenInfo]:
    return list(tokenize.generate_tokens(io.StringIO(source).readline))


def _protected_names(source: str, tokens: list[tokenize.TokenInfo]) -> set[str]:
    """Names a consistent rename must leave alone in this module."""
    protected = set(CONTRACT_NAMES | BUILTIN_NAMES | RESERVED)
    tree = ast.parse(source)
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            for alias in node.names:
                protected.add((alias.asname or alias.name).split(".")[0])
                protected.add(alias.name.split(".")[0])
        elif isinstance(node, ast.Attribute):
            protected.add(node.attr)
        elif isinstance(node, ast.keyword) and node.arg:
            protected.add(node.arg)
        elif isinstance(node, ast.ClassDef):
            for statement in node.body:  # methods and class attributes are reached by name
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    protected.add(statement.name)
                for target in getattr(statement, "targets", []) + [getattr(statement, "target", None)]:
                    if isinstance(target, ast.Name):
                        protected.add(target.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = node.args
            defaults = arguments.defaults
            positional = arguments.posonlyargs + arguments.args
            for argument in positional[len(positional) - len(defaults):] + arguments.kwonlyargs:
                protected.add(argument.arg)  # callers may pass it by keyword
        elif isinstance(node, ast.Global):
            protected.update(node.names)
    for token in tokens:  # a name inside an f-string is not a NAME token in 3.11
        if token.type == tokenize.STRING and re.match(r"(?i)^[rb]*f", token.string):
            protected.update(re.findall(r"[A-Za-z_]\w*", token.string))
    return protected


def rename_identifiers(source: str, rng: random.Random) -> str:
    """Consistently rename the module's own identifiers (never contract names, imports,
    builtins, attributes after a dot or keyword arguments)."""
    tokens = _tokens(source)
    protected = _protected_names(source, tokens)
    used = {token.string for token in tokens if token.type == tokenize.NAME}
    candidates = []
    previous = None
    for token in tokens:
        if token.type == tokenize.NAME and token.string not in protected and not (
                previous is not None and previous.string == ".") and not token.string.startswith("__"):
            if token.string not in candidates:
                candidates.append(token.string)
        if token.type not in (tokenize.NL, tokenize.COMMENT, tokenize.NEWLINE):
            previous = token
    pool = NEW_NAMES[:]
    rng.shuffle(pool)
    mapping: dict[str, str] = {}
    taken = set(used) | protected
    for index, name in enumerate(candidates):
        base = pool[index % len(pool)]
        new = base if base not in taken else f"{base}{index + 1}"
        while new in taken:
            new += "_"
        if name.startswith("_") and not new.startswith("_"):
            new = "_" + new
        if name[:1].isupper():
            new = new.title().replace("_", "")
            while new in taken:
                new += "X"
        taken.add(new)
        mapping[name] = new
    edits = []
    previous = None
    for token in tokens:
        if (token.type == tokenize.NAME and token.string in mapping
                and not (previous is not None and previous.string == ".")):
            edits.append((token.start, token.end, mapping[token.string]))
        if token.type not in (tokenize.NL, tokenize.COMMENT, tokenize.NEWLINE):
            previous = token
    lines = source.splitlines(keepends=True)
    for (row, start), (_, end), new in sorted(edits, reverse=True):  # right to left keeps columns valid
        line = lines[row - 1]
        lines[row - 1] = line[:start] + new + line[end:]
    return "".join(lines)


def _top_level_blocks(source: str) -> tuple[list[str], list[tuple[str, ast.stmt]]]:
    """Each top-level statement with the lines before it (comments, blanks); and the tail."""
    tree = ast.parse(source)
    lines = source.splitlines(keepends=True)
    blocks: list[tuple[str, ast.stmt]] = []
    starts = []
    for statement in tree.body:
        first = min([statement.lineno] + [d.lineno for d in getattr(statement, "decorator_list", [])])
        starts.append((first, statement.end_lineno, statement))
    cursor = 0
    for first, end, statement in starts:
        text = "".join(lines[cursor:end])
        cursor = end
        blocks.append((text, statement))
    tail = "".join(lines[cursor:])
    return [tail], blocks


def reorder_definitions(source: str, rng: random.Random) -> str:
    """Shuffle runs of top-level functions and classes; imports, the docstring and other
    statements keep their places, and a class still comes after the classes it extends."""
    tail, blocks = _top_level_blocks(source)
    defined_before: set[str] = set()
    out: list[str] = []
    run: list[tuple[str, ast.stmt]] = []

    def flush():
        if not run:
            return
        for _ in range(20):
            order = run[:]
            rng.shuffle(order)
            names = set(defined_before)
            ok = True
            for _, statement in order:
                if isinstance(statement, ast.ClassDef):
                    needed = {n.id for b in statement.bases for n in ast.walk(b) if isinstance(n, ast.Name)}
                    local = {s.name for _, s in run}
                    if needed & local - names:
                        ok = False
                names.add(statement.name)
            if ok:
                break
        else:
            order = run[:]
        for text, statement in order:
            out.append("\n\n" + text.strip("\n") + "\n")
            defined_before.add(statement.name)
        run.clear()

    for text, statement in blocks:
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            run.append((text, statement))
        else:
            flush()
            out.append(text)
    flush()
    result = "".join(out) + tail[0]
    return re.sub(r"\n{4,}", "\n\n\n", result).rstrip("\n") + "\n"


COMMENTS = ["# compute the thing", "# my solution", "# this part was tricky", "# works now",
            "# TODO clean up", "# see lecture 4", "# helper step", "# do the forward part",
            "# not sure about this", "# from the homework", "# ok", "# main logic here",
            "# fixed a bug here", "# returns the result"]
TRAILING = ["# important", "# check shape", "# needed", "# from slides", "# like in the lecture",
            "# this took me ages", "# hmm", "# default"]
DOCSTRINGS = ["My implementation.", "Does the work for this task.", "Solution for the homework.",
              "Implements what the quiz asks.", "Helper written for the assignment."]


def _docstring_lines(source: str) -> list[tuple[int, int]]:
    """1-based inclusive line ranges of every docstring."""
    ranges = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if (isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant)
                    and isinstance(first.value.value, str)):
                ranges.append((first.lineno, first.end_lineno, node))
    return ranges


def strip_comments(source: str, rng: random.Random | None = None) -> str:
    """Remove every comment and docstring (a body left empty gets ``pass``)."""
    lines = source.splitlines(keepends=True)
    for start, end, node in sorted(_docstring_lines(source), key=lambda r: -r[0]):
        if len(node.body) == 1 and not isinstance(node, ast.Module):
            indent = re.match(r"\s*", lines[start - 1]).group(0)
            lines[start - 1:end] = [indent + "pass\n"]
        else:
            del lines[start - 1:end]
    source = "".join(lines)
    tokens = _tokens(source)
    comment_cells = {(t.start[0], t.start[1]) for t in tokens if t.type == tokenize.COMMENT}
    lines = source.splitlines(keepends=True)
    for row, column in sorted(comment_cells, reverse=True):
        line = lines[row - 1]
        kept = line[:column].rstrip()
        lines[row - 1] = kept + "\n" if kept else ""
    return re.sub(r"^\n+", "", "".join(lines))


def rewrite_comments(source: str, rng: random.Random) -> str:
    """Drop the author's comments and docstrings and write different ones."""
    source = strip_comments(source)
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    inserts: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if first.lineno == node.lineno:
                continue
            indent = " " * first.col_offset
            if rng.random() < 0.6:
                inserts.append((first.lineno, f'{indent}"""{rng.choice(DOCSTRINGS)}"""\n'))
            else:
                inserts.append((first.lineno, f"{indent}{rng.choice(COMMENTS)}\n"))
        elif isinstance(node, (ast.Assign, ast.AugAssign, ast.Return, ast.For, ast.If, ast.With, ast.Expr)) and rng.random() < 0.7:
            prefix = lines[node.lineno - 1][:node.col_offset]
            if prefix.strip() == "":
                inserts.append((node.lineno, f"{prefix}{rng.choice(COMMENTS)}\n"))
    seen = set()
    for row, text in sorted(inserts, key=lambda item: -item[0]):
        if row in seen:
            continue
        seen.add(row)
        lines.insert(row - 1, text)
    source = "".join(lines)
    lines = source.splitlines(keepends=True)
    for token in reversed(_tokens(source)):  # trailing comments at the end of logical lines
        if token.type == tokenize.NEWLINE and token.string and rng.random() < 0.45:
            row, column = token.start
            lines[row - 1] = lines[row - 1][:column] + "  " + rng.choice(TRAILING) + lines[row - 1][column:]
    header = f"# {rng.choice(['homework', 'my code', 'assignment', 'quiz task'])} - {rng.choice(['done', 'final version', 'v2', 'submitted'])}\n"
    return header + "".join(lines)


PRINTS = ['print("here")', 'print("debug")', 'print("step done")', 'print("ok so far")',
          'print("checking")', 'print("---")']


def insert_prints(source: str, rng: random.Random) -> str:
    """Put ``print`` calls before some statements in function bodies, and a bit of dead code."""
    lines = source.splitlines(keepends=True)
    tree = ast.parse(source)
    inserts: list[tuple[int, str]] = []
    functions = [node for node in ast.walk(tree) if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))]
    blocks = []
    for function in functions:
        for node in ast.walk(function):
            for field in ("body", "orelse", "finalbody"):
                statements = getattr(node, field, None)
                if isinstance(statements, list) and statements and isinstance(statements[0], ast.stmt):
                    if node is function or not isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)):
                        blocks.append((node, statements))
    seen_rows = set()
    for node, statements in blocks:
        for index, statement in enumerate(statements):
            if index == 0 and isinstance(statement, ast.Expr) and isinstance(
                    getattr(statement, "value", None), ast.Constant):
                continue  # keep the docstring first
            prefix = lines[statement.lineno - 1][:statement.col_offset]
            if prefix.strip() or statement.lineno == node.lineno or statement.lineno in seen_rows:
                continue
            seen_rows.add(statement.lineno)
            roll = rng.random()
            if roll < 0.55:
                inserts.append((statement.lineno, prefix + rng.choice(PRINTS) + "\n"))
            elif roll < 0.7:
                inserts.append((statement.lineno, f"{prefix}if False:\n{prefix}    print('never')\n"))
    for row, text in sorted(inserts, key=lambda item: -item[0]):
        lines.insert(row - 1, text)
    dead = rng.choice([
        "\n\ndef _unused_helper(v):\n    # not used anymore\n    return v * 2\n",
        "\n\nDEBUG = False\nif DEBUG:\n    print('debugging on')\n",
        "\n\n_counter = 0\nfor _i in range(3):\n    _counter += _i\n",
    ])
    text = "".join(lines)
    if not text.endswith("\n"):
        text += "\n"
    return text + dead


def _respace_operators(source: str, tokens: list[tokenize.TokenInfo], rng: random.Random) -> str:
    """Spaces inside brackets and around ``=`` and commas, the way some people type."""
    edits = []
    for token in tokens:
        if token.type == tokenize.OP and token.string in {",", "=", "(", ")", "[", "]", "+", "=="}:
            side = rng.random()
            if side < 0.3:
                edits.append((token.end, " "))
            elif side < 0.5 and token.start[1] > 0:
                edits.append((token.start, " "))
    lines = source.splitlines(keepends=True)
    for (row, column), text in sorted(edits, reverse=True):
        line = lines[row - 1]
        if column >= len(line.rstrip("\n")) or not line[:column].strip():
            continue
        lines[row - 1] = line[:column] + text + line[column:]
    return "".join(lines)


def change_whitespace(source: str, rng: random.Random) -> str:
    """Re-indent with 2 or 3 spaces (tabs never), and add or remove blank lines."""
    tokens = _tokens(source)
    inside_string = set()
    for token in tokens:
        if token.type == tokenize.STRING and token.end[0] > token.start[0]:
            inside_string.update(range(token.start[0] + 1, token.end[0] + 1))
    source = _respace_operators(source, tokens, rng)
    width = rng.choice([2, 3, 8])
    out = []
    for number, line in enumerate(source.splitlines(keepends=True), start=1):
        if number in inside_string:
            out.append(line)
            continue
        stripped = line.lstrip(" ")
        spaces = len(line) - len(stripped)
        if stripped.strip() == "":
            roll = rng.random()
            if roll < 0.5:
                continue  # drop the blank line
            out.append("\n" * (2 if roll > 0.85 else 1))
            continue
        out.append(" " * (spaces // 4 * width + spaces % 4) + stripped.rstrip() + ("  " if rng.random() < 0.2 else "") + "\n")
        if rng.random() < 0.12:
            out.append("\n")
    return "".join(out)


DISGUISES: dict[str, Callable[[str, random.Random], str]] = {
    "rename": rename_identifiers,
    "reorder": reorder_definitions,
    "comments": rewrite_comments,
    "prints": insert_prints,
    "whitespace": change_whitespace,
}
ORDER = ["reorder", "comments", "prints", "rename", "whitespace"]


def disguise(source: str, names: list[str], rng: random.Random) -> str:
    """Apply the named disguises in a fixed sensible order (whitespace last)."""
    for name in sorted(names, key=ORDER.index):
        source = DISGUISES[name](source, rng)
        ast.parse(source)
    return source


def pick_disguises(rng: random.Random) -> list[str]:
    """Two to four disguises: always a rename and a change of comments or prints."""
    count = rng.randint(2, 4)
    chosen = ["rename", rng.choice(["comments", "prints"])]
    rest = [name for name in ORDER if name not in chosen]
    chosen += rng.sample(rest, count - 2)
    return sorted(chosen, key=ORDER.index)


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def as_notebook(modules: dict[str, str]) -> bytes:
    """A notebook (nbformat v4) whose code cells hold the modules, each cell tagged by its
    first line ``# taskNN``; a module with several top-level blocks is split over two cells."""
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# Homework\n", "My solutions."]}]
    for module, source in modules.items():
        tag = module.split("_")[0]
        cells.append({"cell_type": "markdown", "metadata": {}, "source": [f"## {tag}"]})
        parts = [source]
        blocks = _top_level_blocks(source)[1] if source.strip() else []
        if len(blocks) >= 3:
            lines = source.splitlines(keepends=True)
            cut = blocks[len(blocks) // 2][1]
            cut_row = min([cut.lineno] + [d.lineno for d in getattr(cut, "decorator_list", [])]) - 1
            parts = ["".join(lines[:cut_row]), "".join(lines[cut_row:])]
        for part in parts:
            text = f"# {tag}\n" + part
            cells.append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [],
                          "source": text.splitlines(keepends=True)})
    notebook = {"cells": cells, "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python",
                                                             "name": "python3"},
                                              "language_info": {"name": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    for number, cell in enumerate(cells):
        cell["id"] = f"cell-{number}"
    return (json.dumps(notebook, indent=1) + "\n").encode()


# ---------------------------------------------------------------------------------------
# The class
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Labels:
    copied_pairs: set[tuple[str, str, str]]
    clusters: set[tuple[str, frozenset[str]]]
    independent_pairs: set[tuple[str, str, str]]
    reference_copies: set[tuple[str, str]]
    quiz_copies: set[tuple[str, str]]


STUDENTS = [f"s{number:02d}" for number in range(1, 31)]
NOTEBOOK_STUDENTS = {"s11", "s12", "s17", "s26"}

# module -> student -> ("alt", file) | ("ref",) | ("tmpl",) | ("copy", other student)
CODE_PLAN: dict[str, dict[str, tuple]] = {
    "task29_cnn": {
        "s01": ("alt", "another_style"), "s02": ("copy", "s01"), "s03": ("ref",),
        "s04": ("alt", "sequential_input_shape"), "s05": ("alt", "activation_layer_object"),
        "s07": ("tmpl",), "s08": ("tmpl",), "s09": ("alt", "sequential_add_keras_import"),
        "s13": ("alt", "subclassed_reused_pool"), "s14": ("copy", "s13"),
        "s16": ("alt", "relu_after_max_pooling"), "s20": ("alt", "subclassed_tf_nn_pool_build"),
        "s22": ("tmpl",), "s25": ("alt", "subclassed_list_tf_function_build"), "s27": ("copy", "s03"),
    },
    "task40_residual": {  # cluster of four around s05
        "s05": ("alt", "layers_in_a_list"), "s06": ("copy", "s05"), "s07": ("copy", "s05"),
        "s08": ("copy", "s05"), "s01": ("alt", "another_style"), "s10": ("alt", "conv_subclass_functional"),
        "s12": ("ref",), "s15": ("alt", "own_conv_layer_add_weight"), "s18": ("tmpl",), "s19": ("tmpl",),
        "s21": ("alt", "tf_function_with_build"), "s24": ("copy", "s21"),
    },
    "task46_mlp": {
        "s02": ("alt", "another_style"), "s03": ("alt", "functional_activation_layers"), "s04": ("ref",),
        "s09": ("copy", "s04"), "s11": ("alt", "activation_layer_objects"),
        "s14": ("alt", "sequential_add_keras_import"), "s17": ("tmpl",), "s23": ("alt", "subclassed_build_tf_nn"),
        "s26": ("copy", "s23"), "s28": ("alt", "sequential_input_shape_mixed"), "s29": ("tmpl",),
        "s30": ("alt", "subclassed_list_tf_function_build"),
    },
    "task13_pipeline": {  # cluster of three around s10, two of them handed in as notebooks
        "s10": ("alt", "named_functions_parallel"), "s11": ("copy", "s10"), "s12": ("copy", "s10"),
        "s01": ("alt", "another_style"), "s06": ("alt", "one_lambda_keras_rescaling"), "s13": ("ref",),
        "s16": ("tmpl",), "s18": ("alt", "built_inside_tf_function"),
        "s20": ("alt", "notebook_scaling_quiz_order"), "s25": ("copy", "s06"), "s27": ("tmpl",),
    },
    "task55_batchnorm": {  # cluster of three around s15
        "s15": ("alt", "quiz_shape_fixed"), "s16": ("copy", "s15"), "s17": ("copy", "s15"),
        "s02": ("alt", "another_style"), "s19": ("ref",), "s21": ("alt", "tf_function_call_with_build"),
        "s22": ("alt", "training_not_forwarded"), "s28": ("tmpl",), "s30": ("tmpl",),
    },
    "task06_backprop": {
        "s03": ("alt", "another_style"), "s04": ("alt", "einsum_lists_in_place"), "s08": ("ref",),
        "s09": ("copy", "s08"), "s14": ("alt", "layer_objects_matmul"), "s20": ("copy", "s14"),
        "s23": ("alt", "loops_float32_keepdims"), "s24": ("tmpl",), "s29": ("tmpl",),
    },
}


def quiz_answer(task: int) -> str:
    """The quiz's model answer for a task: the text between its question and the next task."""
    text = QUIZ.read_text(encoding="utf-8")
    match = re.search(rf"^Task {task}:.*?$\n(.*?)(?=^Task {task + 1}:)", text, re.S | re.M)
    body = match.group(1).strip().split("\n\n")
    return "\n\n".join(body[1:]).strip()  # the first paragraph is the question


def _quiz_paragraphs(task: int, indexes: list[int]) -> str:
    paragraphs = [p.strip() for p in quiz_answer(task).split("\n\n") if p.strip()]
    return "\n\n".join(paragraphs[i] for i in indexes)


# Written answers. ("own", text) is an answer written independently; ("copy", student) is
# verbatim; ("para", student, text) is a light paraphrase of that student's answer;
# ("quiz", text) copies or lightly paraphrases the quiz's model answer.
WRITTEN_PLAN: dict[str, dict[str, tuple]] = {
    "task01.answer": {
        "s01": ("own", "Deep learning learns the features by itself from the raw data, so you don't have to "
                       "design them by hand like with SVMs or decision trees. It also keeps getting better "
                       "when you give it more data, while classic methods plateau."),
        "s02": ("own", "The big advantage is that a deep network can model very non-linear functions because "
                       "it stacks many layers. Another one is that one architecture like a CNN works for lots "
                       "of image problems and you can reuse pretrained weights for a new problem (transfer "
                       "learning)."),
        "s03": ("own", "With traditional ML most of the work is feature engineering. A neural net takes pixels "
                       "or words directly and finds a hierarchy of features on its own, edges first and then "
                       "shapes and objects. It also runs well on GPUs so it scales to huge datasets."),
        "s04": ("own", "I think the main point is end to end training: the whole pipeline from input to output "
                       "is optimized together with gradient descent. Old approaches have separate steps that "
                       "are tuned one by one. Deep models also handle unstructured inputs like audio and text."),
        "s09": ("own", "Deep learning needs less domain knowledge since the model figures out what is "
                       "important in the input. Performance increases with the amount of data and compute, and "
                       "the same tools (backprop, SGD) work for images, speech and language."),
        "s06": ("copy", "s01"),
        "s07": ("para", "s02", "A deep network can model highly non-linear functions since it stacks lots of "
                               "layers, that is the big advantage. Another advantage: one architecture like a "
                               "CNN works for many image problems, and pretrained weights can be reused for a "
                               "new problem (transfer learning)."),
        "s05": ("quiz", _quiz_paragraphs(1, [0, 1, 2])),
        "s18": ("quiz", "Feature learning: deep learning models learn hierarchical representations of the data "
                        "automatically. In traditional machine learning feature engineering is a manual and "
                        "time-consuming process, while deep learning algorithms learn the relevant features from "
                        "raw data, which reduces the need for feature engineering. Scalability: deep learning "
                        "models can handle big amounts of data efficiently and often keep improving as the "
                        "dataset grows, whereas traditional methods may struggle to keep their accuracy."),
    },
    "task03.answer": {
        "s01": ("own", "1) Real neurons communicate with spikes over time, artificial ones just output a number. "
                       "2) The brain learns with local rules like synaptic plasticity, an ANN uses backprop with "
                       "a global loss. 3) The brain uses about 20 watts, training a big ANN needs much more power."),
        "s10": ("own", "Artificial networks are built from neat layers where every layer feeds the next, but "
                       "in the brain there are loops and connections everywhere. Biological neurons are also much "
                       "more complicated cells with dendrites and chemistry, not a weighted sum with an activation. "
                       "And the brain has around 86 billion neurons, way more than any network we train in class."),
        "s13": ("own", "First, an ANN is trained offline on a dataset and then frozen, while a brain keeps "
                       "learning all the time. Second, biological neurons fire asynchronously and in parallel, "
                       "whereas an ANN is computed layer after layer on a GPU. Third, the brain is very robust to "
                       "losing some neurons, an ANN can break from small weight changes."),
        "s14": ("own", "The learning is different: we use gradient descent, the brain probably uses Hebbian "
                       "learning (cells that fire together wire together). The signals are different: spikes "
                       "versus real valued activations. The size and energy use are also very different."),
        "s11": ("para", "s10", "In the brain there are loops and connections everywhere, but artificial "
                               "networks are made of neat layers where each layer feeds the next one. Also "
                               "biological neurons are far more complicated cells with dendrites and chemistry "
                               "instead of a weighted sum plus an activation. The brain has about 86 billion "
                               "neurons, which is way more than any network we train in the course."),
        "s15": ("copy", "s13"),
        "s12": ("quiz", _quiz_paragraphs(3, [1, 2, 3, 4, 5])),
        "s20": ("quiz", "1. Architectural complexity: ANNs usually have a simpler, more structured architecture "
                        "than biological networks, with layers of interconnected nodes. The structure of "
                        "biological neural networks is highly complex and interconnected, with massive "
                        "parallelism, feedback loops and connections across brain regions.\n\n"
                        "2. Learning mechanisms: in ANNs learning happens mainly through gradient descent and "
                        "backpropagation, which adjust the weights to minimize the error. Learning in the brain "
                        "is dynamic and adaptive and involves synaptic plasticity, Hebbian learning and STDP.\n\n"
                        "3. Energy efficiency: training ANNs can consume a lot of energy compared to the brain, "
                        "which is highly energy-efficient and operates in a massively parallel way."),
    },
    "task07.answer": {
        "s02": ("own", "Without a bias every neuron computes w*x, so its decision boundary always has to go "
                       "through the origin. The bias lets the boundary shift away from zero, so the network can "
                       "fit data that is not centered."),
        "s04": ("own", "The bias is like the intercept b in y = mx + b. If you drop it, the model can only "
                       "represent lines through (0,0), which is a big restriction. For example with an all-zero "
                       "input the output before the activation is always zero."),
        "s08": ("own", "A bias lets a neuron decide how easily it activates, it moves the threshold of the "
                       "activation function left or right. Without it the network has fewer degrees of freedom "
                       "and needs extra neurons to fake the same shift, so it performs worse."),
        "s16": ("own", "The bias adds a constant to the weighted input of each unit. That constant shifts the "
                       "activation function, e.g. sigmoid, so the unit can output something useful even when the "
                       "inputs are small. A network without biases is less flexible and fits the data worse."),
        "s21": ("own", "If there is no bias the output for input zero is fixed by the activation, like 0.5 for "
                       "a sigmoid, no matter what the weights are. So some functions simply cannot be learned. "
                       "Adding the bias costs almost nothing, one parameter per neuron."),
        "s22": ("copy", "s21"),
        "s23": ("para", "s16", "Each unit gets a constant added to its weighted input by the bias. This constant "
                               "shifts the activation function (e.g. sigmoid), so the unit can still output "
                               "something useful when the inputs are small. Without biases a network is less "
                               "flexible and fits the data worse."),
        "s24": ("para", "s16", "The bias is a constant that gets added to the weighted input of every unit, and "
                               "it shifts the activation function, for example the sigmoid. So even with small "
                               "inputs the unit can output something useful. Networks without biases are less "
                               "flexible and therefore fit the data worse."),
    },
    "task16.answer": {
        "s03": ("own", "In eager mode every operation runs immediately, like normal Python, which is easy to "
                       "debug. In graph mode (tf.function) TensorFlow first traces the code into a graph and then "
                       "runs the optimized graph, which is faster but harder to debug."),
        "s05": ("own", "Eager execution evaluates each line right away and returns concrete values. Graph "
                       "execution builds a computational graph first that can be optimized and run many times "
                       "without going back to Python."),
        "s19": ("own", "Eager is the default in TF2: you call an op and get the tensor back at once. With a "
                       "graph the Python function is compiled once per input signature and TensorFlow can fuse "
                       "operations and run them in parallel, so training steps get quicker."),
        "s25": ("own", "Eager execution is imperative, the operations happen one after another when Python "
                       "reaches them. Graph execution is declarative, you describe the computation and it is "
                       "executed later as a whole, which allows optimizations and exporting the model."),
        "s26": ("own", "Graph execution means TensorFlow turns the function into a static dataflow graph and "
                       "runs that, print statements only show up during tracing. Eager execution just runs the "
                       "Python code step by step, so it is slower but very intuitive."),
        "s27": ("para", "s25", "Graph execution is declarative: you describe the computation and later it gets "
                               "executed as a whole, which allows optimizations and exporting the model. Eager "
                               "execution is imperative, so the operations happen one after the other when "
                               "Python reaches them."),
        "s28": ("copy", "s05"),
    },
}


def _module_source(module: str, spec: tuple) -> str:
    kind = spec[0]
    if kind == "alt":
        return (ALTERNATIVE / module / f"{spec[1]}.py").read_text(encoding="utf-8")
    if kind == "ref":
        return (REFERENCE / f"{module}.py").read_text(encoding="utf-8")
    if kind == "tmpl":
        return (TEMPLATE / f"{module}.py").read_text(encoding="utf-8")
    raise ValueError(spec)


def _roots(plan: dict[str, tuple], root_of: Callable[[str, tuple], str]) -> dict[str, str]:
    roots: dict[str, str] = {}

    def resolve(student: str) -> str:
        if student not in roots:
            spec = plan[student]
            roots[student] = resolve(spec[1]) if spec[0] in ("copy", "para") else root_of(student, spec)
        return roots[student]

    for student in plan:
        resolve(student)
    return roots


def code_roots(module: str) -> dict[str, str]:
    return _roots(CODE_PLAN[module], lambda student, spec: {"alt": f"alt:{spec[1] if len(spec) > 1 else ''}",
                                                             "ref": "reference", "tmpl": "template"}[spec[0]])


def written_roots(part: str) -> dict[str, str]:
    return _roots(WRITTEN_PLAN[part], lambda student, spec: "quiz" if spec[0] == "quiz" else f"own:{student}")


def class_sources() -> dict[str, dict[str, str]]:
    """student -> module -> the (possibly disguised) source they hand in; deterministic."""
    sources: dict[str, dict[str, str]] = {student: {} for student in STUDENTS}
    for module, plan in CODE_PLAN.items():
        done: dict[str, str] = {}

        def make(student: str) -> str:
            if student in done:
                return done[student]
            spec = plan[student]
            rng = random.Random(f"{module}:{student}")
            if spec[0] == "copy":
                text = disguise(make(spec[1]), pick_disguises(rng), rng)
            elif spec[0] == "ref":
                text = disguise(_module_source(module, spec), pick_disguises(rng), rng)
            else:
                text = _module_source(module, spec)
            done[student] = text
            return text

        for student in plan:
            sources[student][module] = make(student)
    return sources


def class_answers() -> dict[str, dict[str, str]]:
    """student -> written part -> the answer text they hand in."""
    answers: dict[str, dict[str, str]] = {student: {} for student in STUDENTS}
    for part, plan in WRITTEN_PLAN.items():
        def text_of(student: str) -> str:
            spec = plan[student]
            if spec[0] == "copy":
                return text_of(spec[1])
            return spec[-1]
        for student in plan:
            answers[student][part] = text_of(student)
    return answers


def _answers_yaml(parts: dict[str, str]) -> str:
    by_task: dict[str, dict[str, str]] = {}
    for part, text in parts.items():
        task, key = part.split(".")
        by_task.setdefault(task, {})[key] = text
    lines = ["# my answers\n"]
    for task in sorted(by_task):
        lines.append(f"\n{task}:\n")
        for key, text in by_task[task].items():
            lines.append(f"  {key}: |\n")
            for paragraph_line in text.splitlines():
                wrapped = textwrap.wrap(paragraph_line, 90, break_on_hyphens=False, break_long_words=False) or [""]
                for line in wrapped:
                    lines.append(f"    {line}\n" if line else "\n")
    lines.append("\ntask09:\n  choice: MSE\n")
    return "".join(lines)


def labels() -> Labels:
    copied, independent, clusters = set(), set(), set()
    reference_copies, quiz_copies = set(), set()
    groups: list[tuple[str, dict[str, str], str]] = []
    groups += [(module, code_roots(module), "code") for module in CODE_PLAN]
    groups += [(part, written_roots(part), "written") for part in WRITTEN_PLAN]
    for part, roots, kind in groups:
        for a, b in itertools.combinations(sorted(roots), 2):
            same = roots[a] == roots[b]
            if same and roots[a] not in ("template", "quiz"):
                copied.add((part, a, b))
            elif not same or roots[a] == "template":
                independent.add((part, a, b))
        by_root: dict[str, set[str]] = {}
        for student, root in roots.items():
            by_root.setdefault(root, set()).add(student)
            if root == "reference":
                reference_copies.add((part, student))
            if root == "quiz":
                quiz_copies.add((part, student))
        for root, members in by_root.items():
            if len(members) >= 3 and root not in ("template", "quiz"):
                clusters.add((part, frozenset(members)))
    return Labels(copied, clusters, independent, reference_copies, quiz_copies)


def build_labelled_class(dest: Path) -> Labels:
    """Write the 30 submission folders under ``dest`` and return what is known about them."""
    dest = Path(dest)
    sources, answers = class_sources(), class_answers()
    for student in STUDENTS:
        folder = dest / student
        folder.mkdir(parents=True, exist_ok=True)
        modules = dict(sorted(sources[student].items()))
        if student in NOTEBOOK_STUDENTS and modules:
            (folder / "homework.ipynb").write_bytes(as_notebook(modules))
        else:
            for module, text in modules.items():
                (folder / f"{module}.py").write_text(text, encoding="utf-8")
        if answers[student]:
            (folder / "answers.yaml").write_text(_answers_yaml(answers[student]), encoding="utf-8")
    return labels()
