"""`python -m graph stats [--json]`, `python -m graph export --format json|graphml|csv|neo4j-import -o OUT`,
`python -m graph analyze`, `python -m graph networks coissuing|lead_support [--span N | --from Y --to Y]
[--gexf OUT] [--csv OUT]`, `python -m graph lineage` (agency successions into the graph),
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
from graph.lineage import apply_lineage
from graph.networks import NETWORKS, export_network, network_report
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
    for network, periods in result.get("networks", {}).items():
        _print_periods(network, periods)


def _print_periods(network: str, periods: list[dict]) -> None:
    print(f"{network} network per period: nodes, edges, density, components (largest), most central")
    for p in periods:
        central = "、".join(name for name, _ in p["top_betweenness"][:3] or p["top_degree"][:3])
        shape = f"{p['nodes']:>5} {p['edges']:>5} {p['density']:>7.4f} {p['components']:>4} ({p['largest_component']})"
        print(f"  {p['period']:>9} {shape}  {central}")


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
    networks = sub.add_parser("networks", help="co-issuing or lead→support network per period; GEXF / CSV exports")
    networks.add_argument("network", choices=NETWORKS)
    networks.add_argument("--span", type=int, default=1, help="years per period (default 1)")
    networks.add_argument("--from", dest="start", type=int, help="first year of one period")
    networks.add_argument("--to", dest="end", type=int, help="last year of that period")
    networks.add_argument("--top", type=int, default=5, help="most central agencies per period (default 5)")
    networks.add_argument("--gexf", type=Path, help="write the dynamic GEXF (Gephi's timeline) here")
    networks.add_argument("--csv", type=Path, help="write the dated edge list (UCINET, R, pandas) here")
    networks.add_argument("--json", action="store_true")
    sub.add_parser("lineage", help="write the agencies' successions (data/agency_lineage.csv) into the graph")
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
    result = analyze(store, args.include_generic, args.limit)
    result["networks"] = {network: network_report(store, network) for network in NETWORKS}
    _print_analysis(result, args.json)


def _networks(store: GraphStore, args: argparse.Namespace) -> None:
    if (args.start is None) != (args.end is None):
        raise StoreError("give both --from and --to, or neither")
    periods = network_report(store, args.network, max(1, args.span), args.start, args.end, args.top)
    if args.json:
        print(json.dumps(periods, ensure_ascii=False))
    else:
        _print_periods(args.network, periods)
    if args.gexf or args.csv:
        edges = export_network(store, args.network, args.gexf, args.csv)
        written = " and ".join(str(p) for p in (args.gexf, args.csv) if p)
        print(f"wrote {written} ({edges} dated edges)", file=sys.stderr if args.json else sys.stdout)


def _lineage(store: GraphStore, _: argparse.Namespace) -> None:
    print(f"{apply_lineage(store)} successions in the graph (data/agency_lineage.csv)")


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
    "networks": _networks,
    "lineage": _lineage,
}


if __name__ == "__main__":
    sys.exit(main())
