"""How long ``grader similarity`` takes on a large class, and its peak memory.

Builds synthetic classes (every student hands in all 21 modules and every written part):
each module is a correct solution (the reference or an alternative) grown with statements
of the student's own, so that most pairs share only the common solution; one student in
twenty hands in a disguised copy of another's module or answer. Each size runs in its own
process, so its peak resident memory is its own. Targets: 200 in under 60 s, 1,000 in
under 10 minutes, on 2 cores.

    .venv/bin/python bench/bench_similarity.py [--sizes 200,1000] [--rounds 1]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORDS = ("gradient loss layer weights bias network activation batch learning rate model data training "
         "error neuron output input function convolution filter kernel pooling overfitting the a of "
         "to is and in that it with for as because when this can more less small large").split()


def own_statement(rng: random.Random) -> str:
    """A line only this student writes: varied in structure, calls and constants."""
    name, other = f"v{rng.randrange(1000)}", f"w{rng.randrange(1000)}"
    call = rng.choice(("np.sum", "np.mean", "np.max", "len", "float", "abs", "np.clip", "sorted"))
    number = rng.choice((rng.randrange(1, 500), round(rng.random() * 10, rng.randrange(1, 4))))
    return rng.choice((
        f"{name} = {call}({other}) {rng.choice('+-*/')} {number}",
        f"{name} = [{other} ** {rng.randrange(2, 5)} for {other} in range({number!r})]",
        f"if {name} {rng.choice(('<', '>', '==', '>='))} {number}:\n    {other} = {call}({name})",
        f"print('{rng.choice(WORDS)} {rng.choice(WORDS)}', {name}, {number})",
        f"{name}: dict = {{'{rng.choice(WORDS)}': {number}, '{rng.choice(WORDS)}': {other}}}",
    ))


def grown(solution: str, rng: random.Random) -> str:
    """``solution`` with a statement of the student's own after about every third line."""
    lines = []
    for line in solution.splitlines():
        lines.append(line)
        if not line.startswith((" ", "\t", "@")) and line.strip() and not line.rstrip().endswith((",", "(", "[", "\\")) \
                and rng.random() < 0.4:
            lines.append(own_statement(rng))
    lines += [own_statement(rng) for _ in range(rng.randrange(3, 8))]
    return "\n".join(lines) + "\n"


def disguised(source: str, rng: random.Random) -> str:
    """A lazy copy: comments and blank lines added, a print or two."""
    lines = []
    for line in source.splitlines():
        if rng.random() < 0.2:
            lines.append(f"# {rng.choice(WORDS)} {rng.choice(WORDS)}")
        lines.append(line)
    return "\n".join(lines) + f"\nprint('done', {rng.randrange(100)})\n"


def quiz_words() -> list[str]:
    """Every word of the quiz's prose, repeats kept: drawn from, common words come up often."""
    return re.findall(r"[A-Za-z]+", (ROOT / "tasks" / "quiz.txt").read_text(encoding="utf-8"))


def answer(rng: random.Random, vocabulary: list[str]) -> str:
    """An answer of the student's own: the course's words, in an order of their own."""
    sentences = [" ".join(rng.choice(vocabulary) for _ in range(rng.randrange(8, 16)))
                 for _ in range(rng.randrange(2, 5))]
    return ". ".join(sentences) + "."


def build_class(folder: Path, size: int, seed: int = 0) -> None:
    sys.path.insert(0, str(ROOT))
    from grader.catalog import load_catalog

    rng, catalog = random.Random(seed), load_catalog()
    modules = sorted({task.module for task in catalog.tasks if task.module})
    solutions = {module: [(ROOT / "reference" / f"{module}.py").read_text()] +
                 [path.read_text() for path in sorted((ROOT / "tests" / "alternative" / module).glob("*.py"))]
                 for module in modules}
    written = [(task.id, part.key) for task in catalog.tasks for part in task.written]
    vocabulary, students = quiz_words(), []
    for number in range(size):
        copy_from = students[rng.randrange(len(students))] if students and rng.random() < 0.05 else None
        code = {module: disguised(copy_from[0][module], rng) if copy_from else grown(rng.choice(solutions[module]), rng)
                for module in modules}
        texts = {key: copy_from[1][key] if copy_from else answer(rng, vocabulary) for key in written}
        students.append((code, texts))
        _write_student(folder / f"student{number:04d}", code, texts)


def _write_student(folder: Path, code: dict[str, str], texts: dict[tuple[str, str], str]) -> None:
    folder.mkdir(parents=True)
    for module, source in code.items():
        (folder / f"{module}.py").write_text(source)
    answers: dict[str, dict[str, str]] = {}
    for (task_id, key), text in texts.items():
        answers.setdefault(task_id, {})[key] = text
    (folder / "answers.yaml").write_text(yaml.safe_dump(answers, sort_keys=True))


def measure(size: int) -> dict:
    """Build a class of ``size`` and time ``grader similarity`` on it (in this process)."""
    from grader.commands.main import main

    with tempfile.TemporaryDirectory(prefix="bench-similarity-") as temporary:
        folder, out = Path(temporary) / "class", Path(temporary) / "out"
        build_class(folder, size)
        start = time.perf_counter()
        code = main(["similarity", str(folder), "--out", str(out)])
        seconds = time.perf_counter() - start
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reader_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024  # the largest reader
    return {"size": size, "seconds": round(seconds, 1), "peak_mb": round(peak_mb),
            "reader_mb": round(reader_mb), "exit": code}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000")
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # a child measuring one size
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one)))
        return
    for size in (int(text) for text in args.sizes.split(",")):
        runs = [json.loads(subprocess.run([sys.executable, __file__, "--one", str(size)], check=True,
                                          capture_output=True, text=True).stdout.splitlines()[-1])
                for _ in range(args.rounds)]
        print(f"{size} submissions: median {statistics.median(r['seconds'] for r in runs)} s "
              f"(runs: {', '.join(str(r['seconds']) for r in runs)}), peak {max(r['peak_mb'] for r in runs)} MB "
              f"resident, largest reader process {max(r['reader_mb'] for r in runs)} MB ({args.rounds} round(s))")


if __name__ == "__main__":
    main()
