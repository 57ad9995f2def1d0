"""Policy-tool content analysis: the schemes as data, the suggester's rules on sentences of their kind,
human codes that last (coder, time, source; re-ingest), agreement, the matrix (CSV, XLSX, command
line), the named queries, and the coding flow in the app."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from streamlit.testing.v1 import AppTest

from core.agreement import cohen_kappa, per_code
from core.schemes import scheme, schemes
from graph.coding import Selection, coded_measures, codings, matrix, matrix_xlsx, save_code
from graph.falkor_store import FalkorStore, stop_server
from ingest.coding import suggest
from ingest.run import ingest_paths
from queries.library import load_library
from tests.conftest import REPO, Cli, Seeded

TOOL, STAGE = scheme("tool"), scheme("value_chain")


def test_the_schemes_are_data() -> None:
    assert [s.axis for s in schemes()] == ["tool", "value_chain"]
    assert len(TOOL.codes) == 14 and TOOL.group_of("supply.talent") == "supply"
    assert dict(TOOL.group_labels)["supply"] == "供给型"
    assert STAGE.residual == "management" and STAGE.none_with == "tool"


def test_a_project_adds_its_own_scheme_without_code(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "schemes"
    folder.mkdir()
    (folder / "green.toml").write_text(
        'id = "green"\nname = "绿色知识产权"\naxis = "green"\nnone_code = "none"\n'
        '[[types]]\ncode = "green.tech"\nlabel = "绿色技术"\ncues = ["绿色技术", "节能"]\n',
        encoding="utf-8",
    )
    monkeypatch.setenv("KG_SCHEMES", str(folder))
    (green,) = schemes()
    found = suggest("支持企业开展节能技术专利布局", green)
    assert (found.code, found.cue) == ("green.tech", "节能")


@pytest.mark.parametrize(
    ("text", "code", "rule"),
    [
        ("举办企业知识产权工程师培训班6期,培训企业管理人员500人次以上。", "supply.talent", "title"),
        (
            "建立海外知识产权纠纷应对指导机制,开展海外维权援助,举办专利布局培训班1期。",
            "demand.international",
            "priority",
        ),
        ("筹建快速维权中心,完成场地改造和人员招聘。", "environment.regulation", "priority"),
        ("落实质押贷款贴息,对投保专利保险的企业给予保费补贴。", "environment.finance", "priority"),
        ("搭建县域专利检索分析平台,向企业免费开放。", "supply.public_service", "title"),
        ("提升专利创造质量。对发明专利授权给予资助。", "supply.funding", "body"),
    ],
)
def test_the_suggester_follows_the_codebooks_order(text: str, code: str, rule: str) -> None:
    found = suggest(text, TOOL)
    assert (found.code, found.rule) == (code, rule)
    assert text[found.start : found.end] == found.cue and 0 < found.confidence <= 1


def test_a_body_cue_decides_less_surely_than_a_title_cue() -> None:
    title = suggest("举办专利培训班。", TOOL)
    body = suggest("提升能力。举办专利培训班。", TOOL)
    assert body.confidence < title.confidence


def test_headings_stages_from_above_and_the_residual() -> None:
    assert suggest("加强知识产权保护", TOOL, heading_only=True).code == "none"
    inherited = suggest("举办宣传周活动", STAGE, parents=("加大知识产权保护力度",))
    assert (inherited.code, inherited.rule) == ("protection", "parent")
    assert suggest("举办宣传周活动", STAGE).code == "management"  # V4: the residual stage
    assert suggest("坚持统筹推进", TOOL).code == "none"  # a tool is never guessed


def test_kappa_and_scores() -> None:
    found = cohen_kappa(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    assert (found.observed, found.kappa) == (0.75, 0.5)
    (a, b) = per_code(["a", "b"], ["a", "a"])
    assert (a.precision, a.recall, b.recall) == (0.5, 1.0, 0.0)


# --- on the samples -------------------------------------------------------------------------------


def test_measures_carry_their_suggestion_and_its_evidence(seeded: Seeded) -> None:
    row = seeded.rows(
        "MATCH (m:Measure) WHERE m.doc_label STARTS WITH '浙江省2014年' AND m.path = '(三)/3' "
        "RETURN m.suggested_tool AS tool, m.suggested_tool_cue AS cue, m.suggested_tool_span AS span, "
        "m.suggested_value_chain AS stage, m.search_text AS text"
    )[0]
    assert (row["tool"], row["cue"], row["stage"]) == ("supply.funding", "资助政策", "creation")
    assert row["text"][row["span"][0] : row["span"][1]] == "资助政策"
    headings = seeded.rows("MATCH (m:Measure) WHERE m.suggested_tool_rule = 'heading' RETURN count(m) AS n")
    assert headings[0]["n"] > 20


def test_named_queries_on_codes(seeded: Seeded) -> None:
    library = load_library()
    rows = library["agency_tool_measures"].run(seeded.store, {"agency": "甘肃省市场监管局", "tool": "法规管制"})
    assert rows and {r["tool"] for r in rows} == {"environment.regulation"}
    assert all(r["coded_by"] == "suggested" and r["cue"] for r in rows)
    mix = library["tool_mix"].run(seeded.store, {"region": "浙江"})
    assert {r["year"] for r in mix} == {2014} and abs(sum(r["share"] for r in mix) - 1.0) < 0.01


def test_the_matrix_of_a_selection(seeded: Seeded) -> None:
    rows = coded_measures(seeded.store, Selection(year_from=2014, year_to=2014))
    assert {r["year"] for r in rows} == {2014}
    cells = matrix(rows, "tool", "value_chain")
    assert sum(c["measures"] for c in cells) == len(rows)
    assert abs(sum(c["share"] for c in cells) - 1.0) < 0.001
    by_year = matrix(coded_measures(seeded.store), by="year")
    assert {c["year"] for c in by_year} >= {2014, 2017, 2018, 2020}
    book = load_workbook(io.BytesIO(matrix_xlsx(by_year, "tool", "value_chain")))
    assert book.sheetnames[0] == "cells" and "2014" in book.sheetnames
    assert book["2014"]["A1"].value == "tool \\ value_chain"


# --- human codes that last --------------------------------------------------------------------------

PLAN = """常州市知识产权局关于印发2021年知识产权工作要点的通知
常知发〔2021〕3号
一、加强保护
(一)开展专利侵权专项执法行动。(市知识产权局负责)
(二)举办企业知识产权管理培训班3期。(市知识产权局负责)
"""


@pytest.fixture
def plan_store(tmp_path: Path) -> FalkorStore:
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    store = FalkorStore.open(tmp_path / "store")
    ingest_paths([tmp_path / "plan.txt"], store, workers=1)
    yield store
    store.close()
    stop_server(tmp_path / "store")


def test_a_human_code_is_kept_with_coder_time_and_source_and_survives_reingest(
    plan_store: FalkorStore, tmp_path: Path
) -> None:
    (measure,) = [r for r in coded_measures(plan_store) if r["path"] == "一/(二)"]
    assert measure["tool"] == "supply.talent" and measure["tool_by"] == "suggested"
    save_code(plan_store, measure["id"], "tool", "environment.strategic", "lin", "training as campaign")
    save_code(plan_store, measure["id"], "tool", "supply.talent", "wu")
    (stored,) = codings(plan_store, "lin")
    assert (stored["code"], stored["source"], stored["suggested"]) == (
        "environment.strategic",
        "human",
        "supply.talent",
    )
    assert stored["at"].startswith("20") and stored["note"] == "training as campaign"
    # the same plan again, and then a revised version of it (same number, one more item): codes stay
    (tmp_path / "plan.txt").write_text(PLAN, encoding="utf-8")
    ingest_paths([tmp_path / "plan.txt"], plan_store, workers=1)
    (tmp_path / "revised.txt").write_text(PLAN + "(三)建设知识产权公共服务平台。\n", encoding="utf-8")
    ingest_paths([tmp_path / "revised.txt"], plan_store, workers=1)
    again = {r["path"]: r for r in coded_measures(plan_store, coder="lin")}
    assert (again["一/(二)"]["tool"], again["一/(二)"]["tool_by"]) == ("environment.strategic", "lin")
    assert len(codings(plan_store)) == 2


def test_a_code_needs_a_coder_and_a_code_of_the_scheme(plan_store: FalkorStore) -> None:
    measure = coded_measures(plan_store)[0]["id"]
    with pytest.raises(ValueError, match="needs a coder"):
        save_code(plan_store, measure, "tool", "supply.talent", " ")
    with pytest.raises(ValueError, match="not a code of the tool scheme"):
        save_code(plan_store, measure, "tool", "supply.magic", "lin")


def test_the_command_line_matrix_kappa_and_import(cli: Cli, seeded: Seeded, tmp_path: Path) -> None:
    gold = REPO / "tests" / "gold" / "policy_tools"
    for coder in ("A", "B"):
        result = cli(
            "queries",
            "tools",
            "import",
            str(gold / f"coder_{coder.lower()}.jsonl"),
            "--coder",
            coder,
            store=seeded.folder,
        )
        assert result.returncode == 0 and result.stdout.startswith("320 codes of")  # 160 sample measures × 2 axes
    kappa = cli("queries", "tools", "kappa", "A", "B", store=seeded.folder)
    assert "tool: 160 measures coded by both" in kappa.stdout and "κ 0.9" in kappa.stdout
    out = tmp_path / "m.xlsx"
    result = cli(
        "queries", "tools", "matrix", "--region", "浙江", "--source", "human", "--coder", "A", "--xlsx", str(out),
        store=seeded.folder,
    )  # fmt: skip
    assert result.returncode == 0 and result.stdout.startswith("tool_type,tool,value_chain,measures,share")
    assert load_workbook(out).sheetnames == ["cells", "all"]
    assert cli("queries", "tools", "matrix", "--doc", "火星省规划", store=seeded.folder).returncode == 2
    seeded.store.write("MATCH (c:Coding) DETACH DELETE c")  # leave the shared store as it was


# --- in the app ------------------------------------------------------------------------------------


def _coding_app(folder: Path, monkeypatch: pytest.MonkeyPatch) -> AppTest:
    monkeypatch.setenv("KG_STORE", str(folder))
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90)
    at.query_params.update({"page": "Coding"})
    return at.run()


def test_coding_in_the_app_accept_change_reload(
    plan_store: FalkorStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _coding_app(tmp_path / "store", monkeypatch)
    assert not at.exception, at.exception
    accept = [b for b in at.button if b.label == "Accept suggestion"]
    assert accept and all(b.disabled for b in accept)  # no coder, no write
    at.text_input(key="coder").set_value("lin").run()
    ids = sorted({b.key[2:-7] for b in at.button if b.key and b.key.endswith("_accept")})
    training = next(i for i in ids if i.endswith("一/(二)"))
    at.button(key=f"m_{training}_accept").click().run()
    assert any("Saved" in s.value for s in at.success)
    enforcement = next(i for i in ids if i.endswith("一/(一)"))
    at.selectbox(key=f"m_{enforcement}_tool").set_value("environment.strategic").run()
    at.text_input(key=f"m_{enforcement}_note").set_value("a campaign").run()
    at.button(key=f"m_{enforcement}_save").click().run()
    stored = {(r["measure_id"].split("/", 1)[1], r["code"], r["source"]) for r in codings(plan_store, "lin", "tool")}
    assert stored == {("一/(二)", "supply.talent", "human"), ("一/(一)", "environment.strategic", "human")}
    again = _coding_app(tmp_path / "store", monkeypatch)  # a reload: a new session
    again.text_input(key="coder").set_value("lin").run()
    box = again.selectbox(key=f"m_{enforcement}_tool")
    assert box.value == "environment.strategic" and box.label == "tool (lin)"


def test_the_matrix_tab_draws_a_heat_map_and_offers_csv_and_xlsx(
    plan_store: FalkorStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    at = _coding_app(tmp_path / "store", monkeypatch)
    assert at.get("vega_lite_chart")
    labels = [b.label for b in at.get("download_button")]
    assert "CSV" in labels and "XLSX" in labels
    table = next(df.value for df in at.dataframe if "total" in df.value.columns)
    assert int(table["total"].sum()) == 3  # 一 (a heading: none), 一/(一), 一/(二)


def test_the_gold_measurement_runs(capsys: pytest.CaptureFixture[str]) -> None:
    from ingest.evaluate_tools import GOLD, main

    gold = GOLD if GOLD.exists() else GOLD.with_name("coder_a.jsonl")
    assert main(["--gold", str(gold), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["measures"] >= 300 and not report["missing"]
    for axis in ("tool", "value_chain"):
        assert 0.5 < report[axis]["accuracy"] <= 1 and -1 <= report[axis]["kappa"] <= 1
        assert {row["code"] for row in report[axis]["codes"]} >= {"none"}
