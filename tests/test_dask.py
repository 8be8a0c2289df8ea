"""The dask engine: the same records as the local engine, locally and on a cluster."""
import json

import pytest

from extractor.cli import main
from conftest import CORPUS

pytest.importorskip("dask.bag")


def _ids(path):
    return [json.loads(line)["doc_id"] for line in path.read_text(encoding="utf-8").splitlines()]


def test_dask_local_matches_local_engine(tmp_path):
    local, dask_out = tmp_path / "local.jsonl", tmp_path / "dask.jsonl"
    main(["run", str(CORPUS), "-o", str(local)])
    assert main(["run", str(CORPUS), "-o", str(dask_out), "--engine", "dask", "--jobs", "2"]) == 0
    assert local.read_text(encoding="utf-8") == dask_out.read_text(encoding="utf-8")


@pytest.mark.slow
def test_dask_scheduler_address(tmp_path):
    distributed = pytest.importorskip("dask.distributed")
    # A cluster on this machine's loopback, in threads: what --scheduler talks to.
    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False,
                                  dashboard_address=None, host="127.0.0.1", protocol="tcp") as cluster:
        out = tmp_path / "cluster.jsonl"
        assert main(["run", str(CORPUS), "-o", str(out), "--engine", "dask",
                     "--scheduler", cluster.scheduler_address]) == 0
    assert _ids(out) == sorted(p.stem for p in CORPUS.glob("*.txt"))
