"""Exports of the whole graph (or any sub-graph given as nodes + relationships): JSON, GraphML, CSV,
and the CSV files + command of Neo4j's bulk importer (`neo4j-admin database import full`).

JSON: {"nodes": [{"id", "labels", "properties"}], "relationships": [{"id", "type", "start", "end", "properties"}]}
"""

from __future__ import annotations

import csv
import json
import math
import os
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from graph.dialect import NEO4J_SCHEMA
from graph.store import GraphStore

Graph = dict[str, list[dict[str, Any]]]

READ_NODES = "MATCH (n) RETURN n.id AS id, labels(n) AS labels, properties(n) AS props ORDER BY id"
READ_RELATIONSHIPS = (
    "MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS start, b.id AS end, properties(r) AS props "
    "ORDER BY start, type, end"
)
FORMATS = ("json", "graphml", "csv", "neo4j-import")


def read_graph(store: GraphStore) -> Graph:
    nodes = [{"id": row["id"], "labels": row["labels"], "properties": row["props"]} for row in store.read(READ_NODES)]
    relationships = [
        {
            "id": f"{row['type']}:{row['start']}->{row['end']}",
            "type": row["type"],
            "start": row["start"],
            "end": row["end"],
            "properties": row["props"],
        }
        for row in store.read(READ_RELATIONSHIPS)
    ]
    return {"nodes": nodes, "relationships": relationships}


def _scalar(value: Any) -> Any:
    """GraphML attributes are scalars: lists and maps become JSON text."""
    if isinstance(value, (list, dict)):
        return json.dumps(value, ensure_ascii=False)
    if value is None:
        return ""
    return value


def to_networkx(graph: Graph) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph()
    for node in graph["nodes"]:
        attrs = {k: _scalar(v) for k, v in node["properties"].items()}
        attrs["labels"] = ":".join(node["labels"])
        g.add_node(node["id"], **attrs)
    for rel in graph["relationships"]:
        attrs = {k: _scalar(v) for k, v in rel["properties"].items()}
        g.add_edge(rel["start"], rel["end"], key=rel["id"], type=rel["type"], **attrs)
    return g


def write_json(graph: Graph, out: Path) -> None:
    out.write_text(json.dumps(graph, ensure_ascii=False, indent=1), encoding="utf-8")


def write_graphml(graph: Graph, out: Path) -> None:
    nx.write_graphml(to_networkx(graph), out, encoding="utf-8")


def write_csv(graph: Graph, out: Path) -> list[Path]:
    """One file per label and per relationship type in folder `out`; list and map values as JSON."""
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    by_label: dict[str, list[dict[str, Any]]] = {}
    for node in graph["nodes"]:
        by_label.setdefault(node["labels"][0] if node["labels"] else "Node", []).append(node)
    for label, nodes in sorted(by_label.items()):
        keys = sorted({k for n in nodes for k in n["properties"]} - {"id"})
        path = out / f"nodes_{label}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["id", "labels", *keys])
            for node in nodes:
                writer.writerow(
                    [node["id"], ";".join(node["labels"]), *(_scalar(node["properties"].get(k)) for k in keys)]
                )
        written.append(path)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for rel in graph["relationships"]:
        by_type.setdefault(rel["type"], []).append(rel)
    for rel_type, rels in sorted(by_type.items()):
        keys = sorted({k for r in rels for k in r["properties"]})
        path = out / f"relationships_{rel_type}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["start", "end", "type", *keys])
            for rel in rels:
                writer.writerow(
                    [rel["start"], rel["end"], rel_type, *(_scalar(rel["properties"].get(k)) for k in keys)]
                )
        written.append(path)
    return written


# --- neo4j-admin database import full --------------------------------------------------------

# Array delimiters tried in order: the first that no exported array element contains is used.
ARRAY_DELIMITERS = (";", "|", "\u001f")


@dataclass(frozen=True)
class Neo4jImport:
    """What `write_neo4j_import` wrote: the CSV files, the importer command, and its helpers."""

    folder: Path
    node_files: list[Path]
    relationship_files: list[Path]
    array_delimiter: str
    database: str
    command: str  # the exact `neo4j-admin database import full …` command for the files
    script: Path  # the same command as a shell script
    schema: Path  # the Neo4j schema statements, to run once the database is started

    @property
    def files(self) -> list[Path]:
        return [*self.node_files, *self.relationship_files]


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "long"
    if isinstance(value, float):
        return "double"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        if not value:
            return "[]"
        inner = {_kind(v) for v in value}
        if inner == {"long", "double"}:
            inner = {"double"}
        if len(inner) == 1 and not next(iter(inner)).endswith(("[]", "json")):
            return next(iter(inner)) + "[]"
    return "json"


