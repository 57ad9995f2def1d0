"""Extraction on a Dask cluster (a local one of 2 worker processes, started by the test): the graph it
writes — to a Neo4j server over Bolt, or as the files of Neo4j's bulk importer — equals the one a
single-machine ingest of the same corpus writes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.export import export, read_graph
from graph.store import GraphStore, open_store
from ingest.cluster import FILES_PER_TASK, _tasks, extract_files
from ingest.run import ingest_paths, process_file
from tests.conftest import LAWS, SAMPLES, Cli, Seeded
from tests.samples import canonical_graph


@pytest.fixture(scope="module")
def neo4j_store(bolt_server: str) -> Iterator[GraphStore]:
    os.environ["KG_BACKEND"] = "neo4j"
    try:
        store = open_store()
    finally:
        os.environ.pop("KG_BACKEND", None)
    store.write("MATCH (n) DETACH DELETE n")
    try:
        yield store
    finally:
        store.write("MATCH (n) DETACH DELETE n")
        store.close()


def test_a_cluster_ingest_into_a_bolt_server_is_the_single_machine_graph(
    neo4j_store: GraphStore, seeded: Seeded
) -> None:
    outcomes = ingest_paths([SAMPLES, LAWS], neo4j_store, cluster="local:2")
    assert [o.status for o in outcomes] == ["added"] * 9
    assert canonical_graph(read_graph(neo4j_store)) == canonical_graph(read_graph(seeded.store))


def test_a_cluster_ingest_into_neo4j_import_files_is_the_single_machine_export(
    seeded: Seeded, tmp_path: Path, cli: Cli
) -> None:
    result = cli("ingest", "--cluster", "local:2", "--neo4j-import", str(tmp_path / "cluster"), str(SAMPLES), str(LAWS))
    assert result.returncode == 0, result.stderr
    assert "9 files into Neo4j import files" in result.stdout and "neo4j-admin database import full" in result.stdout
    export(seeded.store, "neo4j-import", tmp_path / "single")
    cluster_files = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "cluster").glob("*.csv")}
    single_files = {p.name: p.read_text(encoding="utf-8") for p in (tmp_path / "single").glob("*.csv")}
    assert len(cluster_files) > 10 and cluster_files == single_files


def test_workers_get_bytes_not_paths() -> None:
    paths = [*sorted(str(p) for p in SAMPLES.iterdir()), "/no/such/file.txt"]
    tasks = list(_tasks(paths))
    assert sum(len(task) for task in tasks) == len(paths) and all(len(t) <= FILES_PER_TASK for t in tasks)
    assert tasks[-1][-1] == ("/no/such/file.txt", None)  # the worker reads it and names the problem
    (path, data), *_ = tasks[0]
    assert data == Path(path).read_bytes()
    on_worker = extract_files([(path, data)])[0]
    here = process_file(path)
    assert on_worker[1].document == here[1].document
