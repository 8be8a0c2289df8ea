"""The dask engine: the same records as the local engine, locally and on a cluster."""
import json
import os
import time

import pytest

from extractor import extract
from extractor.cli import main
from extractor.io import batch
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


def _stall_or_crash(text, **kw):
    data = text if isinstance(text, str) else bytes(text).decode("utf-8", "replace")
    if "STALL" in data:
        time.sleep(3600)
    if "CRASH" in data:
        os._exit(3)
    return extract(text, **kw)


def test_time_limit_under_dask(tmp_path, monkeypatch):
    """Defect: --timeout did not apply under --engine dask: an article that stalls held its
    batch forever. Now it gets an error record naming it, and the run goes on in order."""
    monkeypatch.setattr(batch, "extract", _stall_or_crash)   # dask workers are forked: they see it
    for n, text in enumerate(["石渠县。", "STALL", "丹巴县。", "CRASH", "察隅县。"]):
        (tmp_path / "in").mkdir(exist_ok=True)
        (tmp_path / "in" / f"{n}.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    summary = batch.run([str(tmp_path / "in")], str(out), jobs=2, engine="dask", timeout=2)
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["doc_id"], r["source"]) for r in records] == [
        (str(n), str(tmp_path / "in" / f"{n}.txt")) for n in range(5)]
    assert records[1]["error"]["kind"] == "timeout"
    assert "time limit of 2 s" in records[1]["error"]["message"]
    assert records[3]["error"]["kind"] == "internal" and "exit code 3" in records[3]["error"]["message"]
    assert [records[i]["counties"][0]["name"] for i in (0, 2, 4)] == ["石渠县", "丹巴县", "察隅县"]
    assert summary["errors"] == 2


def test_a_busy_port_8787_is_not_reported(tmp_path):
    """Defect (found in this pass): with port 8787 taken (another cluster, another run),
    `fupin run --engine dask` printed a 4-line UserWarning about the scheduler's HTTP port."""
    import socket
    import subprocess
    import sys

    from conftest import REPO
    holder = socket.socket()
    try:
        holder.bind(("127.0.0.1", 8787))
        holder.listen(1)
    except OSError:
        pass  # already taken by something else: the same situation
    try:
        (tmp_path / "a.txt").write_text("石渠县。", encoding="utf-8")
        proc = subprocess.run([sys.executable, "-m", "extractor", "run", str(tmp_path / "a.txt"),
                               "-o", str(tmp_path / "out.jsonl"), "--engine", "dask", "--jobs", "1"],
                              capture_output=True, cwd=REPO, timeout=300)
    finally:
        holder.close()
    assert proc.returncode == 0
    assert b"8787" not in proc.stderr and b"Warning" not in proc.stderr, proc.stderr.decode()