def _column_type(values: list[Any]) -> str:
    """The neo4j-admin type of a property column: long, double, boolean, string or an array of one;
    mixed or nested values fall back to `string` holding JSON (as the plain CSV export does)."""
    kinds = {_kind(v) for v in values if v is not None}
    if len(kinds) > 1:
        kinds.discard("[]")
    if kinds == {"long", "double"}:
        return "double"
    if kinds == {"long[]", "double[]"}:
        return "double[]"
    if kinds == {"[]"}:
        return "string[]"
    if len(kinds) == 1 and "json" not in kinds:
        return kinds.pop()
    return "string"


def _cell_scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return "NaN"
        if math.isinf(value):
            return "Infinity" if value > 0 else "-Infinity"
        return repr(value)
    return str(value)


def _cell(value: Any, column_type: str, delimiter: str) -> str | None:
    """The text of one field (None: an empty field, which the importer reads as no property)."""
    if value is None:
        return None
    if column_type.endswith("[]"):
        if not value:
            return None  # neo4j-admin cannot express an empty array: the property is left out
        return delimiter.join(_cell_scalar(v) for v in value)
    if column_type == "string" and not isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    return _cell_scalar(value)


def _write_rows(path: Path, header: list[str], rows: list[list[str | None]]) -> None:
    """RFC 4180. Text fields (ids, labels, types, strings) are always quoted, so \r, \n, commas,
    leading spaces and "" survive; numbers and booleans are bare; absent values are empty fields:
    the importer stores "" as an empty string and an empty field as no property."""
    quoted = [
        ":" not in name or name.rsplit(":", 1)[1].startswith(("ID", "START_ID", "END_ID", "LABEL", "TYPE", "string"))
        for name in header
    ]

    def field(value: str | None, quote: bool) -> str:
        if value is None:
            return ""
        return '"' + value.replace('"', '""') + '"' if quote else value

    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(header) + "\n")
        for row in rows:
            handle.write(",".join(field(v, q) for v, q in zip(row, quoted, strict=True)) + "\n")


def _array_delimiter(graph: Graph) -> str:
    used: set[str] = set()
    for item in [*graph["nodes"], *graph["relationships"]]:
        for value in item["properties"].values():
            if isinstance(value, list):
                for element in value:
                    used.update(str(element))
        used.update(str(label) for label in item.get("labels", []))
    for candidate in ARRAY_DELIMITERS:
        if candidate not in used:
            return candidate
    raise ValueError("every array delimiter candidate occurs inside an array value")


def _delimiter_option(delimiter: str) -> str:
    return delimiter if delimiter.isprintable() else f"U+{ord(delimiter):04X}"


def _safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "_-" else "_" for c in name)


def neo4j_admin_command(
    database: str, node_files: list[Path], relationship_files: list[Path], array_delimiter: str
) -> str:
    """The `neo4j-admin database import full` command for these files (Neo4j 5.19+: database first)."""
    args = [
        "neo4j-admin",
        "database",
        "import",
        "full",
        database,
        "--id-type=string",
        "--delimiter=,",
        '--quote="',
        f"--array-delimiter={_delimiter_option(array_delimiter)}",
        "--multiline-fields=true",
        "--trim-strings=false",
        *(f"--nodes={path}" for path in node_files),
        *(f"--relationships={path}" for path in relationship_files),
    ]
    return shlex.join(args)


