"""The app in a real browser: Debian's chromium driven by Playwright, against `streamlit run app.py`."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO, Seeded

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic",
]  # fmt: skip


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def app_url(seeded: Seeded) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (make test installs it with apt when it can)")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=REPO, env={**os.environ, "KG_STORE": str(seeded.folder)},
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    pytest.fail("streamlit did not come up within 60 s")
                time.sleep(0.3)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=20)


def test_agency_page_in_chromium(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    link = f"{app_url}/?page=Agency&id=" + urllib.parse.quote("agency:甘肃省市场监督管理局")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(link)
            try:
                page.wait_for_selector("text=牵头 lead", timeout=60_000)
            except Exception as error:
                page.screenshot(path=str(tmp_path / "failed.png"))
                text = page.inner_text("body")[:800]
                raise AssertionError(f"agency page did not render; page text: {text}") from error
            page.wait_for_selector('[role="gridcell"]', state="attached", timeout=60_000)
            cells = [c.inner_text() for c in page.locator('[role="gridcell"]').all()]
            screenshot = tmp_path / "agency.png"
            page.screenshot(path=str(screenshot))
        finally:
            browser.close()
    # the task table shows the regulator's tasks with their roles and outline paths
    assert "一/(二)/5" in cells and "一/(一)/1" in cells
    assert {"lead", "responsible", "support"} <= set(cells)
    assert screenshot.stat().st_size > 10_000
    shutil.copy(screenshot, tmp_path / "agency-page.png")
