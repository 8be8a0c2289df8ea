"""The command line and batch IO: every input yields a record or an error record."""
import json
import subprocess
import sys

import pytest

from extractor.cli import main
from conftest import CORPUS

SEED_IDS = sorted(p.stem for p in CORPUS.glob("*.txt"))


def _lines(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_run_corpus(tmp_path, capsys):
    out = tmp_path / "records.jsonl"
    assert main(["run", str(CORPUS), "-o", str(out)]) == 0
    records = _lines(out)
    assert [r["doc_id"] for r in records] == SEED_IDS
    assert all(r["schema"] == "1" and "error" not in r for r in records)
    assert records[3]["script"] == "traditional" and records[3]["repairs"]["mojibake_runs"] == 7
    summary = capsys.readouterr().err
    assert "5 articles, 0 errors" in summary


def test_bad_inputs_become_error_records(tmp_path):
    (tmp_path / "good.txt").write_text("石渠县是深圳对口帮扶地区。", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(32)) * 50)
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    (tmp_path / "notext.json").write_text('{"title": "x"}', encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(tmp_path), str(tmp_path / "missing.txt"), "-o", str(out)]) == 0
    by_id = {r["doc_id"]: r for r in _lines(out)}
    assert set(by_id) == {"good", "binary", "broken", "notext", "empty", "missing"}
    assert by_id["binary"]["error"]["kind"] == "input"
    assert by_id["broken"]["error"]["kind"] == "bad_input"
    assert by_id["missing"]["error"]["kind"] == "not_found"
    for key in ("binary", "broken", "notext", "missing"):
        assert set(by_id[key]) == {"doc_id", "source", "error"}
    assert by_id["empty"]["counties"] == [] and "error" not in by_id["empty"]


def test_jsonl_archive_and_metadata(tmp_path):
    archive = tmp_path / "news.jsonl"
    archive.write_text("\n".join([
        json.dumps({"doc_id": "a1", "title": "标题", "published": "2020-07-01", "text": "今年石渠县脱贫。"}, ensure_ascii=False),
        "not json",
        json.dumps({"content": "深圳对口帮扶。"}, ensure_ascii=False),
    ]), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(archive), "-o", str(out)]) == 0
    records = _lines(out)
    assert [r["doc_id"] for r in records] == ["a1", "news:2", "news:3"]
    assert records[0]["published"] == "2020-07-01" and records[0]["reference_date"] == "2020-07-01"
    assert records[0]["title"] == "标题"
    assert records[1]["error"]["kind"] == "bad_input"


def test_manifest_gives_metadata(tmp_path):
    (tmp_path / "a.txt").write_text("正文。", encoding="utf-8")
    (tmp_path / "index.jsonl").write_text(json.dumps({"id": "A", "file": "a.txt", "published": "2019-02-01"}),
                                          encoding="utf-8")
    out = tmp_path / "out.jsonl"
    main(["run", str(tmp_path), "-o", str(out)])
    [record] = _lines(out)
    assert record["doc_id"] == "A" and record["published"] == "2019-02-01"


def test_resume_skips_done_and_repairs_a_cut_line(tmp_path):
    out = tmp_path / "out.jsonl"
    main(["run", str(CORPUS), "-o", str(out)])
    lines = out.read_text(encoding="utf-8").splitlines(keepends=True)
    # an interrupted run: two records done, the third cut off mid-line
    out.write_text("".join(lines[:2]) + lines[2][:40], encoding="utf-8")
    assert main(["run", str(CORPUS), "-o", str(out), "--resume"]) == 0
    assert [r["doc_id"] for r in _lines(out)] == SEED_IDS


def test_parallel_run_keeps_order(tmp_path):
    out = tmp_path / "out.jsonl"
    assert main(["run", str(CORPUS), "-o", str(out), "--jobs", "2"]) == 0
    assert [r["doc_id"] for r in _lines(out)] == SEED_IDS


def test_tables(tmp_path):
    pd = pytest.importorskip("pandas")
    main(["run", str(CORPUS), "-o", str(tmp_path / "out.jsonl"), "--tables", str(tmp_path / "t")])
    articles = pd.read_parquet(tmp_path / "t" / "articles.parquet")
    assert sorted(articles["doc_id"]) == SEED_IDS
    for kind in ("counties", "cadres", "persons", "amounts", "poverty_figures", "pairings"):
        assert "doc_id" in pd.read_parquet(tmp_path / "t" / f"{kind}.parquet").columns


def test_normalize_explain(tmp_path, capsys):
    [seed] = CORPUS.glob("003_*.txt")
    assert main(["normalize", str(seed), "--explain"]) == 0
    captured = capsys.readouterr()
    assert "当地干部群众" in captured.out
    assert "mojibake_runs\t" in captured.err and "pinyin_annotations\t" in captured.err


def _cli(args, stdin=b""):
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin,
                          capture_output=True, timeout=300)


@pytest.mark.parametrize("data", [b"", bytes(range(256)) * 8, "石渠县".encode()[:-1],
                                  b"\xff\xfe\x00", "<p>帮扶&ldquo;</p>".encode("gbk")])
def test_extract_any_bytes_never_tracebacks(data):
    proc = _cli(["extract", "-", "--compact"], stdin=data)
    assert b"Traceback" not in proc.stderr
    record = json.loads(proc.stdout)
    assert "error" in record or record["schema"] == "1"


@pytest.mark.slow
def test_extract_ten_megabytes():
    data = ("石渠县是深圳对口帮扶地区，累计投入帮扶资金超过400亿元。\n" * 200000).encode()
    assert len(data) > 10_000_000
    proc = _cli(["extract", "-", "--compact"], stdin=data)
    assert b"Traceback" not in proc.stderr
    assert json.loads(proc.stdout)["schema"] == "1"


def test_no_network_at_run_time(monkeypatch, tmp_path):
    import socket

    def refuse(*args, **kwargs):
        raise AssertionError("the pipeline tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    out = tmp_path / "out.jsonl"
    assert main(["run", str(CORPUS), "-o", str(out)]) == 0
    assert all("error" not in r for r in _lines(out))
