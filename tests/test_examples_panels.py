"""examples/panels_network.ipynb runs from top to bottom (nbclient) and draws its pictures."""
from __future__ import annotations

import os

import pytest

from conftest import REPO

nbformat = pytest.importorskip("nbformat", reason="the test extras install nbformat")
nbclient = pytest.importorskip("nbclient", reason="the test extras install nbclient")


@pytest.mark.slow
def test_panels_notebook_runs():
    path = REPO / "examples" / "panels_network.ipynb"
    nb = nbformat.read(path, as_version=4)
    before = os.environ.get("PYTHONPATH")
    # the kernel imports this checkout's package, installed or not
    os.environ["PYTHONPATH"] = os.pathsep.join(x for x in (str(REPO), before) if x)
    try:
        nbclient.NotebookClient(nb, timeout=600, kernel_name="python3",
                                resources={"metadata": {"path": str(path.parent)}}).execute()
    finally:
        if before is None:
            del os.environ["PYTHONPATH"]
        else:
            os.environ["PYTHONPATH"] = before
    outputs = [o for cell in nb.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the county panel and the network
    text = "".join(o.get("text", "") for o in outputs)
    assert "5 records" in text and "pairings" in text