def write_neo4j_import(graph: Graph, out: Path, database: str | None = None) -> Neo4jImport:
    """CSV files for `neo4j-admin database import full` in folder `out`, one per label and one per
    (type, start label, end label), with the importer's header syntax: `id:ID(Label)`, `:LABEL`,
    typed properties (`year:long`, `aliases:string[]`), `:START_ID(Label)`, `:END_ID(Label)`, `:TYPE`.
    Each label is its own ID space. Also writes the command (`neo4j-admin-import.sh`) and the schema
    statements (`schema.cypher`, to run with cypher-shell once the database is started)."""
    out = Path(out).resolve()
    out.mkdir(parents=True, exist_ok=True)
    database = database or os.environ.get("NEO4J_DATABASE") or "neo4j"
    delimiter = _array_delimiter(graph)
    node_files, label_of = _node_files(graph, out, delimiter)
    relationship_files = _relationship_files(graph, out, delimiter, label_of)
    command = neo4j_admin_command(database, node_files, relationship_files, delimiter)
    script = out / "neo4j-admin-import.sh"
    script.write_text(
        "#!/bin/sh\n"
        "# Bulk import of this folder into a new (not yet existing or stopped and empty) Neo4j database.\n"
        "# Paths are absolute: regenerate the export (python -m graph export --format neo4j-import) after\n"
        "# moving the folder. Then start the database and create the schema:\n"
        f"#   cypher-shell -d {shlex.quote(database)} -f {shlex.quote(str(out / 'schema.cypher'))}\n"
        f"{command}\n",
        encoding="utf-8",
    )
    script.chmod(0o755)
    schema = out / "schema.cypher"
    schema.write_text("".join(f"{statement};\n" for statement in NEO4J_SCHEMA), encoding="utf-8")
    return Neo4jImport(out, node_files, relationship_files, delimiter, database, command, script, schema)


def _node_files(graph: Graph, out: Path, delimiter: str) -> tuple[list[Path], dict[str, str]]:
    """One CSV file per label; and the label of every node id (each label is its own ID space)."""
    label_of: dict[str, str] = {}
    by_label: dict[str, list[dict[str, Any]]] = {}
    for node in graph["nodes"]:
        if node["id"] is None:
            raise ValueError(f"a node without an id cannot be imported: labels {node['labels']}")
        label = node["labels"][0] if node["labels"] else "Node"
        label_of[str(node["id"])] = label
        by_label.setdefault(label, []).append(node)
    files: list[Path] = []
    for label, nodes in sorted(by_label.items()):
        keys = sorted({k for n in nodes for k in n["properties"]} - {"id"})
        types = {k: _column_type([n["properties"].get(k) for n in nodes]) for k in keys}
        header = [f"id:ID({label})", ":LABEL", *(f"{k}:{types[k]}" for k in keys)]
        rows = [
            [
                str(node["id"]),
                delimiter.join(node["labels"] or [label]),
                *(_cell(node["properties"].get(k), types[k], delimiter) for k in keys),
            ]
            for node in nodes
        ]
        path = out / f"nodes_{_safe(label)}.csv"
        _write_rows(path, header, rows)
        files.append(path)
    return files, label_of


def _relationship_files(graph: Graph, out: Path, delimiter: str, label_of: dict[str, str]) -> list[Path]:
    """One CSV file per (type, start label, end label)."""
    by_group: dict[tuple[str, str, str], list[dict[str, Any]]] = {}
    for rel in graph["relationships"]:
        start, end = str(rel["start"]), str(rel["end"])
        if start not in label_of or end not in label_of:
            raise ValueError(f"relationship {rel['id']} ends at a node that is not exported")
        by_group.setdefault((rel["type"], label_of[start], label_of[end]), []).append(rel)
    files: list[Path] = []
    for (rel_type, start_label, end_label), rels in sorted(by_group.items()):
        keys = sorted({k for r in rels for k in r["properties"]})
        types = {k: _column_type([r["properties"].get(k) for r in rels]) for k in keys}
        header = [f":START_ID({start_label})", f":END_ID({end_label})", ":TYPE", *(f"{k}:{types[k]}" for k in keys)]
        rows = [
            [
                str(rel["start"]),
                str(rel["end"]),
                rel_type,
                *(_cell(rel["properties"].get(k), types[k], delimiter) for k in keys),
            ]
            for rel in rels
        ]
        path = out / f"relationships_{_safe(rel_type)}_{_safe(start_label)}_{_safe(end_label)}.csv"
        _write_rows(path, header, rows)
        files.append(path)
    return files


def export(store: GraphStore, fmt: str, out: Path) -> Neo4jImport | None:
    """Write the whole graph as `fmt`; for neo4j-import, return what was written (with the command)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: use {', '.join(FORMATS)}")
    graph = read_graph(store)
    if fmt == "json":
        write_json(graph, out)
    elif fmt == "graphml":
        write_graphml(graph, out)
    elif fmt == "csv":
        write_csv(graph, out)
    else:
        return write_neo4j_import(graph, out)
    return None
