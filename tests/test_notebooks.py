"""The report's notebooks: committed clean, parameterised, and each runs headlessly on the seeds."""

import ast

import nbformat
import pytest

from analysis.build import NOTEBOOKS_DIR, NotebookFailed, execute_notebooks, notebook_paths

NOTEBOOKS = notebook_paths(NOTEBOOKS_DIR)
IDS = [p.name for p in NOTEBOOKS]


def test_the_report_has_its_chapters():
    names = [p.name for p in NOTEBOOKS]
    assert names == sorted(names)
    assert names[0].startswith("00-") and any("appendix" in n for n in names)


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_committed_notebook_has_no_outputs(path):
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [], f"{path.name}: a cell has outputs"
            assert cell.execution_count is None, f"{path.name}: a cell has an execution count"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=IDS)
def test_notebook_has_a_parameters_cell_with_the_corpus_and_output_folders(path):
    notebook = nbformat.read(path, as_version=4)
    tagged = [c for c in notebook.cells if "parameters" in c.metadata.get("tags", [])]
    assert len(tagged) == 1, f"{path.name}: needs exactly one cell tagged 'parameters'"
    values = {node.targets[0].id: ast.literal_eval(node.value)
              for node in ast.parse(tagged[0].source).body if isinstance(node, ast.Assign)}
    assert values["corpus"] == "../data/raw"
    assert values["figures_dir"] == "../figures"


@pytest.fixture(scope="session")
def executed(tmp_path_factory):
    """Every notebook run once, two kernels at a time, from notebooks/ as JupyterLab runs them:
    the corpus is the notebook's own default (../data/raw), outputs go to a temporary folder."""
    out = tmp_path_factory.mktemp("notebook-outputs")
    values = {"figures_dir": str(out / "figures"), "output_dir": str(out)}
    results = execute_notebooks(NOTEBOOKS, values, cwd=NOTEBOOKS_DIR, jobs=2)
    return dict(zip(IDS, results, strict=True))


@pytest.mark.parametrize("name", IDS)
def test_notebook_executes_headlessly_on_the_seeds(executed, name):
    result = executed[name]
    if isinstance(result, NotebookFailed):
        pytest.fail(f"{name} failed:\n{result.error}")
    stderr = [out.get("text", "") for cell in result.cells if cell.cell_type == "code"
              for out in cell.outputs if out.get("name") == "stderr"]
    assert not any("missing from font" in text for text in stderr), stderr
    assert not any("Warning" in text for text in stderr), stderr
    shown = [out for cell in result.cells if cell.cell_type == "code" for out in cell.outputs]
    assert shown, f"{name} shows nothing"
