"""Headless Chromium from the system packages, for checking and picturing the review page.

Used by the tests (they skip, saying why, where no browser is installed) and by
``scripts/docs_pictures.py``. Nothing here is needed to write the page itself.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from typing import Optional

#: Names the browser has in Debian's ``chromium`` package and elsewhere.
CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
          "--disable-dev-shm-usage", "--no-first-run", "--mute-audio")


def find_chromium() -> Optional[str]:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess:
    browser = find_chromium()
    if browser is None:
        raise FileNotFoundError("no Chromium found (apt-get install chromium)")
    return subprocess.run([browser, *_FLAGS, *args], capture_output=True, timeout=timeout,
                          check=True)


def dump_dom(page: Path, *, timeout: float = 120) -> str:
    """The page's DOM after its scripts ran, as the browser serialises it."""
    done = _run(["--virtual-time-budget=5000", "--dump-dom", Path(page).resolve().as_uri()], timeout)
    return done.stdout.decode("utf-8", "replace")


def body_attributes(dom: str) -> dict[str, str]:
    """The attributes of <body> in a dumped DOM (the review page writes its counts there)."""
    m = re.search(r"<body([^>]*)>", dom)
    return dict(re.findall(r'([\w-]+)="([^"]*)"', m.group(1))) if m else {}


def screenshot(page: Path, png: Path, *, width: int = 1400, height: int = 1000,
               timeout: float = 120) -> Path:
    """A PNG of the top ``width`` × ``height`` pixels of the page."""
    png = Path(png).resolve()
    png.parent.mkdir(parents=True, exist_ok=True)
    _run([f"--window-size={width},{height}", "--virtual-time-budget=5000",
          f"--screenshot={png}", Path(page).resolve().as_uri()], timeout)
    return png
