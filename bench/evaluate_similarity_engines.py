"""Score two candidate similarity engines on the code part of the labelled class.

    .venv/bin/python bench/evaluate_similarity_engines.py [--dolos ~/dolos] [--json out.json]

The class is ``tests/similarity_set.build_labelled_class`` (30 submissions, known copies).
Modules are read back through ``grader.intake.submission.read_submission``, so notebook
copies reach the engines exactly as the grader sees them.

- copydetect (PyPI ``copydetect==0.5.0``): winnowing over Pygments tokens with names and
  literals normalised; boilerplate = the fingerprints of the template stub and of the
  quiz's fenced code. A pair's score is the larger of the two sides' shares.
- Dolos (npm ``@dodona/dolos-lib``): winnowing over tree-sitter syntax trees; driven by a
  small Node script written here; the ignored file is the template stub plus the quiz
  code. Its own ``similarity`` is (covered left + covered right) / (total left + right);
  the larger side share is shown as well.

Dolos is skipped, saying so, without ``--dolos DIR`` (the folder holding node_modules).
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import similarity_set as S  # noqa: E402
from grader.catalog import load_catalog  # noqa: E402
from grader.intake.submission import read_submission  # noqa: E402

DOLOS_SCRIPT = r"""
import { Dolos } from "%(lib)s";
const [,, spec] = process.argv;
const jobs = JSON.parse((await import("node:fs")).readFileSync(spec, "utf8"));
const out = [];
for (const job of jobs) {
  const dolos = new Dolos({ language: "python", kgramLength: job.k, kgramsInWindow: job.w });
  const report = await dolos.analyzePaths(job.paths, job.ignore);
  for (const p of report.allPairs()) {
    out.push({ part: job.part, left: p.leftFile.path, right: p.rightFile.path, similarity: p.similarity,
               leftCovered: p.leftCovered, leftTotal: p.leftTotal,
               rightCovered: p.rightCovered, rightTotal: p.rightTotal });
  }
}
console.log(JSON.stringify(out));
"""


def quiz_code() -> str:
    return "\n\n".join(re.findall(r"```[a-z]*\n(.*?)```", S.QUIZ.read_text(encoding="utf-8"), re.S))


def class_documents(dest: Path) -> tuple[dict[str, dict[str, str]], S.Labels]:
    """module -> student -> the text the grader would see."""
    labels = S.build_labelled_class(dest)
    catalog = load_catalog()
    documents: dict[str, dict[str, str]] = {module: {} for module in S.CODE_PLAN}
    for student in S.STUDENTS:
        submission = read_submission(dest / student, catalog)
        for module, source in submission.sources.items():
            if module in documents:
                documents[module][student] = source.text
    return documents, labels


def run_copydetect(documents, k: int, win: int) -> tuple[dict, float]:
    import copydetect

    started = time.perf_counter()
    quiz = copydetect.CodeFingerprint(file="quiz.py", k=k, win_size=1, fp=io.StringIO(quiz_code())).hashes
    scores = {}
    for module, texts in documents.items():
        template = (S.TEMPLATE / f"{module}.py").read_text(encoding="utf-8")
        boilerplate = list(set(copydetect.CodeFingerprint(
            file="template.py", k=k, win_size=1, fp=io.StringIO(template)).hashes) | set(quiz))
        prints = {student: copydetect.CodeFingerprint(file=f"{student}.py", k=k, win_size=win,
                                                      fp=io.StringIO(text), boilerplate=boilerplate)
                  for student, text in texts.items()}
        for a, b in itertools.combinations(sorted(prints), 2):
            _, (share_a, share_b), _ = copydetect.compare_files(prints[a], prints[b])
            scores[(module, a, b)] = {"score": float(max(share_a, share_b))}
    return scores, time.perf_counter() - started


def run_dolos(documents, lib_dir: Path, k: int, win: int) -> tuple[dict, float] | str:
    entry = lib_dir / "node_modules" / "@dodona" / "dolos-lib" / "dist" / "index.js"
    if not entry.is_file():
        return f"Dolos skipped: {entry} not found (npm install @dodona/dolos-lib in {lib_dir})"
    if not shutil.which("node"):
        return "Dolos skipped: no node on PATH"
    with tempfile.TemporaryDirectory(prefix="dolos-eval-") as work:
        work = Path(work)
        jobs = []
        for module, texts in documents.items():
            folder = work / module
            folder.mkdir()
            paths = []
            for student, text in sorted(texts.items()):
                (folder / f"{student}.py").write_text(text, encoding="utf-8")
                paths.append(str(folder / f"{student}.py"))
            ignore = work / f"{module}.ignore.py"
            ignore.write_text((S.TEMPLATE / f"{module}.py").read_text(encoding="utf-8") + "\n\n" + quiz_code(),
                              encoding="utf-8")
            jobs.append({"part": module, "paths": paths, "ignore": str(ignore), "k": k, "w": win})
        (work / "jobs.json").write_text(json.dumps(jobs))
        script = work / "run.mjs"
        script.write_text(DOLOS_SCRIPT % {"lib": entry.as_posix()})
        started = time.perf_counter()
        result = subprocess.run(["node", str(script), str(work / "jobs.json")], capture_output=True, text=True,
                                timeout=600)
        elapsed = time.perf_counter() - started
        if result.returncode != 0:
            return f"Dolos skipped: node failed: {result.stderr.strip()[-800:]}"
        scores = {}
        for row in json.loads(result.stdout):
            a, b = sorted([Path(row["left"]).stem, Path(row["right"]).stem])
            side = max(row["leftCovered"] / max(row["leftTotal"], 1), row["rightCovered"] / max(row["rightTotal"], 1))
            scores[(row["part"], a, b)] = {"score": float(row["similarity"]), "max_side": side}
        return scores, elapsed


def best_threshold(positives: list[float], negatives: list[float]) -> tuple[float, float, float, float]:
    """The threshold with the best F1 (ties: the highest threshold); precision, recall, F1."""
    best = (0.0, 0.0, 0.0, -1.0)
    for threshold in sorted(set(positives + negatives + [1.0]), reverse=True):
        tp = sum(s >= threshold for s in positives)
        fp = sum(s >= threshold for s in negatives)
        precision = tp / (tp + fp) if tp + fp else 1.0
        recall = tp / len(positives) if positives else 1.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        if f1 > best[3] + 1e-12:
            best = (threshold, precision, recall, f1)
    return best


def at(threshold: float, positives: list[float], negatives: list[float]) -> tuple[float, float]:
    tp = sum(s >= threshold for s in positives)
    fp = sum(s >= threshold for s in negatives)
    return (tp / (tp + fp) if tp + fp else 1.0), tp / len(positives)


def evaluate(name: str, scores: dict, labels: S.Labels, elapsed: float, key: str = "score") -> dict:
    code = set(S.CODE_PLAN)
    copied = sorted(p for p in labels.copied_pairs if p[0] in code)
    independent = sorted(p for p in labels.independent_pairs if p[0] in code)
    value = lambda pair: scores.get(pair, {}).get(key, 0.0)  # noqa: E731 (a pair an engine did not report shares nothing)
    positives, negatives = [value(p) for p in copied], [value(p) for p in independent]
    threshold, precision, recall, f1 = best_threshold(positives, negatives)
    print(f"\n== {name} ({key}): {len(copied)} copied pairs, {len(independent)} independent pairs, "
          f"{elapsed:.2f} s")
    print(f"{'module':<18} {'copied pairs: min / median':>28} {'independent: max':>18}  highest independent pair")
    for module in sorted(code):
        pos = sorted(value(p) for p in copied if p[0] == module)
        neg = [(value(p), p) for p in independent if p[0] == module]
        top = max(neg) if neg else (0.0, ("", "", ""))
        median = pos[len(pos) // 2] if pos else float("nan")
        print(f"{module:<18} {min(pos):>14.2f} / {median:<11.2f} {top[0]:>18.2f}  {top[1][1]}-{top[1][2]}")
    print(f"best threshold {threshold:.2f}: precision {precision:.2f}, recall {recall:.2f}, F1 {f1:.2f}")
    for fixed in (0.5, 0.6):
        p, r = at(fixed, positives, negatives)
        print(f"at {fixed:.2f}: precision {p:.2f}, recall {r:.2f}")
    missed = [(round(value(p), 2), p) for p in copied if value(p) < threshold]
    false = sorted(((round(value(p), 2), p) for p in independent if value(p) >= threshold), reverse=True)
    print("missed copies:", missed or "none")
    print("flagged independent pairs:", false[:10] or "none")
    return {"engine": name, "key": key, "threshold": threshold, "precision": precision, "recall": recall,
            "f1": f1, "seconds": elapsed,
            "copied": {"|".join(p): value(p) for p in copied},
            "independent": {"|".join(p): value(p) for p in independent}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dolos", type=Path, help="folder whose node_modules holds @dodona/dolos-lib")
    parser.add_argument("--copydetect-k", type=int, default=10, help="noise threshold in tokens (default 10)")
    parser.add_argument("--copydetect-win", type=int, default=1, help="winnowing window (default 1)")
    parser.add_argument("--dolos-k", type=int, default=23, help="Dolos k-gram length (its default 23)")
    parser.add_argument("--dolos-win", type=int, default=17, help="Dolos k-grams in a window (its default 17)")
    parser.add_argument("--json", type=Path, help="write every score here")
    parser.add_argument("--scale", type=int, default=0, metavar="N",
                        help="also time both engines on the class repeated N times (timing only)")
    args = parser.parse_args(argv)
    results = []
    with tempfile.TemporaryDirectory(prefix="similarity-class-") as dest:
        documents, labels = class_documents(Path(dest))
        print(f"class: {len(S.STUDENTS)} submissions, code modules: "
              + ", ".join(f"{m} ({len(t)})" for m, t in documents.items()))
        try:
            scores, elapsed = run_copydetect(documents, args.copydetect_k, args.copydetect_win)
            results.append(evaluate(f"copydetect k={args.copydetect_k} win={args.copydetect_win}",
                                    scores, labels, elapsed))
        except ImportError:
            print("copydetect skipped: pip install copydetect==0.5.0")
        if args.dolos is None:
            print("\nDolos skipped: pass --dolos DIR (the folder holding node_modules/@dodona/dolos-lib)")
        else:
            outcome = run_dolos(documents, args.dolos, args.dolos_k, args.dolos_win)
            if isinstance(outcome, str):
                print("\n" + outcome)
            else:
                scores, elapsed = outcome
                name = f"Dolos k={args.dolos_k} w={args.dolos_win}"
                results.append(evaluate(name, scores, labels, elapsed))
                results.append(evaluate(name, scores, labels, elapsed, key="max_side"))
        if args.scale > 1:
            big = {module: {f"{student}r{copy:03d}": text for student, text in texts.items()
                            for copy in range(args.scale)} for module, texts in documents.items()}
            count = sum(len(t) for t in big.values())
            _, seconds = run_copydetect(big, args.copydetect_k, args.copydetect_win)
            print(f"\ntiming, {count} documents ({len(S.STUDENTS) * args.scale} submissions): "
                  f"copydetect {seconds:.1f} s", end="")
            if args.dolos is not None:
                outcome = run_dolos(big, args.dolos, args.dolos_k, args.dolos_win)
                print(f", Dolos {outcome[1]:.1f} s" if not isinstance(outcome, str) else f"; {outcome}", end="")
            print()
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
