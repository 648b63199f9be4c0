"""The report's notebooks: committed clean, parameterised, and each runs headlessly on the seeds."""

import ast

import nbformat
import pytest

from analysis.build import NOTEBOOKS_DIR, NotebookFailed, notebook_paths

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
def executed(built):
    """Each notebook as the report build of the suite executed it (tests/conftest.py `built`:
    the seeds plus hostile and broken files), so every notebook runs once per suite. A notebook
    that failed is the build's failed-NAME.ipynb copy."""
    reports = built["reports"]
    parts: dict[str, list] = {name: [] for name in IDS}
    book = (nbformat.read(reports / "report.ipynb", as_version=4)
            if (reports / "report.ipynb").exists() else nbformat.v4.new_notebook())
    for cell in book.cells:
        stem = cell["id"].rsplit("-", 1)[0]
        if f"{stem}.ipynb" in parts and "report-part" not in cell.metadata.get("tags", []):
            parts[f"{stem}.ipynb"].append(cell)
    results = {}
    for name in IDS:
        failed = reports / f"failed-{name}"
        if failed.exists():
            results[name] = NotebookFailed(name, nbformat.read(failed, as_version=4),
                                           RuntimeError(f"see {failed}"))
        else:
            results[name] = nbformat.v4.new_notebook(cells=parts[name])
    return results


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
