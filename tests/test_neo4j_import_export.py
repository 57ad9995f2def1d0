"""`python -m graph export --format neo4j-import -o DIR`: CSV files in neo4j-admin's header syntax and
the exact `neo4j-admin database import full` command for them, checked on the real sample graph."""

from __future__ import annotations

import csv
import os
import re
import shlex
from pathlib import Path
from typing import Any

import pytest

from graph.dialect import NEO4J_SCHEMA
from graph.export import Neo4jImport, read_graph, write_neo4j_import
from graph.stats import graph_stats
from tests.conftest import Cli, Seeded

_TYPED = re.compile(r"^(?P<name>[A-Za-z_]\w*):(?P<type>long|double|boolean|string)(?P<array>\[\])?$")


@pytest.fixture(scope="module")
def exported(seeded: Seeded, tmp_path_factory: pytest.TempPathFactory) -> tuple[Neo4jImport, dict[str, Any]]:
    graph = read_graph(seeded.store)
    return write_neo4j_import(graph, tmp_path_factory.mktemp("neo4j-import"), database="policykg"), graph


def _value(text: str, column_type: str, delimiter: str) -> Any:
    if column_type.endswith("[]"):
        return [_value(part, column_type[:-2], delimiter) for part in text.split(delimiter)]
    if column_type == "long":
        return int(text)
    if column_type == "double":
        return float(text)
    if column_type == "boolean":
        assert text in {"true", "false"}
        return text == "true"
    return text


