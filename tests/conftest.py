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
