"""The researcher's notebook (examples/researcher.ipynb) runs from top to bottom on the
bundled corpus and, when it is beside the repository, on the real-news folder."""
import os

import pytest

from conftest import CORPUS, REPO

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("matplotlib")

NOTEBOOK = REPO / "examples" / "researcher.ipynb"


def _execute(corpus, monkeypatch):
    monkeypatch.setenv("FUPIN_CORPUS", str(corpus))
    monkeypatch.setenv("PYTHONPATH", str(REPO) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}}).execute()
    return nb


def _output_text(cell) -> str:
    return "".join(str(o.get("data", {}).get("text/plain", "")) + str(o.get("text", ""))
                   for o in cell.get("outputs", []))


def test_notebook_on_the_bundled_corpus(monkeypatch):
    nb = _execute(CORPUS, monkeypatch)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "'articles': 5" in _output_text(code[0])
    panel = _output_text(code[3])
    assert "东源县" in panel and "宝安区" in panel and "<NA>" not in panel   # county × year


@pytest.mark.slow
def test_notebook_on_real_news(monkeypatch, real_news_dir):
    nb = _execute(real_news_dir, monkeypatch)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "'errors': 0" in _output_text(code[0])
