"""Network analytics on the sample corpus."""

from __future__ import annotations

import json

from graph.analytics import agency_network, agency_scores, analyze, citation_network, regulation_scores
from tests.conftest import Cli, Seeded


def test_the_gansu_regulator_is_the_most_central_agency(seeded: Seeded) -> None:
    scores, _ = agency_scores(agency_network(seeded.store))
    top = scores[0]
    assert top.name == "甘肃省市场监督管理局"
    assert top.betweenness == max(s.betweenness for s in scores)
    assert not any(s.generic for s in scores)  # generic holders are left out by default


def test_communities_follow_the_documents(seeded: Seeded) -> None:
    _, communities = agency_scores(agency_network(seeded.store))
    community_of = {name: i for i, members in enumerate(communities) for name in members}
    assert community_of["浙江省知识产权局"] == community_of["杭州市知识产权局"]
    assert community_of["国家知识产权局条法司"] == community_of["国家知识产权局管理司"]
    assert community_of["浙江省知识产权局"] != community_of["甘肃省市场监督管理局"]


def test_generic_holders_can_be_included(seeded: Seeded) -> None:
    assert "各成员单位" in agency_network(seeded.store, include_generic=True)


def test_citation_network_merges_ingested_laws(seeded: Seeded) -> None:
    graph = citation_network(seeded.store)
    scores = {s.title: s for s in regulation_scores(graph, limit=100)}
    assert scores["中华人民共和国专利法"].ingested is True
    assert scores["中华人民共和国专利法"].citing_documents == 2
    assert scores["企业知识产权管理规范"].citing_documents == 2


def test_analyze_cli_json(seeded: Seeded, cli: Cli) -> None:
    result = cli("graph", "analyze", "--json", "--limit", "3", store=seeded.folder)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert len(data["agencies"]) == 3 and data["communities"] and data["regulations"]
    networks = data.pop("networks")
    assert data == analyze(seeded.store, limit=3)
    assert networks["coissuing"] == []  # no sample is signed by two bodies
    assert [(p["period"], p["edges"]) for p in networks["lead_support"]] == [("2020", 28)]  # the Gansu plan
