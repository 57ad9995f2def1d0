"""`python -m queries tools matrix|kappa|import …`: the policy-tool analysis for a paper's pipeline —
the code matrix of any selection (documents and regions named as people write them), agreement
between coders, and loading a coder's file of codes."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.schemes import schemes
from graph.coding import SOURCES, Selection, agreement, coded_measures, import_codes, matrix, matrix_csv, matrix_xlsx
from graph.store import GraphStore
from queries.resolve import entity_id


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    tools = sub.add_parser("tools", help="policy-tool coding: the code matrix, coder agreement, importing codes")
    tools_sub = tools.add_subparsers(dest="tools_command", required=True)
    mat = tools_sub.add_parser("matrix", help="measures per (row code, column code) of a selection, as CSV")
    mat.add_argument("--rows", default="tool", help="the rows' axis (default tool)")
    mat.add_argument("--cols", default="value_chain", help="the columns' axis (default value_chain)")
    mat.add_argument("--doc", action="append", default=[], help="a document (number, title words or id); repeatable")
    mat.add_argument("--region", help="a region and everything inside it (江苏省, 江苏)")
    mat.add_argument("--from", dest="year_from", type=int, help="first year")
    mat.add_argument("--to", dest="year_to", type=int, help="last year")
    mat.add_argument("--by", choices=["year", "region", "document"], help="one matrix per year, region or document")
    mat.add_argument("--source", choices=SOURCES, default="final", help="final: a person's code, else the suggestion")
    mat.add_argument("--coder", default="", help="only this coder's codes count as human")
    mat.add_argument("--csv", type=Path, help="also write the cells as CSV (UTF-8 with BOM, for Excel) here")
    mat.add_argument("--xlsx", type=Path, help="also write a workbook here (the cells, and a table per group)")
    kap = tools_sub.add_parser("kappa", help="Cohen's κ between two coders over the measures both coded")
    kap.add_argument("coder_a")
    kap.add_argument("coder_b")
    kap.add_argument("--axis", action="append", help="an axis (default: every scheme's)")
    imp = tools_sub.add_parser("import", help="load a coder's JSON-lines file of codes")
    imp.add_argument("file", type=Path)
    imp.add_argument("--coder", required=True)


def run(store: GraphStore, args: argparse.Namespace) -> None:
    if args.tools_command == "kappa":
        for axis in args.axis or [s.axis for s in schemes()]:
            found = agreement(store, args.coder_a, args.coder_b, axis)
            print(f"{axis}: {found.units} measures coded by both, agreement {found.observed:.3f}, κ {found.kappa:.3f}")
        return
    if args.tools_command == "import":
        stored, missing = import_codes(store, args.file, args.coder)
        print(f"{stored} codes of {args.coder} stored" + (f"; not in the graph: {len(missing)}" if missing else ""))
        return
    selection = Selection(
        tuple(entity_id("document", d, store) for d in args.doc),
        entity_id("region", args.region, store) if args.region else None,
        args.year_from,
        args.year_to,
    )
    cells = matrix(coded_measures(store, selection, args.source, args.coder), args.rows, args.cols, args.by or "")
    sys.stdout.write(matrix_csv(cells) or "(no coded measures in the selection)\n")
    if args.csv:
        _write(args.csv, ("\ufeff" + matrix_csv(cells)).encode("utf-8"))
    if args.xlsx:
        _write(args.xlsx, matrix_xlsx(cells, args.rows, args.cols))


def _write(path: Path, data: bytes) -> None:
    """Whole or not at all: written beside it and renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)
    print(f"wrote {path}", file=sys.stderr)
