"""Issue 13 (inputs, identity, resume, tables, CLI) and the batch-level parts of issue 14
(time limit, special files, manifests, deep JSON, text that is not valid Unicode).
Every test names the defect it pins down."""
import gzip
import json
import os
import signal
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest

from conftest import CORPUS, REPO
from extractor import extract, extract_file
from extractor.cli import main
from extractor.io import batch
from extractor.io.batch import run
from extractor.io.inputs import escape_text, iter_inputs
from extractor.text.normalize import InputError

PAGE = Path(__file__).parent / "fixtures" / "news_page.html"


def _lines(path):
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]


def _cli(args, stdin=b"", timeout=300):
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, "-m", "extractor", *args], input=stdin,
                          capture_output=True, timeout=timeout, env=env)


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------------ web pages

def test_whole_page_facts_only_from_the_article(capsys):
    """Defect: facts from menus, sidebar and footer; the title from the top bar; <meta>
    dates ignored."""
    assert main(["extract", str(PAGE)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert [c["name"] for c in record["counties"]] == ["石渠县"]
    assert [a["value"] for a in record["amounts"]] == [320000000]
    assert {f["metric"] for f in record["poverty_figures"]} == {
        "counties_delisted", "people_lifted", "incidence_rate"}
    assert record["title"] == "东西部协作结硕果 甘孜州石渠县脱贫摘帽"
    assert record["published"] == "2020-06-18"
    # source_span indexes the decoded page itself
    page = PAGE.read_text(encoding="utf-8")
    for fact in record["amounts"] + record["counties"][0]["mentions"]:
        start, end = fact["source_span"]
        assert page[start:end] == fact["text"]


def test_a_page_whose_body_starts_with_a_county(tmp_path):
    """Defect (found in this pass): the first fact of a page's body had a source span from
    the top of the page (head, navigation, sidebar) to the fact."""
    page = ("<!DOCTYPE html><html><head><title>首页 | 登录</title>"
            '<meta property="og:title" content="丹巴县新村迎来住户"></head><body>'
            '<div class="nav"><a>首页</a> | <a>理塘县频道</a></div>'
            "<article><h1>丹巴县新村迎来住户</h1><p>丹巴县今年投入搬迁资金1.2亿元，新建安置点12个，"
            "帮助搬迁群众就近务工。</p><p>搬迁群众在新村过上了新生活，孩子们就近上学。</p></article>"
            "<div class='footer'>版权所有 京ICP备00000000号</div></body></html>")
    path = _write(tmp_path / "p.html", page)
    record = extract_file(path).to_dict()
    assert [c["name"] for c in record["counties"]] == ["丹巴县"]
    for fact in record["amounts"] + record["counties"][0]["mentions"]:
        start, end = fact["source_span"]
        assert page[start:end] == fact["text"]


def test_article_body_html_keeps_working(tmp_path):
    body = _write(tmp_path / "body.html", "<p>石渠县是深圳对口帮扶地区，累计投入帮扶资金超过400亿元。</p>"
                  "<p>丹巴县&ldquo;脱贫&rdquo;。</p>")
    record = extract_file(body)
    assert [c.name for c in record.counties] == ["石渠县", "丹巴县"]
    assert [a.value for a in record.amounts] == [Decimal("40000000000")]


# --------------------------------------------------------------------------- inputs

def test_csv_and_tsv_one_record_per_row(tmp_path):
    """Defect: a CSV of articles was merged into one record."""
    _write(tmp_path / "news.csv", "id,title,content,date,url\n"
           "c1,标题一,丹巴县投入100万元。,2019-01-02,http://x/1\n"
           'c2,标题二,"石渠县，脱贫。",2020-01-01,\n')
    _write(tmp_path / "other.tsv", "编号\t正文\n"
           "t1\t察隅县脱贫。\n")
    out = tmp_path / "out" / "r.jsonl"
    assert main(["run", str(tmp_path / "news.csv"), "-o", str(out)]) == 0
    first = _lines(out)
    assert [(r["doc_id"], r["source"].endswith(f"news.csv:{n}")) for n, r in enumerate(first, 1)] \
        == [("c1", True), ("c2", True)]
    assert first[0]["published"] == "2019-01-02" and first[0]["title"] == "标题一"
    assert first[0]["url"] == "http://x/1"
    assert main(["run", str(tmp_path / "other.tsv"), "-o", str(out),
                 "--columns", "text=正文,id=编号"]) == 0
    [row] = _lines(out)
    assert row["doc_id"] == "t1" and [c["name"] for c in row["counties"]] == ["察隅县"]


def test_json_object_on_stdin_is_json():
    """Defect: a JSON object on stdin was read as text."""
    obj = {"id": "s1", "title": "标题", "published": "2020-07-01", "text": "石渠县脱贫。"}
    proc = _cli(["extract", "-", "--compact"], stdin=json.dumps(obj, ensure_ascii=False).encode())
    record = json.loads(proc.stdout)
    assert record["doc_id"] == "s1" and record["title"] == "标题"
    assert record["published"] == "2020-07-01"
    assert [c["name"] for c in record["counties"]] == ["石渠县"]


@pytest.mark.parametrize("fmt,data", [
    ("jsonl", b'{"id": "a", "text": "\xe7\x9f\xb3\xe6\xb8\xa0\xe5\x8e\xbf"}\n{"id": "b", "text": "x"}\n'),
    ("csv", "id,text\na,石渠县\nb,x\n".encode()),
    ("tsv", "id\ttext\na\t石渠县\nb\tx\n".encode()),
])
def test_stdin_in_each_container_format(fmt, data):
    for payload in (data, gzip.compress(data)):
        proc = _cli(["extract", "-", "--format", fmt], stdin=payload)
        records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
        assert [r["doc_id"] for r in records] == ["a", "b"]
        assert records[0]["source"] == "-:1"


@pytest.mark.parametrize("args", [["extract", "-", "--compact"], ["run", "-", "-o", "-"],
                                  ["extract", "-", "--compact", "--format", "txt"]])
def test_text_on_stdin_is_called_stdin(args):
    """Defect (found in this pass): plain text on stdin got doc_id ``stdin@-``, not the
    documented ``stdin``."""
    proc = _cli(args, stdin="石渠县投入100万元。".encode())
    [record] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert (record["doc_id"], record["source"]) == ("stdin", "-")


def test_extract_on_an_archive_gives_one_line_per_article(tmp_path):
    """Defect: `fupin extract archive.jsonl` merged every line."""
    archive = _write(tmp_path / "archive.jsonl", '{"id": "a", "text": "石渠县。"}\n'
                     '{"id": "b", "text": "丹巴县。"}\n')
    proc = _cli(["extract", str(archive)])
    records = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert [(r["doc_id"], r["counties"][0]["name"]) for r in records] == [("a", "石渠县"), ("b", "丹巴县")]


def test_gzip_archives(tmp_path):
    """Defect: .jsonl.gz was reported as binary data."""
    (tmp_path / "a.jsonl.gz").write_bytes(gzip.compress('{"id": "g1", "text": "石渠县。"}\n'.encode()))
    (tmp_path / "b.json.gz").write_bytes(gzip.compress('{"id": "g2", "text": "丹巴县。"}'.encode()))
    out = tmp_path / "out.jsonl"
    assert main(["run", str(tmp_path), "-o", str(out)]) == 0
    assert [(r["doc_id"], r["counties"][0]["name"]) for r in _lines(out)] == [("g1", "石渠县"), ("g2", "丹巴县")]


def test_unsupported_files_are_named(tmp_path, capsys):
    """Defect: a folder of unsupported files said "no inputs found" and named nothing."""
    _write(tmp_path / "a.pdf", "x")
    _write(tmp_path / "b.docx", "x")
    assert main(["run", str(tmp_path), "-o", str(tmp_path / "out.jsonl")]) == 2
    err = capsys.readouterr().err
    assert "a.pdf: unsupported file type (.pdf)" in err and "b.docx" in err
    assert "no inputs found" in err


def test_many_skipped_files_are_counted_or_all_named(tmp_path, capsys):
    for n in range(25):
        _write(tmp_path / "in" / f"{n:02d}.pdf", "x")
    _write(tmp_path / "in" / "a.txt", "石渠县。")
    assert main(["run", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl")]) == 0
    err = capsys.readouterr().err
    assert err.count("unsupported file type") == 20 and "5 more files skipped (25 in all" in err
    assert main(["run", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), "--verbose"]) == 0
    assert capsys.readouterr().err.count("unsupported file type") == 25


def test_mixed_folder_one_line_per_article(tmp_path):
    """Acceptance: every format, broken files, colliding names, an unsupported file."""
    folder = tmp_path / "in"
    _write(folder / "a" / "x.txt", "石渠县是深圳对口帮扶地区。")
    _write(folder / "b" / "x.txt", "察隅县脱贫。")
    _write(folder / "b" / "x.html", "<p>丹巴县。</p>")
    (folder / "page.htm").write_bytes(PAGE.read_bytes())
    _write(folder / "one.json", '{"id": "j", "text": "理塘县。"}')
    _write(folder / "many.json", '[{"text": "巴塘县。"}, {"text": "稻城县。"}]')
    _write(folder / "lines.jsonl", '{"id": "l1", "text": "乡城县。"}\nnot json\n{"text": "得荣县。"}\n')
    (folder / "z.jsonl.gz").write_bytes(gzip.compress(b'{"id": "z1", "text": "x"}\n'))
    _write(folder / "rows.csv", "id,content\nr1,九龙县。\nr2,雅江县。\n")
    _write(folder / "rows.tsv", "text\n道孚县。\n")
    (folder / "binary.txt").write_bytes(bytes(range(32)) * 50)
    _write(folder / "broken.json", "{not json")
    (folder / "broken.jsonl.gz").write_bytes(gzip.compress(b'{"id": "q", "text": "x"}\n')[:-12])
    _write(folder / "notes.pdf", "x")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(folder), "-o", str(out)]) == 0
    records = _lines(out)
    ids = [r["doc_id"] for r in records]
    assert len(ids) == len(set(ids))
    assert ids == ["a/x", "b/x.html", "b/x.txt", "binary", "broken.json", "broken.jsonl:rest",
                   "l1", "lines:2", "lines:3", "many:1", "many:2", "j", "page", "r1", "r2",
                   "rows.tsv:1", "z1"]
    by_id = {r["doc_id"]: r for r in records}
    assert all("source" in r for r in records)
    assert by_id["lines:2"]["error"]["kind"] == "bad_input"
    assert by_id["binary"]["error"]["kind"] == "input"
    assert by_id["b/x.html"]["counties"][0]["name"] == "丹巴县"
    assert by_id["many:2"]["source"].endswith("many.json:2")


# ------------------------------------------------------------------------- identity

def test_colliding_stems_are_disambiguated_and_survive_resume(tmp_path):
    """Defect: a/x.txt and b/x.txt collided on doc_id and one was lost on resume; records
    carried no source."""
    _write(tmp_path / "in" / "a" / "x.txt", "石渠县。")
    _write(tmp_path / "in" / "b" / "x.txt", "丹巴县。")
    _write(tmp_path / "in" / "c" / "y.txt", "察隅县。")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(tmp_path / "in"), "-o", str(out)]) == 0
    records = _lines(out)
    assert [(r["doc_id"], r["source"]) for r in records] == [
        ("a/x", str(tmp_path / "in" / "a" / "x.txt")), ("b/x", str(tmp_path / "in" / "b" / "x.txt")),
        ("y", str(tmp_path / "in" / "c" / "y.txt"))]
    out.write_text(out.read_text(encoding="utf-8").splitlines(keepends=True)[0], encoding="utf-8")
    assert main(["run", str(tmp_path / "in"), "-o", str(out), "--resume"]) == 0
    assert [r["doc_id"] for r in _lines(out)] == ["a/x", "b/x", "y"]


