"""`python -m queries list [--json]`, `python -m queries run NAME [--param k=v ...] [--json]`,
`python -m queries cypher "MATCH ..." [--json]` (read-only), `python -m queries tools matrix|kappa|import`
(policy-tool coding, see queries/tools.py)."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from core.settings import ROW_CAP, TIME_LIMIT_MS
from graph.store import StoreError, open_store
from queries import tools
from queries.library import MissingParameter, get, load_library
from queries.readonly import run_console


def _print_rows(rows: list[dict[str, Any]], as_json: bool) -> None:
    if as_json:
        print(json.dumps(rows, ensure_ascii=False, default=str))
        return
    if not rows:
        print("(no rows)")
        return
    columns = list(rows[0])
    print("\t".join(columns))
    for row in rows:
        print("\t".join("" if row.get(c) is None else str(row.get(c)) for c in columns))
    print(f"({len(rows)} rows)")


def _params(pairs: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise ValueError(f"--param needs key=value, got {pair!r}")
        out[key.strip()] = value
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m queries")
    sub = parser.add_subparsers(dest="command", required=True)
    listing = sub.add_parser("list", help="the named queries")
    listing.add_argument("--json", action="store_true")
    run = sub.add_parser("run", help="run a named query")
    run.add_argument("name")
    run.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    run.add_argument("--json", action="store_true")
    console = sub.add_parser("cypher", help="run a read-only Cypher query")
    console.add_argument("query")
    console.add_argument("--param", action="append", default=[], metavar="KEY=VALUE")
    console.add_argument("--json", action="store_true")
    console.add_argument("--limit", type=int, default=ROW_CAP, help=f"row cap (default {ROW_CAP})")
    console.add_argument("--timeout-ms", type=int, default=TIME_LIMIT_MS)
    tools.add_parser(sub)
    args = parser.parse_args(argv)

    try:
        if args.command == "list":
            library = load_library()
            if args.json:
                print(json.dumps([q.as_dict() for q in library.values()], ensure_ascii=False))
            else:
                for query in library.values():
                    params = ", ".join(p.name for p in query.params)
                    print(f"{query.name}({params}): {query.description}")
            return 0
        store = open_store()
        try:
            if args.command == "tools":
                tools.run(store, args)
            elif args.command == "run":
                query = get(args.name)
                resolution = query.resolve(store, _params(args.param))
                for note in resolution.notes:  # how a parameter was read: 甘肃省市场监管局 → 甘肃省市场监督管理局
                    print(f"note: {note}", file=sys.stderr)
                rows = query.run(store, {}, resolution=resolution)
                _print_rows(rows, args.json)
            else:
                rows, truncated = run_console(store, args.query, _params(args.param), args.limit, args.timeout_ms)
                _print_rows(rows, args.json)
                if truncated:
                    print(f"note: stopped at the row cap of {args.limit}", file=sys.stderr)
        finally:
            store.close()
    except MissingParameter as error:
        print(f"error: {error}: give --param {error.param.name}=…", file=sys.stderr)
        return 2
    except (StoreError, ValueError, KeyError) as error:
        message = error.args[0] if isinstance(error, KeyError) and error.args else error
        print(f"error: {message}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
