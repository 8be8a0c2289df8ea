from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = REPO / "corpus"
CASES = Path(__file__).resolve().parent / "cases"


@pytest.fixture(scope="session")
def real_news_dir():
    path = SHARED / "data" / "real-news"
    if not path.is_dir():
        pytest.skip("../shared/data/real-news is not beside the repo")
    return path


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