def test_output_inside_the_input_folder_is_not_read(tmp_path, capsys):
    """Defect: an output file inside the input folder was read back as input."""
    _write(tmp_path / "a.txt", "石渠县。")
    out = tmp_path / "out.jsonl"
    for _ in range(2):
        assert main(["run", str(tmp_path), "-o", str(out), "--tables", str(tmp_path / "t"),
                     "--tables-format", "csv"]) == 0
    assert [r["doc_id"] for r in _lines(out)] == ["a"]
    assert "out.jsonl: the run's own output" in capsys.readouterr().err


def test_library_ids_and_paths(tmp_path):
    """Defects: extract_many gave doc_id None / replaced a dict's own id; extract(path)
    read the path as article text."""
    from extractor import extract_many
    records = list(extract_many(["石渠县。", {"id": "own", "text": "丹巴县。"}]))
    assert [r.doc_id for r in records] == ["0", "own"]
    path = _write(tmp_path / "a.txt", "石渠县。")
    with pytest.raises(InputError, match="path of a file"):
        extract(str(path))
    assert [c.name for c in extract(path).counties] == ["石渠县"]


# --------------------------------------------------------------------------- resume

def test_resume_replaces_errors_and_rebuilds_tables(tmp_path):
    """Defects: --resume --tables wrote tables of only the new records; an input that
    failed got a second error line on resume."""
    folder = tmp_path / "in"
    _write(folder / "a.txt", "石渠县投入100万元。")
    (folder / "b.txt").write_bytes(bytes(range(32)) * 50)      # fails the first time
    _write(folder / "c.txt", "丹巴县投入200万元。")
    out, tables = tmp_path / "out.jsonl", tmp_path / "tables"
    assert main(["run", str(folder), "-o", str(out), "--tables", str(tables)]) == 0
    assert _lines(out)[1]["error"]["kind"] == "input"
    _write(folder / "b.txt", "察隅县投入300万元。")              # fixed
    assert main(["run", str(folder), "-o", str(out), "--resume", "--tables", str(tables)]) == 0
    records = _lines(out)
    assert [r["doc_id"] for r in records] == ["a", "b", "c"]
    assert all("error" not in r for r in records)
    pd = pytest.importorskip("pandas")
    amounts = pd.read_parquet(tables / "amounts.parquet")
    assert sorted(amounts["value"].map(int)) == [1000000, 2000000, 3000000]
    assert len(pd.read_parquet(tables / "errors.parquet")) == 0


