"""The app in a real browser: Debian's chromium driven by Playwright, against `streamlit run app.py`."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

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
    yield from _serve(seeded.folder)


@contextmanager
def _app_server(store: Path) -> Iterator[str]:
    yield from _serve(store)


def _serve(store: Path) -> Iterator[str]:
    """`streamlit run app.py` on a free local port over `store`, until the caller is done."""
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is not installed (make test installs it with apt when it can)")
    pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(REPO / "app.py"), "--server.port", str(port),
        "--server.address", "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    server = subprocess.Popen(
        command, cwd=REPO, env={**os.environ, "KG_STORE": str(store)},
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


SHOTS = REPO / "docs" / "screenshots"  # the README's tour: taken here, so it shows the app as it is
ROW = 35  # pixels: the data grid's header and row height


def _wait_for(page: Any, text: str, tmp_path: Path, name: str) -> None:
    try:
        page.wait_for_selector(f"text={text}", timeout=60_000)
    except Exception as error:
        page.screenshot(path=str(tmp_path / f"{name}-failed.png"))
        raise AssertionError(f"{name}: {text!r} did not appear; page text: {page.inner_text('body')[:600]}") from error
    page.wait_for_timeout(1500)  # charts and grids finish drawing


def _shot(page: Any, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    return path


def _here(page: Any) -> dict[str, str]:
    query = urllib.parse.urlparse(page.evaluate("location.href")).query
    return {k: v[0] for k, v in urllib.parse.parse_qs(query).items()}


def test_a_tour_of_the_app_in_chromium(app_url: str, tmp_path: Path) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.goto(f"{app_url}/?page=Overview")
            _wait_for(page, "Start from a question", tmp_path, "overview")
            _shot(page, "overview")

            page.goto(f"{app_url}/?page=Agency&id=" + urllib.parse.quote("agency:甘肃省市场监督管理局"))
            _wait_for(page, "牵头 lead", tmp_path, "agency")
            page.wait_for_selector('[role="gridcell"]', state="attached", timeout=60_000)
            cells = [c.inner_text() for c in page.locator('[role="gridcell"]').all()]
            assert "一/(二)/5" in cells and {"lead", "responsible", "support"} <= set(cells)
            _shot(page, "agency")

            # a click on a task row opens its measure in this tab; Back returns to the agency
            grid = page.locator('[data-testid="stDataFrame"]').first.bounding_box()
            page.mouse.click(grid["x"] + 18, grid["y"] + ROW + 3 * ROW + ROW / 2)  # the fourth row's marker
            _wait_for(page, "Owners:", tmp_path, "measure")
            opened = _here(page)
            assert opened["page"] == "Document" and opened["measure"].startswith(opened["id"] + "/")
            path = opened["measure"].split("/", 1)[1]
            assert page.locator(f"text=Measure {path}").count() >= 1
            assert page.locator("mark").count() >= 1  # the measure marked in its text
            _shot(page, "document-measure")
            page.go_back()
            _wait_for(page, "牵头 lead", tmp_path, "back")
            assert _here(page)["page"] == "Agency"

            # a query whose parameter is written the usual short way, and what it was read as
            page.goto(f"{app_url}/?page=Queries&query=agency_tasks")
            box = page.get_by_label("agency", exact=True)
            box.fill("甘肃省市场监管局")
            box.press("Enter")
            _wait_for(page, "Read as: 甘肃省市场监管局 → 甘肃省市场监督管理局", tmp_path, "query")
            _shot(page, "query-resolved")
        finally:
            browser.close()


def test_coding_in_chromium_accept_change_reload_reingest(tmp_path: Path) -> None:
    """The write path in a real browser: accept a suggestion, change a code, reload, re-ingest."""
    from playwright.sync_api import sync_playwright

    from graph.falkor_store import FalkorStore, stop_server
    from ingest.run import ingest_paths
    from tests.test_coding import PLAN

    plan = tmp_path / "plan.txt"
    plan.write_text(PLAN, encoding="utf-8")
    store = FalkorStore.open(tmp_path / "store")
    ingest_paths([plan], store, workers=1)
    try:
        with _app_server(tmp_path / "store") as url, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
            page = browser.new_page(viewport={"width": 1400, "height": 1600})

            def open_as(coder: str) -> None:
                page.goto(f"{url}/?page=Coding")
                _wait_for(page, "Coder (your name or initials)", tmp_path, "coding")
                box = page.get_by_label("Coder (your name or initials)")
                box.fill(coder)
                box.press("Enter")
                page.wait_for_timeout(1500)

            def card(path: str) -> Any:
                return page.locator('[data-testid="stVerticalBlock"]').filter(has_text=f"{path} ").last

            open_as("lin")
            card("一/(二)").get_by_role("button", name="Accept suggestion").click()
            _wait_for(page, "Saved 一/(二)", tmp_path, "accepted")
            enforcement = card("一/(一)")
            enforcement.get_by_role("combobox").first.click()
            page.get_by_role("option", name="environment.strategic").click()
            page.wait_for_timeout(800)
            card("一/(一)").get_by_role("button", name="Save my codes").click()
            _wait_for(page, "Saved 一/(一)", tmp_path, "changed")
            _shot(page, "coding")
            ingest_paths([plan], store, workers=1)  # the same documents again
            open_as("lin")  # a reload: a new session
            assert page.get_by_role("combobox", name="tool (lin)").first.input_value() == "environment.strategic"
            assert page.get_by_role("combobox", name="tool (lin)").count() == 2  # both measures: lin's codes
            browser.close()
    finally:
        store.close()
        stop_server(tmp_path / "store")
