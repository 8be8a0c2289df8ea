from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def load_script():
    """Loads scripts/NAME.py as a module named NAME (registered in sys.modules: dataclasses look
    their module up); call it with the name."""
    import importlib.util
    import sys

    def load(name: str):
        spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module
        spec.loader.exec_module(module)
        return module
    return load


@pytest.fixture(scope="session")
def real_news_dir():
    path = SHARED / "data" / "real-news"
    if not path.is_dir():
        pytest.skip("../shared/data/real-news is not beside the repo")
    return path


@pytest.fixture
def alias_folder(tmp_path):
    """A rules folder as a researcher would make one: the project's rules/county_aliases.tsv
    with their own rows added (tab-separated: alias, adcode, kind, year, note); the other rules
    files come from the project. Call it with the rows; it returns the folder."""
    from extractor.rules import load_tsv

    def write(*extra_rows: str) -> Path:
        columns = ("alias", "adcode", "kind", "year", "note")
        rows = ["\t".join(columns)] + ["\t".join(r[k] or "" for k in columns)
                                       for r in load_tsv("county_aliases.tsv")]
        (tmp_path / "county_aliases.tsv").write_text("\n".join(rows + list(extra_rows)) + "\n", encoding="utf-8")
        return tmp_path
    return write


@pytest.fixture(scope="session")
def built_wheel(tmp_path_factory):
    """The project's wheel, built once per test run (the packaging tests all read it)."""
    import subprocess
    import sys
    folder = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                           "-w", str(folder), str(REPO)], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    [wheel] = folder.glob("fupin_extractor-*.whl")
    return wheel