@pytest.mark.slow
def test_sigkill_then_resume_equals_an_uninterrupted_run(tmp_path):
    """Acceptance: SIGKILL midway and --resume give the same lines and tables, and no
    worker process outlives the killed run."""
    psutil = pytest.importorskip("psutil")
    folder = tmp_path / "in"
    seeds = sorted(CORPUS.glob("*.txt"))
    for n in range(8):
        for seed in seeds:
            (folder / f"{n}").mkdir(parents=True, exist_ok=True)
            (folder / f"{n}" / f"{n}_{seed.name}").write_bytes(seed.read_bytes())
    _write(folder / "bad.json", "{")
    full, part = tmp_path / "full.jsonl", tmp_path / "part.jsonl"
    assert main(["run", str(folder), "-o", str(full), "--tables", str(tmp_path / "t_full")]) == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(folder), "-o", str(part),
                             "--jobs", "2"], env=env, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and (not part.exists() or part.read_bytes().count(b"\n") < 10):
        time.sleep(0.05)
    workers = psutil.Process(proc.pid).children(recursive=True)
    assert len(workers) == 2
    proc.kill()
    proc.wait()
    # Defect: the two workers of a SIGKILLed run stayed alive, each run.
    _, alive = psutil.wait_procs(workers, timeout=10)
    for worker in alive:
        worker.kill()
    assert alive == []
    killed_at = part.read_bytes().count(b"\n")
    assert 0 < killed_at < 41
    with open(part, "ab") as f:
        f.write(b'{"doc_id": "cut')                                # a line cut mid-write
    assert main(["run", str(folder), "-o", str(part), "--resume", "--tables", str(tmp_path / "t_part")]) == 0
    assert part.read_text(encoding="utf-8") == full.read_text(encoding="utf-8")
    pd = pytest.importorskip("pandas")
    for name in ("articles", "counties", "amounts", "poverty_figures", "mentions", "errors"):
        a = pd.read_parquet(tmp_path / "t_full" / f"{name}.parquet")
        b = pd.read_parquet(tmp_path / "t_part" / f"{name}.parquet")
        pd.testing.assert_frame_equal(a, b)


