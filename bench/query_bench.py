"""Query latency on the 10× store: every named query, and the app's page loads.

    python bench/query_bench.py [--store DIR | --docs 3000 --seed 0] [--runs 20] [--page-runs 5]
                                [--timeout-ms 30000] [--no-app] [--json OUT.json]

The store is the one bench/ingest_bench.py kept for its 10× corpus (built here the same way when
missing). The named queries are discovered at run time (`queries.library.load_library()`), so
queries added later are measured too. Parameters are typical values: each query's `Example:` from
its header when that finds rows in this store, otherwise values picked from the store by what the
parameter names (an agency with tasks, a document number, a region with documents, a cited
regulation, a date range …). Each query runs with several such values; p50 and p95 are over all
timed runs (after one warm-up run per value), measured on the client around `NamedQuery.run`, so
they include the round trip and decoding the rows.

The app's pages are loaded headless with `streamlit.testing.v1.AppTest` (cold: the data cache is
cleared before every load); the time of each store query the page makes is recorded beside the
page's wall time.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.ingest_bench import corpus_dir, measure, store_dir  # noqa: E402
from graph.falkor_store import FalkorStore, stop_server  # noqa: E402
from graph.store import StoreError  # noqa: E402
from queries.library import NamedQuery, load_library  # noqa: E402

SLOW_MS = 1000.0
WORDS = ["知识产权", "质押融资", "專利導航", "维权援助", "商标品牌", "专利信息", "人才培训", "地理标志"]


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


class Candidates:
    """Typical parameter values read from the store, by kind."""

    def __init__(self, store: FalkorStore, seed: int = 0) -> None:
        rng = random.Random(seed)

        def column(query: str, key: str = "v") -> list[Any]:
            try:
                return [row[key] for row in store.read(query) if row.get(key) not in (None, "")]
            except StoreError:
                return []

        def spread(values: list[Any], k: int = 8) -> list[Any]:
            """k values across the list (which is ordered by popularity): hubs and ordinary ones."""
            if len(values) <= k:
                return values
            step = len(values) / k
            return [values[int(i * step)] for i in range(k)]

        agencies = column(
            "MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(:Measure) "
            "RETURN a.name AS v, count(r) AS n ORDER BY n DESC LIMIT 400"
        )
        self.agency = spread(agencies)
        numbers = column("MATCH (d:Document) WHERE d.doc_number IS NOT NULL RETURN d.doc_number AS v LIMIT 2000")
        titles = column("MATCH (d:Document) WHERE d.title IS NOT NULL RETURN d.title AS v LIMIT 2000")
        self.doc = rng.sample(numbers, min(4, len(numbers))) + rng.sample(titles, min(4, len(titles)))
        regions = column(
            "MATCH (d:Document) WHERE d.region IS NOT NULL RETURN d.region AS v, count(*) AS n ORDER BY n DESC"
        )
        self.region = spread(regions)
        regulations = column(
            "MATCH (r:Regulation)<-[c:CITES]-() WHERE r.title IS NOT NULL "
            "RETURN r.title AS v, count(c) AS n ORDER BY n DESC LIMIT 400"
        )
        self.regulation = spread(regulations)
        years = column("MATCH (d:Document) WHERE d.year IS NOT NULL RETURN DISTINCT d.year AS v") or [2018]
        self.period = [(f"{y}-01-01", f"{y}-06-30") for y in sorted(years)[:: max(1, len(years) // 6)]]
        self.words = WORDS

    def values_for(self, query: NamedQuery, count: int) -> list[dict[str, Any]]:
        """`count` parameter sets for `query` (empty dicts for a query without parameters)."""
        if not query.params:
            return [{}]
        sets: list[dict[str, Any]] = []
        for index in range(count):
            values: dict[str, Any] = {}
            for param in query.params:
                values[param.name] = self._value(query.name, param.name, param.type, param.example, index)
            sets.append(values)
        return sets

    def _value(self, query: str, name: str, kind: str, example: str | None, index: int) -> Any:
        def pick(pool: list[Any]) -> Any:
            return pool[index % len(pool)] if pool else example

        if kind.startswith("int"):
            return int(example) if example and example.isdigit() else 20
        if name in {"agency", "from"}:
            return pick(self.agency)
        if name == "to":
            return pick(self.regulation)
        if name == "doc":
            return pick(self.doc)
        if name == "scope":
            return pick(self.region + self.doc)
        if name == "region":
            return pick(self.region)
        if name == "regulation":
            return pick(self.regulation)
        if name == "q":
            return pick(self.words)
        if name == "role":
            return ["lead", "responsible", "support"][index % 3]
        if name == "start":
            return pick(self.period)[0] if self.period else example
        if name == "end":
            return pick(self.period)[1] if self.period else example
        if name == "indicator":
            return ["专利", ""][index % 2]
        return example


def time_query(store: FalkorStore, query: NamedQuery, values: dict[str, Any], timeout_ms: int) -> tuple[float, int]:
    started = time.perf_counter()
    rows = query.run(store, values, timeout_ms=timeout_ms)
    return (time.perf_counter() - started) * 1000, len(rows)


def bench_queries(store: FalkorStore, runs: int, timeout_ms: int, per_query: int) -> list[dict[str, Any]]:
    library = load_library()
    candidates = Candidates(store)
    results: list[dict[str, Any]] = []
    for name, query in sorted(library.items()):
        sets: list[dict[str, Any]] = []
        example = {p.name: p.example for p in query.params if p.example is not None}
        if len(example) == len(query.params):
            try:
                if time_query(store, query, example, timeout_ms)[1] > 0:
                    sets.append(example)  # the header's example finds rows here: it is typical
            except (StoreError, ValueError):
                pass
        sets += [s for s in candidates.values_for(query, per_query) if s not in sets]
        times: list[float] = []
        rows: list[int] = []
        errors: list[str] = []
        rounds = max(1, -(-runs // len(sets)))
        for values in sets:
            try:
                warm_ms, _ = time_query(store, query, values, timeout_ms)  # warm-up (plan cache)
                # a query that takes seconds is timed once per parameter set: its p95 is far off anyway
                for _ in range(rounds if warm_ms < SLOW_MS else 1):
                    ms, n = time_query(store, query, values, timeout_ms)
                    times.append(ms)
                    rows.append(n)
            except (StoreError, ValueError) as error:
                errors.append(f"{values}: {error}")
        entry = {
            "query": name,
            "runs": len(times),
            "p50_ms": percentile(times, 50) if times else None,
            "p95_ms": percentile(times, 95) if times else None,
            "max_ms": max(times) if times else None,
            "rows_median": statistics.median(rows) if rows else None,
            "params": sets[:3],
            "errors": errors[:3],
        }
        results.append(entry)
        p50 = f"{entry['p50_ms']:8.1f}" if times else "       —"
        p95 = f"{entry['p95_ms']:8.1f}" if times else "       —"
        flag = "" if times and entry["p95_ms"] < 100 else "  > 100 ms" if times else "  FAILED"
        print(
            f"  {name:24} p50 {p50} ms  p95 {p95} ms  runs {len(times):3}  rows≈{entry['rows_median'] or 0:>6}"
            f"{flag}" + (f"  ({len(errors)} errors: {errors[0][:120]})" if errors else ""),
            flush=True,
        )
    return results


@contextlib.contextmanager
def _quiet_stderr() -> Iterator[None]:
    """File descriptor 2 to /dev/null (logging handlers keep their own reference to sys.stderr)."""
    sys.stderr.flush()
    saved = os.dup(2)
    with open(os.devnull, "w") as null:
        os.dup2(null.fileno(), 2)
        try:
            yield
        finally:
            sys.stderr.flush()
            os.dup2(saved, 2)
            os.close(saved)


def bench_pages(store_folder: Path, runs: int) -> list[dict[str, Any]]:
    """Headless page loads of the app (cold cache), with the store time of each query they make."""
    os.environ["KG_STORE"] = str(store_folder)
    os.environ.setdefault("KG_BACKEND", "falkordb")
    with _quiet_stderr():  # bare-mode warnings at import
        import streamlit as st
        from streamlit.testing.v1 import AppTest

        from ui.pages import PAGES

    calls: list[tuple[str, float]] = []
    original_read = FalkorStore.read

    def timed_read(self: FalkorStore, query: str, params: dict[str, Any] | None = None, timeout_ms: int | None = None):
        started = time.perf_counter()
        try:
            return original_read(self, query, params, timeout_ms)
        finally:
            calls.append((" ".join(query.split())[:70], (time.perf_counter() - started) * 1000))

    FalkorStore.read = timed_read  # type: ignore[method-assign]
    results: list[dict[str, Any]] = []
    try:
        for page in PAGES:
            walls: list[float] = []
            db_totals: list[float] = []
            slowest: dict[str, float] = defaultdict(float)
            problem = ""
            for _ in range(runs):
                with _quiet_stderr():  # Streamlit's bare-mode and deprecation warnings, once per load
                    st.cache_data.clear()
                    calls.clear()
                    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=300)
                    at.query_params["page"] = page
                    if page == "Search":
                        at.query_params["q"] = "知识产权局"
                    started = time.perf_counter()
                    at.run()
                    walls.append((time.perf_counter() - started) * 1000)
                db_totals.append(sum(ms for _, ms in calls))
                for text, ms in calls:
                    slowest[text] = max(slowest[text], ms)
                if at.exception:
                    problem = str(at.exception[0].message)[:160]
            top = sorted(slowest.items(), key=lambda kv: -kv[1])[:2]
            entry = {
                "page": page,
                "runs": runs,
                "p50_ms": percentile(walls, 50),
                "p95_ms": percentile(walls, 95),
                "db_p50_ms": percentile(db_totals, 50),
                "queries": len(calls),
                "slowest_queries": top,
                "exception": problem,
            }
            results.append(entry)
            print(
                f"  {page:12} p50 {entry['p50_ms']:8.1f} ms  p95 {entry['p95_ms']:8.1f} ms  "
                f"(store queries: {entry['queries']}, {entry['db_p50_ms']:.1f} ms; slowest "
                + "; ".join(f"{ms:.0f} ms «{text}»" for text, ms in top)
                + ")"
                + (f"  EXCEPTION: {problem}" if problem else ""),
                flush=True,
            )
    finally:
        FalkorStore.read = original_read  # type: ignore[method-assign]
    return results


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/query_bench.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--store", type=Path, default=None, help="an existing store folder (default: the 10× store)")
    parser.add_argument("--docs", type=int, default=5000, help="documents of the 10× corpus (default 5000)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--workers", type=int, default=2, help="workers, when the store has to be built")
    parser.add_argument("--runs", type=int, default=20, help="timed runs per named query (default 20)")
    parser.add_argument("--values", type=int, default=4, help="parameter sets per query (default 4)")
    parser.add_argument("--page-runs", type=int, default=5, help="loads per app page (default 5)")
    parser.add_argument("--timeout-ms", type=int, default=30000, help="per-query time limit (default 30 s)")
    parser.add_argument("--no-app", action="store_true", help="skip the app's page loads")
    parser.add_argument("--json", type=Path, default=None, help="write the figures as JSON here")
    args = parser.parse_args(argv)

    folder = args.store or store_dir(args.docs, args.seed)
    if not (folder / "appendonlydir").exists() and not any(folder.glob("*.aof*")):
        print(f"building the store of {args.docs} documents in {folder} (bench/ingest_bench.py keeps it next time)")
        measure(f"{args.docs} docs", corpus_dir(args.docs, args.seed), args.workers, keep=folder)
    started = time.perf_counter()
    store = FalkorStore.open(folder)
    print(
        f"store {folder}: opened in {time.perf_counter() - started:.1f} s (a cold start replays the append-only file)"
    )
    counts = {
        label: store.read(f"MATCH (n:{label}) RETURN count(n) AS n")[0]["n"]
        for label in ("Document", "Measure", "Agency", "Region", "Regulation", "Target")
    }
    edges = store.read("MATCH ()-[r]->() RETURN count(r) AS n")[0]["n"]
    print("graph: " + ", ".join(f"{n:,} {label}" for label, n in counts.items()) + f", {edges:,} relationships")
    print(f"named queries ({args.runs} timed runs each over {args.values} typical parameter sets):")
    queries = bench_queries(store, args.runs, args.timeout_ms, args.values)
    slow = [q["query"] for q in queries if q["p95_ms"] is None or q["p95_ms"] >= 100]
    print(
        f"== {len(queries) - len(slow)} of {len(queries)} named queries have p95 < 100 ms"
        + (f"; over: {', '.join(slow)}" if slow else "")
    )
    pages: list[dict[str, Any]] = []
    if not args.no_app:
        print(f"app pages (AppTest, cold cache, {args.page_runs} loads each):")
        pages = bench_pages(folder, args.page_runs)
    store.close()
    stop_server(folder)
    if args.json is not None:
        payload = {"store": str(folder), "counts": counts, "relationships": edges, "queries": queries, "pages": pages}
        args.json.write_text(json.dumps(payload, ensure_ascii=False, indent=2, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
