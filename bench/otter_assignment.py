"""An Otter-Grader assignment equivalent to our five benchmark tasks, for bench_vs_otter.py.

Each question's solution is our reference module; its test makes exactly the probe calls
our checks make (our probe files, imported in the notebook's kernel) and asserts what
our checks assert, so Otter does the same TensorFlow work as our grader.

    python bench/otter_assignment.py master OUT.ipynb      # Otter Assign master notebook
    python bench/otter_assignment.py fill DIST OUT.ipynb   # the student notebook, answered
"""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
TASKS = {  # task: (module, names, test body using `obs(...)` results)
    "task13_pipeline": ("prepare_data", '''
spec = probes["task13_pipeline"].run_pipeline(student(["prepare_data"]))
evaluation = probes["task13_pipeline"].run_pipeline(student(["prepare_data"]), training=False, epochs=1)
sized = probes["task13_pipeline"].run_pipeline(student(["prepare_data"]), count=1010, batch_size=50, epochs=1)
first, second = (epoch["ids"] for epoch in spec["epochs"])
assert spec["spec"][0]["shape"] == [None, 784] and spec["spec"][1]["shape"] == [None, 10]
assert spec["epochs"][0]["min"] >= -1 and spec["epochs"][0]["max"] <= 1
assert spec["epochs"][0]["onehot_ok"].all() and spec["epochs"][0]["label_ok"].all()
assert not np.array_equal(first, second) and spec["source_reads"] == 1300
assert np.array_equal(evaluation["epochs"][0]["ids"], np.arange(1300))
assert sorted(sized["epochs"][0]["batch_sizes"].tolist(), reverse=True) == [50] * 20 + [10]
'''),
    "task15_training": ("train_step train_epoch", '''
report = probes["task15_training"].train_epochs(student(["train_step", "train_epoch"]))
step = report["step"]
assert report["step_is_function"] and not report["epoch_is_function"]
assert report["epochs"][0]["traces"] <= 2 and all(e["traces"] == 0 for e in report["epochs"][1:])
assert all(e["calls"] == e["batches"] for e in report["epochs"])
assert report["epochs"][2]["returned"] < report["epochs"][0]["returned"]
assert abs(step["returned"] - step["loss_before_update"]) <= 1e-4
'''),
    "task29_cnn": ("build_cnn", '''
described = probes["task29_cnn"].describe(student(["build_cnn"]))
assert [layer["params"] for layer in described["layers"]] == [80, 0, 1168, 0, 0, 7850]
assert [layer["output_shape"] for layer in described["layers"]][-1] == [10]
assert described["total_params"] == 9098
'''),
    "task49_regularization": ("Classifier", '''
decay = probes["task49_regularization"].decay_step(student(["Classifier"], "task49_regularization"))
fresh = probes["task49_regularization"].train_step_report(student(["Classifier"], "task49_regularization"))
assert abs(decay["returned"] - decay["data_loss"] - decay["regularization_loss"]) <= 1e-4
assert [layer["kind"] for layer in decay["layers"]] == ["Conv2D", "Flatten", "Dense"]
assert fresh["error"] is None and all(fresh["changed"])
'''),
    "task55_batchnorm": ("Classifier", '''
behaviour = probes["task55_batchnorm"].batchnorm_behaviour(student(["Classifier"], "task55_batchnorm"))
fresh = probes["task55_batchnorm"].train_step_report(student(["Classifier"], "task55_batchnorm"))
assert behaviour["bn_count"] == 2 and all(behaviour["moving_changed"])
assert np.allclose(behaviour["inference_alone"], behaviour["inference_mixed"], atol=1e-5)
assert fresh["error"] is None and all(fresh["changed"])
'''),
}

SETUP = f'''import sys
import numpy as np
import tensorflow as tf
sys.path.insert(0, {str(ROOT)!r})
from grader.worker.loader import StudentCode, load_module

class _Namespace:
    pass

NAMESPACES = {{}}  # names a solution cell defined, kept before a later cell redefines them


def student(names, task=None):
    """Our probes' view of the notebook: its globals (or one task's own names), as a module."""
    namespace = _Namespace()
    namespace.__dict__ = NAMESPACES[task] if task else globals()
    return StudentCode(namespace, "notebook", names)

probes = {{name: load_module("probe_" + name, {str(ROOT / "tasks")!r} + "/" + name + "/probe.py")
          for name in {sorted(TASKS)!r}}}'''


def master() -> nbformat.NotebookNode:
    raw, md, code = nbformat.v4.new_raw_cell, nbformat.v4.new_markdown_cell, nbformat.v4.new_code_cell
    cells = [raw("# ASSIGNMENT CONFIG\nname: tfquiz\nsolutions_pdf: false\nexport_cell: false\n"
                 "check_all_cell: false\nrun_tests: true\ntests:\n    files: true\n    ok_format: true\n"
                 "generate:\n    pdf: false\n"),
             md("# Five quiz tasks"), code(SETUP)]
    for number, (task, (_, test)) in enumerate(sorted(TASKS.items()), start=1):
        solution = (ROOT / "reference" / f"{task}.py").read_text()
        keep = ", ".join(f"{name!r}: {name}" for name in TASKS[task][0].split())
        cells += [raw(f"# BEGIN QUESTION\nname: q{number}\npoints: 10"), md(f"**{task}**"),
                  raw("# BEGIN SOLUTION"),
                  code(f"# BEGIN SOLUTION\n{solution}\n# END SOLUTION\nNAMESPACES[{task!r}] = {{{keep}}}"),
                  raw("# END SOLUTION"), raw("# BEGIN TESTS"), code(test.strip()),
                  raw("# END TESTS"), raw("# END QUESTION")]
    notebook = nbformat.v4.new_notebook(cells=cells)
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return notebook


def fill(dist: Path) -> nbformat.NotebookNode:
    """The assigned student notebook with every answer cell filled from the solutions."""
    student_path = glob.glob(os.path.join(dist, "student", "*.ipynb"))[0]
    solved = nbformat.read(os.path.join(dist, "autograder", os.path.basename(student_path)), 4)
    notebook = nbformat.read(student_path, 4)
    for cell, solution in zip(notebook.cells, solved.cells):
        if "otter_answer_cell" in cell.metadata.get("tags", []):
            cell.source = "\n".join(line for line in solution.source.splitlines()
                                    if line.strip() not in ("# BEGIN SOLUTION", "# END SOLUTION"))
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return notebook


if __name__ == "__main__":
    if sys.argv[1] == "master":
        nbformat.write(master(), sys.argv[2])
    else:
        nbformat.write(fill(Path(sys.argv[2])), sys.argv[3])