@pytest.mark.parametrize("sig,code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_signal_stops_cleanly(tmp_path, sig, code):
    """Defect: killing a run printed BrokenPipe tracebacks from the workers."""
    folder = tmp_path / "in"
    for n in range(40):
        _write(folder / f"{n:03d}.txt", "石渠县是深圳对口帮扶地区，累计投入帮扶资金超过400亿元。\n" * 200)
    out = tmp_path / "out.jsonl"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "run", str(folder), "-o", str(out),
                             "--jobs", "2"], env=env, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and (not out.exists() or out.stat().st_size == 0):
        time.sleep(0.05)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == code
    assert b"Traceback" not in err and b"--resume" in err
    assert main(["run", str(folder), "-o", str(out), "--resume"]) == 0
    assert [r["doc_id"] for r in _lines(out)] == [f"{n:03d}" for n in range(40)]


# --------------------------------------------------------------------------- tables

def test_table_schema_and_two_runs_read_together(tmp_path):
    """Defects: no schema; counties with mentions as a JSON string; value a float; year a
    float; empty kinds typed null (two runs could not be read together); no adcode on
    amounts and figures."""
    duckdb = pytest.importorskip("duckdb")
    pd = pytest.importorskip("pandas")
    _write(tmp_path / "one" / "a.txt", "2019年，石渠县获得帮扶资金0.35亿元，石渠县贫困人口减少1.8万人。\n"
           "深圳市南山区投入100万元。")
    _write(tmp_path / "two" / "b.txt", "正文没有事实。")
    for run_name in ("one", "two"):
        assert main(["run", str(tmp_path / run_name), "-o", str(tmp_path / f"{run_name}.jsonl"),
                     "--tables", str(tmp_path / "tables" / run_name)]) == 0
    amounts = duckdb.sql(f"select value, adcode, sentence from "
                         f"read_parquet('{tmp_path}/tables/*/amounts.parquet') order by span_start").fetchall()
    assert [a[0] for a in amounts] == [Decimal("35000000"), Decimal("1000000")]
    assert isinstance(amounts[0][0], Decimal)
    assert [a[1] for a in amounts] == ["513332", "440305"]
    assert amounts[0][2].startswith("2019年，石渠县获得帮扶资金0.35亿元")
    assert isinstance(pd.read_parquet(tmp_path / "tables" / "one" / "amounts.parquet")["value"][0], Decimal)
    figures = duckdb.sql(f"select * from read_parquet('{tmp_path}/tables/*/poverty_figures.parquet')").df()
    assert figures["year"].dtype.kind in "iu" or str(figures["year"].dtype).startswith("Int")
    mentions = duckdb.sql(f"select kind, name, text, span_start, span_end from "
                          f"read_parquet('{tmp_path}/tables/*/mentions.parquet') where kind = 'county'").fetchall()
    assert [m[1] for m in mentions].count("石渠县") == 2
    joined = duckdb.sql(f"select c.name, sum(a.value) from read_parquet('{tmp_path}/tables/*/amounts.parquet') a "
                        f"join read_parquet('{tmp_path}/tables/*/counties.parquet') c "
                        "on a.doc_id = c.doc_id and a.adcode = c.adcode group by 1 order by 1").fetchall()
    assert joined == [("南山区", Decimal("1000000")), ("石渠县", Decimal("35000000"))]
    for name in ("articles", "counties", "cadres", "persons", "amounts", "poverty_figures",
                 "pairings", "mentions", "errors"):
        one = pd.read_parquet(tmp_path / "tables" / "one" / f"{name}.parquet")
        two = pd.read_parquet(tmp_path / "tables" / "two" / f"{name}.parquet")
        assert list(one.dtypes.astype(str)) == list(two.dtypes.astype(str)), name
        assert len(pd.concat([one, two])) == len(one) + len(two)
        assert "null" not in str(duckdb.sql(
            f"describe select * from read_parquet('{tmp_path}/tables/*/{name}.parquet')").fetchall()).lower()
    articles = pd.read_parquet(tmp_path / "tables" / "one" / "articles.parquet")
    assert str(articles["published"].dtype) in ("object", "date32[day][pyarrow]") or "date" in str(articles["published"].dtype)


