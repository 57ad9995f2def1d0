"""The Streamlit app, headless (streamlit.testing.v1.AppTest), on the sample corpus."""

from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.conftest import REPO, Seeded

APP = str(REPO / "app.py")


def _app() -> AppTest:
    return AppTest.from_file(APP, default_timeout=60)


def test_overview_shows_counts(seeded: Seeded) -> None:
    at = _app().run()
    assert not at.exception
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Document"] == "9"
    assert int(metrics["Measure"]) > 300


def test_document_page_lists_measures_with_agencies(seeded: Seeded) -> None:
    at = _app().run()
    at.sidebar.radio(key="page").set_value("Document").run()
    box = at.selectbox(key="document")
    label = next(o for o in box.options if "甘肃省" in o)
    box.set_value(label).run()
    assert not at.exception
    measures = at.dataframe[0].value
    row = measures[measures["path"] == "一/(二)/5"].iloc[0]
    assert "甘肃省市场监督管理局（lead）" in row["agencies"]


def test_agency_page_lists_tasks(seeded: Seeded) -> None:
    at = _app().run()
    at.sidebar.radio(key="page").set_value("Agency").run()
    at.selectbox(key="agency").set_value("甘肃省市场监督管理局").run()
    assert not at.exception
    tasks = at.dataframe[0].value
    assert len(tasks) >= 40
    assert set(tasks["role"]) == {"lead", "responsible", "support"} or {"lead", "responsible"} <= set(tasks["role"])
