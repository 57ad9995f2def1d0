"""`python -m ingest PATH [PATH ...]`: ingest files or folders; exit 1 if any file failed.

`--cluster ADDRESS` extracts on a Dask cluster (a scheduler address, or `local[:N]`); `--neo4j-import DIR`
writes the files of Neo4j's bulk importer (neo4j-admin database import full) instead of a store."""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from tqdm import tqdm

from graph.export import export
from graph.falkor_store import FalkorStore, stop_server
from graph.store import StoreError, open_store
from ingest.read import display_path, iter_paths
from ingest.run import FileOutcome, default_store_label, ingest_paths


def _line(outcome: FileOutcome) -> str:
    """One line per file, whatever its name holds (newlines and undecodable bytes are escaped)."""
    path = display_path(outcome.path)
    if outcome.status in {"failed", "skipped"}:
        return f"{outcome.status.upper():9} {path}: {outcome.reason}"
    counts = outcome.counts
    detail = ", ".join(f"{v} {k}" for k, v in counts.items() if v) if counts else ""
    title = f" «{outcome.title}»" if outcome.title else ""
    note = f" (note: {outcome.reason})" if outcome.reason else ""
    return f"{outcome.status.upper():9} {path}{title}{': ' + detail if detail else ''}{note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    parser.add_argument(
        "paths", nargs="+", type=Path, help="files (.txt, .md, .html, .htm, .docx, .pdf) or folders, walked recursively"
    )
    parser.add_argument("--workers", type=int, default=None, help="extraction processes (default: 2)")
    parser.add_argument("--quiet", action="store_true", help="no per-file lines, only the summary")
    parser.add_argument(
        "--cluster", metavar="ADDRESS", help="extract on a Dask cluster: tcp://scheduler:8786, or local[:N] workers"
    )
    parser.add_argument(
        "--neo4j-import",
        metavar="DIR",
        type=Path,
        help="write the CSV files and the command of neo4j-admin database import full to DIR, not to a store",
    )
    args = parser.parse_args(argv)

    staging = Path(tempfile.mkdtemp(prefix="kg-import-", dir="/tmp")) if args.neo4j_import else None
    try:
        store = FalkorStore.open(staging) if staging else open_store()
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    files, _ = iter_paths(args.paths)
    lines: list[str] = []
    outcomes: list[FileOutcome] = []
    with tqdm(total=len(files), unit="file", desc="ingest", file=sys.stderr, disable=None) as bar:

        def report(outcome: FileOutcome) -> None:
            outcomes.append(outcome)
            lines.append(_line(outcome))
            if outcome.status != "skipped":
                bar.update(1)

        try:
            ingest_paths(args.paths, store, args.workers, report, cluster=args.cluster)
            if args.neo4j_import:
                written = export(store, "neo4j-import", args.neo4j_import)
                if written is not None:
                    lines.append(f"wrote {len(written.files)} CSV files to {written.folder}; import them with:")
                    lines.append(written.command)
            rewrite_log = getattr(store, "rewrite_log", None)
            if rewrite_log is not None and not staging:  # after a bulk ingest or enough small ones
                rewrite_log(force=sum(o.status == "added" for o in outcomes) >= 100)
        except StoreError as error:
            # The lines of the files done so far first: they are true, and say where it stopped.
            bar.close()
            if not args.quiet:
                print("\n".join(lines))
            print(f"error: {error}", file=sys.stderr)
            return 2
        finally:
            store.close()
            if staging:
                stop_server(staging)
                shutil.rmtree(staging, ignore_errors=True)
    if not args.quiet:
        print("\n".join(lines))
    tally: dict[str, int] = {}
    for outcome in outcomes:
        tally[outcome.status] = tally.get(outcome.status, 0) + 1
    summary = ", ".join(f"{n} {status}" for status, n in sorted(tally.items()))
    target = f"Neo4j import files in {args.neo4j_import}" if staging else default_store_label()
    print(f"{len(outcomes)} files into {target}: {summary}")
    return 1 if tally.get("failed") else 0


if __name__ == "__main__":
    sys.exit(main())