def test_tables_as_csv(tmp_path):
    _write(tmp_path / "in" / "a.txt", "石渠县投入100万元。")
    assert main(["run", str(tmp_path / "in"), "-o", str(tmp_path / "o.jsonl"), "--tables",
                 str(tmp_path / "t"), "--tables-format", "csv"]) == 0
    header = (tmp_path / "t" / "amounts.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith('"doc_id","index","text","value"') and '"adcode"' in header


def test_fact_columns_follow_the_dataclasses():
    from extractor.io.tables import schema
    cols = dict(schema()["cadres"])
    assert cols["posts"] == "json" and cols["n_mentions"] == "int32"
    assert dict(schema()["pairings"])["helper_adcode"] == "string"
    assert dict(schema()["amounts"])["value"] == "decimal"


# ------------------------------------------------------------------------------ CLI

@pytest.mark.parametrize("args,message", [
    (["--reference-date", "2020-13-45"], "not a date"),
    (["--jobs", "0"], "at least 1"),
    (["--jobs", "-3"], "at least 1"),
    (["--scheduler", "nonsense"], "not a scheduler address"),
    (["--scheduler", "tcp://127.0.0.1:8786"], "--scheduler needs --engine dask"),
])
def test_bad_arguments_touch_nothing(tmp_path, capsys, args, message):
    """Defects: bad dates and jobs accepted; a bad --scheduler truncated an existing
    output; --scheduler without --engine dask was ignored."""
    out = _write(tmp_path / "out.jsonl", '{"doc_id": "keep"}\n')
    assert main(["run", str(CORPUS), "-o", str(out), *args]) == 2
    assert message in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == '{"doc_id": "keep"}\n'


@pytest.mark.slow
def test_unreachable_scheduler_is_one_line(tmp_path):
    pytest.importorskip("dask.distributed")
    out = _write(tmp_path / "out.jsonl", '{"doc_id": "keep"}\n')
    proc = _cli(["run", str(CORPUS), "-o", str(out), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"])
    assert proc.returncode == 2 and b"Traceback" not in proc.stderr
    assert len(proc.stderr.decode().strip().splitlines()) == 1
    assert out.read_text(encoding="utf-8") == '{"doc_id": "keep"}\n'


@pytest.mark.parametrize("command", ["extract", "run", "normalize", "eval"])
def test_help_says_formats_exit_codes_examples(command, capsys):
    assert main([command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "exit codes:" in text and "examples:" in text and f"fupin {command}" in text
    if command in ("extract", "run"):
        assert ".jsonl" in text and ".csv" in text and ".gz" in text and "default" in text
    # found in this pass: every flag and unset option said "(default: None)" / "(default: False)"
    assert "(default: None)" not in text and "(default: False)" not in text


# ------------------------------------------------------------- issue 14, batch level

def _slow_or_crash(text, **kw):
    data = text if isinstance(text, str) else bytes(text).decode("utf-8", "replace")
    if "SLEEP" in data:
        time.sleep(3600)
    if "CRASH" in data:
        os._exit(3)
    return extract(text, **kw)


def test_time_limit_replaces_the_worker_and_keeps_order(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "extract", _slow_or_crash)   # workers are forked: they see it
    for n, text in enumerate(["石渠县。", "SLEEP", "丹巴县。", "CRASH", "察隅县。"]):
        _write(tmp_path / "in" / f"{n}.txt", text)
    out = tmp_path / "out.jsonl"
    summary = run([str(tmp_path / "in")], str(out), jobs=2, timeout=2)
    records = _lines(out)
    assert [r["doc_id"] for r in records] == ["0", "1", "2", "3", "4"]
    assert records[1]["error"]["kind"] == "timeout"
    assert records[3]["error"]["kind"] == "internal" and "died" in records[3]["error"]["message"]
    assert [records[i]["counties"][0]["name"] for i in (0, 2, 4)] == ["石渠县", "丹巴县", "察隅县"]
    assert summary["errors"] == 2


def test_special_files_never_hang(tmp_path):
    fifo = tmp_path / "in" / "pipe.txt"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    os.symlink("loop.txt", tmp_path / "in" / "loop.txt")
    os.symlink("loop2", tmp_path / "in" / "loop1")
    os.symlink("loop1", tmp_path / "in" / "loop2")
    _write(tmp_path / "in" / "ok.txt", "石渠县。")
    out = tmp_path / "out.jsonl"
    proc = _cli(["run", str(tmp_path / "in"), str(fifo), "-o", str(out)], timeout=60)
    assert proc.returncode == 0
    kinds = {r["doc_id"]: (r.get("error") or {}).get("kind") for r in _lines(out)}
    assert kinds["pipe"] == "not_regular" and kinds["ok"] is None
    assert kinds["loop"] == "unreadable" and kinds["loop1"] == "unreadable"
    assert len(kinds) == 6                           # loop2 too; the FIFO named twice: twice
    assert [k for k, v in kinds.items() if v == "not_regular"] == ["pipe", str(fifo)[:-4]]
    proc = _cli(["extract", str(fifo)], timeout=60)
    assert json.loads(proc.stdout)["error"]["kind"] == "not_regular"


def test_manifest_stays_in_its_folder(tmp_path):
    _write(tmp_path / "secret.txt", "石渠县。")
    _write(tmp_path / "m" / "a.txt", "丹巴县。")
    _write(tmp_path / "m" / "index.jsonl", "\n".join(json.dumps(x) for x in [
        {"id": "A", "file": "a.txt"}, {"id": "S", "file": "../secret.txt"},
        {"id": "Z", "file": "/dev/zero"}]))
    out = tmp_path / "out.jsonl"
    assert main(["run", str(tmp_path / "m"), "-o", str(out)]) == 0
    kinds = {r["doc_id"]: (r.get("error") or {}).get("kind") for r in _lines(out)}
    assert kinds == {"A": None, "S": "outside", "Z": "outside"}
    assert main(["run", str(tmp_path / "m"), "-o", str(out), "--allow-outside"]) == 0
    kinds = {r["doc_id"]: (r.get("error") or {}).get("kind") for r in _lines(out)}
    assert kinds == {"A": None, "S": None, "Z": "not_regular"}


def test_deep_json_is_an_error_record(tmp_path):
    deep = "[" * 100_000 + "]" * 100_000
    _write(tmp_path / "deep.json", deep)
    _write(tmp_path / "lines.jsonl", '{"id": "ok", "text": "石渠县。"}\n' + deep + "\n")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(tmp_path), "-o", str(out)]) == 0
    records = {r["doc_id"]: r for r in _lines(out)}
    assert records["deep"]["error"]["kind"] == "bad_input"
    assert "deep" in records["deep"]["error"]["message"]
    assert records["lines:2"]["error"]["kind"] == "bad_input"
    assert records["ok"]["counties"][0]["name"] == "石渠县"


def test_invalid_text_in_ids_and_file_names_is_escaped(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / os.fsdecode(b"bad\xff.txt")).write_bytes("石渠县。".encode())
    (folder / "s.jsonl").write_text('{"id": "x\\ud800y", "text": "丹巴县。"}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["run", str(folder), "-o", str(out)]) == 0
    raw = out.read_bytes()
    raw.decode("utf-8")                                   # valid UTF-8
    ids = [r["doc_id"] for r in _lines(out)]
    assert ids == ["bad\\xff", "x\\ud800y"]
    assert escape_text("a\udcffb") == "a\\xffb" and escape_text("ok") == "ok"
    proc = _cli(["extract", str(folder / "s.jsonl")])
    proc.stdout.decode("utf-8")
    assert json.loads(proc.stdout)["doc_id"] == "x\\ud800y"


def test_iter_inputs_is_lazy_over_containers(tmp_path):
    big = tmp_path / "big.jsonl"
    big.write_text("".join(json.dumps({"id": str(n), "text": "x"}) + "\n" for n in range(1000)),
                   encoding="utf-8")
    inputs = iter_inputs([str(big)])
    assert next(inputs).doc_id == "0" and next(inputs).source.endswith("big.jsonl:2")


def test_normalize_explain_lists_width_indentation_and_script_edits(tmp_path, capsys):
    """Defect: `fupin normalize --explain` omitted indentation, width and script edits."""
    path = tmp_path / "a.txt"
    path.write_text("　　石渠县１２。\n實現脫貧", encoding="utf-8")
    assert main(["normalize", str(path), "--explain"]) == 0
    err = capsys.readouterr().err
    assert "width\t0-2\t'\\u3000\\u3000' -> ''" in err
    assert "width\t5-6\t'１' -> '1'" in err
    assert "script\t9-13\t'實現脫貧' -> '实现脱贫'" in err


def test_dask_results_stream_with_a_bounded_window():
    """Defect: the dask engine held every result in the parent. Results now come back in
    input order with at most `window` batches in flight."""
    from extractor.io.batch import _map_dask
    from extractor.io.inputs import Input

    class Future:
        def __init__(self, fn, args, client):
            self.fn, self.args, self.client = fn, args, client

        def result(self):
            self.client.outstanding -= 1
            return self.fn(*self.args)

    class Client:
        outstanding = peak = 0

        def submit(self, fn, *args, pure=False):
            self.outstanding += 1
            self.peak = max(self.peak, self.outstanding)
            return Future(fn, args, self)

    client = Client()
    inputs = (Input(doc_id=str(n), source=str(n), item="石渠县。") for n in range(200))
    ids = [r["doc_id"] for r in _map_dask(inputs, client, jobs=1, reference_date=None,
                                          batch_size=4, window=3)]
    assert ids == [str(n) for n in range(200)]
    assert client.peak == 3


# ------------------------------------------------------------------- bounded memory

def test_digest_set_keeps_strings_in_a_few_bytes_each():
    """doc_ids are kept unique with digests (the parent stays flat over an archive):
    add/in behave as a set's, also across growth and for text that is not valid UTF-8."""
    from extractor.io.digests import DigestSet
    ids = [f"20191001-{n:05d}" for n in range(5000)] + ["a\udc80b", "石渠县", ""]
    seen = DigestSet()
    assert [seen.add(i) for i in ids] == [True] * len(ids)
    assert [seen.add(i) for i in ids[:3]] == [False] * 3
    assert all(i in seen for i in ids) and "20191001-99999" not in seen
    assert len(seen) == len(ids)
    assert len(seen._slots) * 8 <= 32 * len(ids)     # at most 32 bytes per member


def test_listing_keeps_no_list_of_files(tmp_path):
    """Defect: the listing held every file of the run (and the doc_ids used) in the
    parent: ~600 bytes per file. Ten times the files must not take much more memory."""
    import tracemalloc
    peaks = []
    for n in (200, 2000):
        folder = tmp_path / f"in{n}"
        for i in range(n):
            _write(folder / f"d{i % 7}" / f"article-with-a-longish-name-{i:05d}.txt", "x")
        tracemalloc.start()
        count = sum(1 for _ in iter_inputs([str(folder)]))
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert count == n
    assert peaks[1] - peaks[0] < 1800 * 64      # < 64 bytes per extra file (was ~600)


# Characters JSON may leave raw inside a string but that line splitters (str.splitlines,
# editors, JavaScript) take for line ends: each must be escaped so a record stays one line.
LINE_BREAKS_INSIDE_TEXT = [
    ("next line U+0085", "标题\x85正文", "\\u0085"),
    ("line separator U+2028", "标题\u2028正文", "\\u2028"),
    ("paragraph separator U+2029", "标题\u2029正文", "\\u2029"),
]


@pytest.mark.parametrize("what, text, escape", LINE_BREAKS_INSIDE_TEXT,
                         ids=[row[0] for row in LINE_BREAKS_INSIDE_TEXT])
def test_a_record_with_a_raw_line_break_character_stays_one_line(tmp_path, what, text, escape):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    run([str(tmp_path / "in")], str(out), jobs=1, progress=False)
    written = out.read_text(encoding="utf-8")
    assert escape in written
    lines = written.splitlines()
    assert len(lines) == 1
    assert json.loads(lines[0])["doc_id"] == "a"
