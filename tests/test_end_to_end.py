"""The five samples through the whole pipeline into a real store, checked fact by fact."""

from __future__ import annotations

import json
from pathlib import Path

from graph.stats import graph_stats
from ingest.run import ingest_paths
from tests.conftest import LAWS, SAMPLES, Cli, Seeded

DOC_000 = "浙江省2014年专利事业发展战略推进工作组织实施方案"


def test_every_sample_is_added(seeded: Seeded) -> None:
    assert [o.status for o in seeded.outcomes] == ["added"] * 9
    plans = [o for o in seeded.outcomes if o.path.endswith(".txt")]
    assert len(plans) == 5 and all(o.counts["measures"] > 0 for o in plans)


def test_every_label_is_populated(seeded: Seeded) -> None:
    nodes = graph_stats(seeded.store)["nodes"]
    for label in ("Document", "Measure", "Agency", "Region", "Regulation"):
        assert nodes.get(label, 0) > 0, label
    assert nodes["Document"] == 9


def test_000_is_issued_by_the_zhejiang_ip_office(seeded: Seeded) -> None:
    rows = seeded.rows(
        "MATCH (d:Document {title: $t})-[:ISSUED_BY]->(a:Agency) RETURN a.name AS name, d.issued AS issued", t=DOC_000
    )
    assert rows == [{"name": "浙江省知识产权局", "issued": "2014-04-21"}]


def test_000_tasks_go_to_the_office_through_the_abbreviation_shengju(seeded: Seeded) -> None:
    rows = seeded.rows(
        "MATCH (a:Agency {name: '浙江省知识产权局'})-[r:RESPONSIBLE_FOR]->(m:Measure)<-[:HAS_MEASURE*1..3]-"
        "(d:Document {title: $t}) RETURN m.path AS path, r.evidence AS evidence",
        t=DOC_000,
    )
    paths = {row["path"] for row in rows}
    assert {"(一)/1", "(二)/2", "(八)/8", "(二十一)/21"} <= paths
    assert any("省局负责" in row["evidence"] for row in rows)
    alias = seeded.rows("MATCH (a:Agency {name: '浙江省知识产权局'}) RETURN a.aliases AS aliases")
    assert "省局" in alias[0]["aliases"]


def test_001_document_number(seeded: Seeded) -> None:
    rows = seeded.rows("MATCH (d:Document) WHERE d.region = '靖江市' RETURN d.doc_number AS n, d.level AS level")
    assert rows == [{"n": "靖政办发〔2017〕130号", "level": "county"}]


def test_002_market_regulator_is_resolved_and_leads_task_5(seeded: Seeded) -> None:
    rows = seeded.rows(
        "MATCH (a:Agency)-[r]->(m:Measure {path: '一/(二)/5'}) RETURN a.name AS name, type(r) AS type ORDER BY name"
    )
    assert {"name": "甘肃省市场监督管理局", "type": "LEADS"} in rows
    # the Traditional 省市場監管局 is an alias of the canonical Simplified name
    aliases = seeded.rows("MATCH (a:Agency {name: '甘肃省市场监督管理局'}) RETURN a.aliases AS aliases")[0]["aliases"]
    assert "省市场监管局" in aliases


def test_relationships_carry_provenance(seeded: Seeded) -> None:
    rows = seeded.rows(
        "MATCH ()-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS|CITES|ASSIGNED_TO]->() "
        "RETURN r.doc_id AS doc, r.evidence AS evidence, r.start AS start, r.end AS end"
    )
    assert len(rows) > 200
    for row in rows:
        assert row["doc"] and row["evidence"] and 0 <= row["start"] < row["end"]


def test_evidence_offsets_point_into_the_original_text(seeded: Seeded) -> None:
    rows = seeded.rows(
        "MATCH (a:Agency)-[r:LEADS]->(m:Measure) MATCH (d:Document {id: r.doc_id}) "
        "RETURN d.text AS text, r.start AS start, r.end AS end, r.evidence AS evidence LIMIT 20"
    )
    assert len(rows) == 20
    for row in rows:
        span = row["text"][row["start"] : row["end"]]
        assert "牽頭" in span or "负责" in span or "負責" in span or "牵头" in span


def test_reingesting_changes_nothing(seeded: Seeded) -> None:
    before = graph_stats(seeded.store)
    outcomes = ingest_paths([SAMPLES, LAWS], seeded.store, workers=1)
    assert {o.status for o in outcomes} == {"unchanged"}
    assert graph_stats(seeded.store) == before


def test_cli_stats_and_agency_tasks(seeded: Seeded, cli: Cli) -> None:
    stats = cli("graph", "stats", "--json", store=seeded.folder)
    assert stats.returncode == 0, stats.stderr
    assert json.loads(stats.stdout)["nodes"]["Document"] == 9
    tasks = cli(
        "queries", "run", "agency_tasks", "--param", "agency=甘肃省市场监督管理局", "--json", store=seeded.folder
    )
    assert tasks.returncode == 0, tasks.stderr
    assert len(json.loads(tasks.stdout)) >= 40


def test_cli_ingest_twice_gives_identical_stats(tmp_path: Path, cli: Cli) -> None:
    store = tmp_path / "s"
    try:
        first = cli("ingest", str(SAMPLES), store=store)
        assert first.returncode == 0, first.stderr
        assert "5 added" in first.stdout
        stats1 = cli("graph", "stats", "--json", store=store).stdout
        second = cli("ingest", str(SAMPLES), store=store)
        assert "5 unchanged" in second.stdout
        assert cli("graph", "stats", "--json", store=store).stdout == stats1
    finally:
        cli("graph", "server", "stop", store=store)


def test_cli_exports(seeded: Seeded, tmp_path: Path, cli: Cli) -> None:
    for fmt, name in (("json", "g.json"), ("graphml", "g.graphml"), ("csv", "csv")):
        result = cli("graph", "export", "--format", fmt, "-o", str(tmp_path / name), store=seeded.folder)
        assert result.returncode == 0, result.stderr
    exported = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert {"id", "labels", "properties"} <= set(exported["nodes"][0])
    assert {"id", "type", "start", "end", "properties"} <= set(exported["relationships"][0])
    assert "<graphml" in (tmp_path / "g.graphml").read_text(encoding="utf-8")
    assert (tmp_path / "csv" / "nodes_Document.csv").exists()


def test_cli_console_refuses_writes(seeded: Seeded, cli: Cli) -> None:
    result = cli("queries", "cypher", "match (n) Create (m:X) return n", store=seeded.folder)
    assert result.returncode == 2
    assert "read-only" in result.stderr
