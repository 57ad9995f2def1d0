"""`python -m graph stats [--json]`, `python -m graph export --format json|graphml|csv|neo4j-import -o OUT`,
`python -m graph fulltext` (build the full-text index of measure headings), `python -m graph server stop`
(embedded store)."""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from collections.abc import Callable
from pathlib import Path

from core.settings import store_path
from graph.analytics import analyze
from graph.export import FORMATS, Neo4jImport, export
from graph.stats import graph_stats
from graph.store import GraphStore, StoreError, open_store


def _print_analysis(result: dict, as_json: bool) -> None:
    if as_json:
        print(json.dumps(result, ensure_ascii=False))
        return
    print("agencies (co-responsibility network): weighted degree, degree, betweenness, community, tasks")
    for a in result["agencies"]:
        degrees = f"{a['weighted_degree']:>4} {a['degree']:>4}"
        print(f"  {degrees} {a['betweenness']:>8.4f} {a['community']:>3} {a['tasks']:>4}  {a['name']}")
    print(f"communities: {len(result['communities'])}")
    for index, members in enumerate(result["communities"]):
        print(f"  {index}: {'、'.join(members)}")
    print("regulations (citation network): citing documents, PageRank")
    for r in result["regulations"]:
        mark = " [ingested]" if r["ingested"] else ""
        print(f"  {r['citing_documents']:>4} {r['pagerank']:>8.4f}  {r['title']}{mark}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m graph")
    sub = parser.add_subparsers(dest="command", required=True)
    stats = sub.add_parser("stats", help="node counts per label, relationship counts per type")
    stats.add_argument("--json", action="store_true")
    exp = sub.add_parser("export", help="write the whole graph to a file (csv: a folder)")
    exp.add_argument("--format", choices=FORMATS, required=True, help="csv and neo4j-import: OUT is a folder")
    exp.add_argument("-o", "--out", type=Path, required=True)
    analyze_cmd = sub.add_parser("analyze", help="agency co-responsibility network and citation network metrics")
    analyze_cmd.add_argument("--json", action="store_true")
    analyze_cmd.add_argument("--limit", type=int, default=20, help="rows per ranking (default 20)")
    analyze_cmd.add_argument("--include-generic", action="store_true", help="keep generic holders (各成员单位 …)")
    sub.add_parser(
        "fulltext",
        help="build the full-text index of measure headings (db.idx.fulltext.queryNodes('Measure', …)); "
        "later ingests keep it up to date, at about a third more store time per document",
    )
    server = sub.add_parser("server", help="the embedded FalkorDB server of KG_STORE")
    server.add_argument("action", choices=["start", "stop", "status"])
    args = parser.parse_args(argv)
    try:
        if args.command == "server":
            return _server(args.action)
        store = open_store()
        try:
            COMMANDS[args.command](store, args)
        finally:
            store.close()
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    return 0


def _server(action: str) -> int:
    from graph.falkor_store import SOCKET, _connect, start_server, stop_server

    folder = store_path()
    if action == "start":
        start_server(folder)
        print(f"running: {folder}")
    elif action == "stop":
        print("stopped" if stop_server(folder) else "not running")
    else:
        print("running" if _connect(folder / SOCKET) else "not running")
    return 0


def _fulltext(store: GraphStore, _: argparse.Namespace) -> None:
    started = time.perf_counter()
    store.ensure_fulltext()
    print(f"full-text index of measure headings ready ({time.perf_counter() - started:.1f} s)")


def _analyze(store: GraphStore, args: argparse.Namespace) -> None:
    _print_analysis(analyze(store, args.include_generic, args.limit), args.json)


def _stats(store: GraphStore, args: argparse.Namespace) -> None:
    result = graph_stats(store)
    if args.json:
        print(json.dumps(result, ensure_ascii=False, sort_keys=True))
        return
    print("nodes:")
    for label, n in result["nodes"].items():
        print(f"  {label:12} {n:>8}")
    print("relationships:")
    for rel_type, n in result["relationships"].items():
        print(f"  {rel_type:16} {n:>8}")


def _export(store: GraphStore, args: argparse.Namespace) -> None:
    written = export(store, args.format, args.out)
    if not isinstance(written, Neo4jImport):
        print(f"wrote {args.out}")
        return
    print(f"wrote {len(written.files)} CSV files to {written.folder}")
    print("import them into a new database with:")
    print(written.command)
    print(f"(also in {written.script}); then start the database and create the schema with:")
    print(shlex.join(["cypher-shell", "-d", written.database, "-f", str(written.schema)]))


COMMANDS: dict[str, Callable[[GraphStore, argparse.Namespace], None]] = {
    "fulltext": _fulltext,
    "analyze": _analyze,
    "stats": _stats,
    "export": _export,
}


if __name__ == "__main__":
    sys.exit(main())