def _read(path: Path, delimiter: str) -> tuple[list[str], list[dict[str, Any]]]:
    """Parse a file the way neo4j-admin does: the header names the fields and their types."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    header, body = rows[0], rows[1:]
    records = []
    for row in body:
        assert len(row) == len(header), path.name
        record: dict[str, Any] = {}
        for field, text in zip(header, row, strict=True):
            if field.startswith(":") or ":ID(" in field:
                record[field] = text
            elif text != "":
                match = _TYPED.match(field)
                assert match, f"{path.name}: untyped header field {field!r}"
                record[match["name"]] = _value(text, match["type"] + (match["array"] or ""), delimiter)
        records.append(record)
    return header, records


def test_node_files_have_the_importer_header(exported: tuple[Neo4jImport, dict[str, Any]]) -> None:
    bundle, graph = exported
    labels = {node["labels"][0] for node in graph["nodes"]}
    assert {path.name for path in bundle.node_files} == {f"nodes_{label}.csv" for label in labels}
    for path in bundle.node_files:
        label = path.stem.removeprefix("nodes_")
        header, _ = _read(path, bundle.array_delimiter)
        assert header[:2] == [f"id:ID({label})", ":LABEL"]
        for field in header[2:]:
            assert _TYPED.match(field), f"{path.name}: {field}"
    agency_header = _read(bundle.folder / "nodes_Agency.csv", bundle.array_delimiter)[0]
    document_header = _read(bundle.folder / "nodes_Document.csv", bundle.array_delimiter)[0]
    assert "aliases:string[]" in agency_header and "generic:boolean" in agency_header
    assert {"sources:string[]", "year:long", "measure_count:long", "text:string"} <= set(document_header)
    assert "value:double" in _read(bundle.folder / "nodes_Target.csv", bundle.array_delimiter)[0]


def test_relationship_files_have_the_importer_header(exported: tuple[Neo4jImport, dict[str, Any]]) -> None:
    bundle, _ = exported
    ids: dict[str, set[str]] = {}
    for path in bundle.node_files:
        _, records = _read(path, bundle.array_delimiter)
        label = path.stem.removeprefix("nodes_")
        ids[label] = {record[f"id:ID({label})"] for record in records}
    for path in bundle.relationship_files:
        header, records = _read(path, bundle.array_delimiter)
        start = re.fullmatch(r":START_ID\((\w+)\)", header[0])
        end = re.fullmatch(r":END_ID\((\w+)\)", header[1])
        assert start and end and header[2] == ":TYPE", path.name
        assert path.name == f"relationships_{records[0][':TYPE']}_{start[1]}_{end[1]}.csv"
        for record in records:  # every relationship ends at an imported node of its ID space
            assert record[header[0]] in ids[start[1]] and record[header[1]] in ids[end[1]]


def test_the_files_hold_the_whole_graph(seeded: Seeded, exported: tuple[Neo4jImport, dict[str, Any]]) -> None:
    bundle, graph = exported
    stats = graph_stats(seeded.store)
    node_counts = {
        path.stem.removeprefix("nodes_"): len(_read(path, bundle.array_delimiter)[1]) for path in bundle.node_files
    }
    assert node_counts == stats["nodes"]
    rel_counts: dict[str, int] = {}
    for path in bundle.relationship_files:
        for record in _read(path, bundle.array_delimiter)[1]:
            rel_counts[record[":TYPE"]] = rel_counts.get(record[":TYPE"], 0) + 1
    assert rel_counts == stats["relationships"]

    # property values come back as they were (multi-line text, Chinese, arrays, numbers)
    by_id = {str(node["id"]): node for node in graph["nodes"]}
    for path in bundle.node_files:
        label = path.stem.removeprefix("nodes_")
        for record in _read(path, bundle.array_delimiter)[1]:
            node = by_id[record.pop(f"id:ID({label})")]
            assert record.pop(":LABEL").split(bundle.array_delimiter) == node["labels"]
            expected = {k: v for k, v in node["properties"].items() if k != "id" and v not in ("", [], None)}
            assert record == expected, f"{label} {node['id']}"
    texts = [node["properties"]["text"] for node in graph["nodes"] if "Document" in node["labels"]]
    assert any("\n" in text for text in texts)


def test_the_command_names_exactly_the_files(exported: tuple[Neo4jImport, dict[str, Any]]) -> None:
    bundle, _ = exported
    args = shlex.split(bundle.command)
    assert args[:5] == ["neo4j-admin", "database", "import", "full", "policykg"]
    options = dict(arg.split("=", 1) for arg in args[5:] if arg.startswith("--") and "=" in arg)
    assert options["--id-type"] == "string"
    assert options["--multiline-fields"] == "true"
    assert options["--array-delimiter"] == bundle.array_delimiter
    nodes = [Path(arg.split("=", 1)[1]) for arg in args if arg.startswith("--nodes=")]
    rels = [Path(arg.split("=", 1)[1]) for arg in args if arg.startswith("--relationships=")]
    assert nodes == bundle.node_files and rels == bundle.relationship_files
    assert set(nodes + rels) == set(bundle.folder.glob("*.csv"))
    assert all(path.is_absolute() and path.exists() for path in nodes + rels)
    assert bundle.command in bundle.script.read_text(encoding="utf-8").splitlines()
    assert os.access(bundle.script, os.X_OK)
    schema = bundle.schema.read_text(encoding="utf-8")
    assert schema == "".join(f"{statement};\n" for statement in NEO4J_SCHEMA)


def test_array_delimiter_avoids_the_data(tmp_path: Path) -> None:
    graph = {
        "nodes": [
            {
                "id": "a1",
                "labels": ["Agency"],
                "properties": {"id": "a1", "aliases": ["甲;乙", "丙|丁"], "n": [1, 2.5]},
            },
            {"id": "a2", "labels": ["Agency"], "properties": {"id": "a2", "aliases": [], "note": ' "x", \r\n'}},
        ],
        "relationships": [{"id": "r", "type": "PART_OF", "start": "a1", "end": "a2", "properties": {}}],
    }
    bundle = write_neo4j_import(graph, tmp_path)
    assert bundle.array_delimiter == "\x1f"
    assert "--array-delimiter=U+001F" in bundle.command
    header, records = _read(tmp_path / "nodes_Agency.csv", bundle.array_delimiter)
    assert header == ["id:ID(Agency)", ":LABEL", "aliases:string[]", "n:double[]", "note:string"]
    assert records[0]["aliases"] == ["甲;乙", "丙|丁"] and records[0]["n"] == [1.0, 2.5]
    assert "aliases" not in records[1] and records[1]["note"] == ' "x", \r\n'


def test_cli_prints_the_command(seeded: Seeded, tmp_path: Path, cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "bulk"
    monkeypatch.setenv("NEO4J_DATABASE", "neo4j")
    monkeypatch.delenv("KG_BACKEND", raising=False)
    result = cli("graph", "export", "--format", "neo4j-import", "-o", str(out), store=seeded.folder)
    assert result.returncode == 0, result.stderr
    commands = [line for line in result.stdout.splitlines() if line.startswith("neo4j-admin database import full")]
    assert len(commands) == 1
    args = shlex.split(commands[0])
    assert args[4] == "neo4j"
    files = {Path(arg.split("=", 1)[1]) for arg in args if arg.startswith(("--nodes=", "--relationships="))}
    assert files == set(out.resolve().glob("*.csv")) and len(files) > 6
    assert "cypher-shell" in result.stdout
