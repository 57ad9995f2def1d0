"""`python -m ingest.evaluate [--gold tests/gold] [--json]`: score the extraction against the gold files.

The score is taken on the *graph*, not on the extractor's records: every gold document's source
file goes through the real pipeline (`ingest_paths`) into a throw-away embedded store, and the
predictions are read back with Cypher. Loader bugs (lost properties, wrong merges, dropped edges)
therefore cost points just like extraction bugs, which is what a user of the graph would see.

Seven types are scored, micro-averaged over documents (see tests/gold/README.md for what each
gold entry means): metadata, measures, assignments, citations, regions, deadlines, targets.
`score()` is a pure function of two dicts of the gold JSON's shape, so the matching rules are unit
tested without a store.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
import unicodedata
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.roles import ROLE_OF_TYPE
from core.settings import REPO_ROOT
from core.text import title_key, to_simplified
from graph.store import GraphStore, StoreError

TYPES: tuple[str, ...] = ("metadata", "measures", "assignments", "citations", "regions", "deadlines", "targets")
METADATA_FIELDS: tuple[str, ...] = ("title", "doc_number", "issuer", "issued", "level", "region", "script")
# Minimum F1 per type (the acceptance bars of the extraction issue).
BARS: dict[str, float] = {
    "metadata": 0.95,
    "assignments": 0.95,
    "citations": 0.95,
    "measures": 0.90,
    "regions": 0.90,
    "deadlines": 0.90,
    "targets": 0.90,
}
DEFAULT_GOLD = REPO_ROOT / "tests" / "gold"
SAMPLES = REPO_ROOT / "data" / "samples"
MENTIONS_FROM = 2  # the gold conventions version that annotates regions named in the text
_PREFIX = 6  # measure text: characters of first_words compared (gold keeps 8; tolerate a slip at the end)

PredictedDoc = dict[str, Any]


@dataclass
class Counts:
    """tp/fp/fn of one type, with the mismatched items kept so a developer can see *what* is wrong."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fp_items: list[str] = field(default_factory=list, compare=False, repr=False)
    fn_items: list[str] = field(default_factory=list, compare=False, repr=False)

    # An empty denominator means nothing could go wrong on that side: a type that is correctly
    # empty in a document (no targets annotated, none predicted) scores 1.0, not 0/0.
    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def empty(self) -> bool:
        return not (self.tp or self.fp or self.fn)

    def add(self, other: Counts) -> Counts:
        """Micro-averaging: sums of counts (the example lists are concatenated)."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.fp_items += other.fp_items
        self.fn_items += other.fn_items
        return self

    def as_json(self) -> dict[str, float | int]:
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
        }


# --- normalisation -----------------------------------------------------------------------------

_SPACE = re.compile(r"\s+")


def _text(value: str | None) -> str | None:
    """Simplified, no whitespace, ASCII brackets: gold is written that way, the graph keeps the source script."""
    if value is None:
        return None
    value = _SPACE.sub("", to_simplified(str(value))).replace("（", "(").replace("）", ")")
    return value or None


def _title(value: str | None) -> str | None:
    value = _text(value)
    return (re.sub(r"[《》]", "", value) or None) if value else None


def _agency(name: str | None) -> str:
    return _text(name) or ""


def _path(path: str | None) -> str | None:
    return _text(path)


def _words(text: str | None) -> str:
    """A measure's opening words for comparison: Simplified, no whitespace, no punctuation at all.

    Punctuation is dropped (not just 《》“”) because the source mixes full- and half-width marks
    freely and gold keeps ASCII ones; the words are what identifies the item.
    """
    simplified = to_simplified(text or "")
    return "".join(ch for ch in simplified if not ch.isspace() and not unicodedata.category(ch).startswith("P"))


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _bound(value: str | None) -> str | None:
    """One side of an ISO interval: ".." (open/unknown) and null are the same thing."""
    return None if value in (None, "", "..") else value


# --- scoring -----------------------------------------------------------------------------------


def _sets(gold: Iterable[Hashable], predicted: Iterable[Hashable], show: Callable[[Any], str] = repr) -> Counts:
    """Set comparison: duplicates collapse on both sides (one fact stated twice is one fact)."""
    g, p = set(gold), set(predicted)
    return Counts(
        tp=len(g & p),
        fp=len(p - g),
        fn=len(g - p),
        fp_items=[show(x) for x in sorted(p - g, key=repr)],
        fn_items=[show(x) for x in sorted(g - p, key=repr)],
    )


def metadata_fields(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Counts]:
    """Per metadata field. A null gold field predicted null is a true positive: saying nothing is right."""
    results: dict[str, Counts] = {}
    for name in METADATA_FIELDS:
        g_raw, p_raw = gold.get(name), predicted.get(name)
        if name == "issuer":
            g_set = {_agency(a) for a in g_raw or []}
            p_set = {_agency(a) for a in p_raw or []}
            if not g_set and not p_set:
                results[name] = Counts(tp=1)
            else:
                results[name] = _sets(g_set, p_set, lambda a: f"issuer={a}")
            continue
        norm = _title if name == "title" else _text
        g, p = norm(g_raw), norm(p_raw)
        counts = Counts()
        if g == p:
            counts.tp = 1
        else:
            if p is not None:
                counts.fp = 1
                counts.fp_items.append(f"{name}={p_raw!r} (gold {g_raw!r})")
            if g is not None:
                counts.fn = 1
                counts.fn_items.append(f"{name}={g_raw!r} (predicted {p_raw!r})")
        results[name] = counts
    return results


def _measures(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Counts:
    """Same path and the same opening words: a right path on the wrong text is a wrong outline. A path
    may stand twice (a notice and its attachment both number from 一): each gold item matches once."""
    open_gold: dict[str, list[str]] = {}
    for item in gold:
        open_gold.setdefault(_path(item["path"]) or "", []).append(item.get("first_words") or "")
    counts = Counts()
    for item in predicted:
        path = _path(item["path"]) or ""
        words = _words(item.get("first_words") or "")
        candidates = open_gold.get(path, [])
        match = next((e for e in candidates if words[: min(_PREFIX, len(_words(e)))] == _words(e)[:_PREFIX]), None)
        if match is not None:
            candidates.remove(match)
            counts.tp += 1
        else:
            counts.fp += 1
            hint = f" (gold «{candidates[0]}»)" if candidates else ""
            counts.fp_items.append(f"{path} «{_SPACE.sub('', item.get('first_words') or '')[:12]}»{hint}")
    for path, remaining in open_gold.items():
        for words in remaining:
            counts.fn += 1
            counts.fn_items.append(f"{path} «{words}»")
    return counts


def _citation_key(item: dict[str, Any]) -> tuple[str | None, str | None]:
    title = item.get("title")
    return (title_key(title) or None if title else None, _text(item.get("doc_number")))


def _citations(gold: list[dict[str, Any]], predicted: list[dict[str, Any]]) -> Counts:
    """One-to-one matching, a pair matching on title key or on number (a maximum bipartite matching).

    A citation given by number in the text and by title in the gold file (or the reverse) still
    meets its partner, and a regulation predicted once cannot satisfy two gold entries.
    """
    g_keys = list(dict.fromkeys(_citation_key(c) for c in gold))
    p_keys = list(dict.fromkeys(_citation_key(c) for c in predicted))

    def meets(g: tuple[str | None, str | None], p: tuple[str | None, str | None]) -> bool:
        return (g[0] is not None and g[0] == p[0]) or (g[1] is not None and g[1] == p[1])

    edges = [[j for j, p in enumerate(p_keys) if meets(g, p)] for g in g_keys]
    owner: dict[int, int] = {}  # predicted index → gold index

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(g_keys)):
        augment(i, set())
    matched_gold = set(owner.values())

    def show(key: tuple[str | None, str | None]) -> str:
        return " ".join(part for part in (f"《{key[0]}》" if key[0] else "", key[1] or "") if part)

    return Counts(
        tp=len(owner),
        fp=len(p_keys) - len(owner),
        fn=len(g_keys) - len(owner),
        fp_items=[show(p) for j, p in enumerate(p_keys) if j not in owner],
        fn_items=[show(g) for i, g in enumerate(g_keys) if i not in matched_gold],
    )


def score(gold: dict[str, Any], predicted: dict[str, Any]) -> dict[str, Counts]:
    """Counts per type for one document; `predicted` has the gold JSON's shape (missing lists = empty)."""
    results: dict[str, Counts] = {}
    metadata = Counts()
    for counts in metadata_fields(gold.get("metadata") or {}, predicted.get("metadata") or {}).values():
        metadata.add(counts)
    results["metadata"] = metadata
    results["measures"] = _measures(gold.get("measures") or [], predicted.get("measures") or [])

    def assignment(item: dict[str, Any]) -> tuple[str | None, str, str]:
        return (_path(item.get("measure")), _agency(item.get("agency")), item.get("role") or "")

    results["assignments"] = _sets(
        map(assignment, gold.get("assignments") or []),
        map(assignment, predicted.get("assignments") or []),
        lambda k: f"{k[0]} {k[1]} {k[2]}",
    )
    results["citations"] = _citations(gold.get("citations") or [], predicted.get("citations") or [])

    def region(item: dict[str, Any]) -> tuple[str, str, str | None]:
        relation = item.get("relation") or ""
        return (_text(item.get("name")) or "", relation, None if relation == "covers" else _path(item.get("measure")))

    predicted_regions = predicted.get("regions") or []
    if gold.get("conventions", 1) < MENTIONS_FROM:
        # gold written before regions named in the text were annotated: their mentions are not scored
        predicted_regions = [r for r in predicted_regions if r.get("relation") != "mentioned"]
    results["regions"] = _sets(
        map(region, gold.get("regions") or []),
        map(region, predicted_regions),
        lambda k: f"{k[0]} {k[1]}" + (f" {k[2]}" if k[2] else ""),
    )

    def deadline(item: dict[str, Any]) -> tuple[str | None, str | None, str | None]:
        return (_path(item.get("measure")), _bound(item.get("start")), _bound(item.get("end")))

    results["deadlines"] = _sets(
        map(deadline, gold.get("deadlines") or []),
        map(deadline, predicted.get("deadlines") or []),
        lambda k: f"{k[0]} {k[1] or '..'}/{k[2] or '..'}",
    )

    def target(item: dict[str, Any]) -> tuple[str | None, float | None, str]:
        return (_path(item.get("measure")), _number(item.get("value")), item.get("unit") or "")

    results["targets"] = _sets(
        map(target, gold.get("targets") or []),
        map(target, predicted.get("targets") or []),
        lambda k: f"{k[0]} {k[1]:g}{k[2]}" if k[1] is not None else f"{k[0]} ?{k[2]}",
    )
    return results


# --- predictions from the graph ------------------------------------------------------------------


def empty_prediction() -> PredictedDoc:
    """What a document the store never received is scored as: nothing found."""
    return {
        "metadata": {name: ([] if name == "issuer" else None) for name in METADATA_FIELDS},
        **{name: [] for name in TYPES if name != "metadata"},
    }


# What the evaluator reads back from the graph (the Cypher catalog lints these too).
READS: dict[str, str] = {
    "documents": (
        "MATCH (d:Document) RETURN d.id AS id, d.title AS title, d.doc_number AS doc_number, d.issued AS issued, "
        "d.level AS level, d.region AS region, d.script AS script, d.sources AS sources"
    ),
    "issuers": "MATCH (d:Document)-[:ISSUED_BY]->(a:Agency) RETURN d.id AS doc, a.name AS name",
    "measures": (
        "MATCH (m:Measure) RETURN m.doc_id AS doc, m.path AS path, m.text AS text, m.deadline_ranges AS ranges "
        "ORDER BY m.doc_id, m.path"
    ),
    "assignments": (
        "MATCH (a:Agency)-[r:LEADS|RESPONSIBLE_FOR|SUPPORTS]->(m:Measure) "
        "RETURN m.doc_id AS doc, m.path AS path, a.name AS agency, type(r) AS type, r.role AS role"
    ),
    "document_citations": (
        "MATCH (d:Document)-[:CITES]->(g:Regulation) "
        "RETURN d.id AS doc, null AS path, g.id AS reg, g.title AS title, g.doc_number AS doc_number"
    ),
    "measure_citations": (
        "MATCH (m:Measure)-[:CITES]->(g:Regulation) "
        "RETURN m.doc_id AS doc, m.path AS path, g.id AS reg, g.title AS title, g.doc_number AS doc_number"
    ),
    "covers": "MATCH (d:Document)-[:COVERS]->(r:Region) RETURN d.id AS doc, r.name AS name",
    "assigned": "MATCH (m:Measure)-[:ASSIGNED_TO]->(r:Region) RETURN m.doc_id AS doc, m.path AS path, r.name AS name",
    "mentioned": "MATCH (d:Document)-[:MENTIONS]->(r:Region) RETURN d.id AS doc, r.name AS name",
    "targets": (
        "MATCH (m:Measure)-[:HAS_TARGET]->(t:Target) RETURN m.doc_id AS doc, m.path AS path, t.value AS value, "
        "t.unit AS unit, t.indicator AS indicator, t.comparator AS comparator"
    ),
}


def predicted_from_graph(store: GraphStore) -> dict[str, PredictedDoc]:
    """source stem → predicted document, read back with Cypher (what the graph says, not the extractor).

    A Document with several sources (the same document in two files) is returned under each stem.
    """
    docs: dict[str, PredictedDoc] = {}
    stems: dict[str, list[str]] = {}
    for row in store.read(READS["documents"]):
        doc = empty_prediction()
        doc["metadata"].update({name: row[name] for name in METADATA_FIELDS if name != "issuer"})
        docs[row["id"]] = doc
        stems[row["id"]] = [Path(source).stem for source in row["sources"] or []]

    def rows(query: str) -> Iterable[tuple[PredictedDoc, dict[str, Any]]]:
        for row in store.read(query):
            if row["doc"] in docs:
                yield docs[row["doc"]], row

    for doc, row in rows(READS["issuers"]):
        doc["metadata"]["issuer"].append(row["name"])
    for doc, row in rows(READS["measures"]):
        doc["measures"].append({"path": row["path"], "first_words": (row["text"] or "")[:40]})
        for interval in row["ranges"] or []:
            start, _, end = str(interval).partition("/")
            doc["deadlines"].append({"measure": row["path"], "start": _bound(start), "end": _bound(end)})
    for doc, row in rows(READS["assignments"]):
        role = row["role"] or ROLE_OF_TYPE.get(row["type"], row["type"])
        doc["assignments"].append({"measure": row["path"], "agency": row["agency"], "role": role})
    cited: set[tuple[str, str]] = set()
    for query in (READS["document_citations"], READS["measure_citations"]):
        for doc, row in rows(query):
            if (row["doc"], row["reg"]) in cited:
                continue
            cited.add((row["doc"], row["reg"]))
            doc["citations"].append({"title": row["title"], "doc_number": row["doc_number"], "measure": row["path"]})
    for doc, row in rows(READS["covers"]):
        doc["regions"].append({"name": row["name"], "relation": "covers", "measure": None})
    for doc, row in rows(READS["assigned"]):
        doc["regions"].append({"name": row["name"], "relation": "assigned", "measure": row["path"]})
    for doc, row in rows(READS["mentioned"]):
        doc["regions"].append({"name": row["name"], "relation": "mentioned", "measure": None})
    for doc, row in rows(READS["targets"]):
        doc["targets"].append(
            {
                "measure": row["path"],
                "value": row["value"],
                "unit": row["unit"],
                "indicator": row["indicator"],
                "comparator": row["comparator"],
            }
        )
    return {stem: docs[doc_id] for doc_id, names in stems.items() for stem in names}


# --- running -----------------------------------------------------------------------------------


@dataclass
class Evaluation:
    totals: dict[str, Counts]
    documents: dict[str, dict[str, Counts]]  # gold stem → type → counts
    fields: dict[str, Counts]  # metadata field → counts over all documents
    problems: list[str] = field(default_factory=list)  # files the pipeline failed or never stored
    seconds: float = 0.0

    def below_bar(self) -> list[str]:
        return [t for t in TYPES if self.totals[t].f1 < BARS[t]]


def load_gold(gold_dir: Path) -> dict[str, dict[str, Any]]:
    """gold stem → gold document (README.md and other non-JSON files are ignored)."""
    return {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(gold_dir.glob("*.json"))}


def source_path(stem: str, gold: dict[str, Any], gold_dir: Path | None = None) -> Path:
    """The document a gold file annotates: its "file" field — absolute, or found in data/samples, the
    repo, the gold folder or beside the gold file by name — else a file named <stem>.* beside the gold."""
    name = Path(gold.get("file") or f"{stem}.txt")
    if name.is_absolute():
        return name
    candidates = [SAMPLES / name, REPO_ROOT / name]
    if gold_dir is not None:
        candidates += [gold_dir / name, gold_dir / name.name, gold_dir.parent / name]
        candidates += sorted(p for p in gold_dir.glob(f"{stem}.*") if p.suffix.lower() != ".json")
    for candidate in candidates:
        if candidate.exists():
            return candidate.resolve()
    return (SAMPLES / name).resolve()  # missing: ingest reports "no such file", scored as nothing found


def _temp_folder() -> Path:
    """A fresh store folder; short enough for the server's unix socket (~107 bytes at most)."""
    folder = Path(tempfile.mkdtemp(prefix="kg-eval-"))
    if len(str(folder / "falkordb.sock")) > 100:
        shutil.rmtree(folder, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix="kg-eval-", dir="/tmp"))
    return folder


def evaluate(gold_dir: Path = DEFAULT_GOLD) -> Evaluation:
    """Ingest every gold document into a temporary embedded store, read it back, and score it."""
    from graph.falkor_store import FalkorStore, stop_server
    from ingest.run import ingest_paths

    started = time.perf_counter()
    golds = load_gold(gold_dir)
    sources = {stem: source_path(stem, gold, Path(gold_dir)) for stem, gold in golds.items()}
    problems: list[str] = []
    folder = _temp_folder()
    try:
        store = FalkorStore.open(folder)
        try:
            outcomes = ingest_paths(list(sources.values()), store, workers=1)
            predicted = predicted_from_graph(store)
        finally:
            store.close()
    finally:
        stop_server(folder)
        shutil.rmtree(folder, ignore_errors=True)
    problems += [f"{o.path}: {o.status} ({o.reason})" for o in outcomes if o.status in {"failed", "skipped"}]

    totals = {name: Counts() for name in TYPES}
    fields = {name: Counts() for name in METADATA_FIELDS}
    documents: dict[str, dict[str, Counts]] = {}
    for stem, gold in golds.items():
        prediction = predicted.get(sources[stem].stem)
        if prediction is None:
            problems.append(f"{stem}: no Document node has {sources[stem].name} among its sources")
            prediction = empty_prediction()
        result = score(gold, prediction)
        for counts in result.values():
            counts.fp_items = [f"{stem[:3]}: {item}" for item in counts.fp_items]
            counts.fn_items = [f"{stem[:3]}: {item}" for item in counts.fn_items]
        documents[stem] = result
        for name in TYPES:
            totals[name].add(result[name])
        for name, counts in metadata_fields(gold.get("metadata") or {}, prediction.get("metadata") or {}).items():
            fields[name].add(counts)
    return Evaluation(totals, documents, fields, problems, time.perf_counter() - started)


# --- output ------------------------------------------------------------------------------------


def _interleave(per_doc: list[list[str]], limit: int) -> list[str]:
    """Round-robin over documents so that the examples are not all from the first file."""
    out: list[str] = []
    depth = 0
    while len(out) < limit and any(depth < len(items) for items in per_doc):
        out += [items[depth] for items in per_doc if depth < len(items)]
        depth += 1
    return out[:limit]


def render(evaluation: Evaluation, errors: int = 10) -> str:
    lines = [f"{'type':12} {'p':>6} {'r':>6} {'f1':>6} {'tp':>5} {'fp':>5} {'fn':>5}  bar"]
    for name in TYPES:
        c = evaluation.totals[name]
        mark = "ok" if c.f1 >= BARS[name] else "BELOW"
        lines.append(f"{name:12} {c.p:6.3f} {c.r:6.3f} {c.f1:6.3f} {c.tp:5} {c.fp:5} {c.fn:5}  {BARS[name]:.2f} {mark}")
    lines += ["", "metadata fields:"]
    for name in METADATA_FIELDS:
        c = evaluation.fields[name]
        lines.append(f"  {name:10} {c.p:6.3f} {c.r:6.3f} {c.f1:6.3f} {c.tp:5} {c.fp:5} {c.fn:5}")

    short = {"metadata": "meta", "measures": "meas", "assignments": "assign", "citations": "cite",
             "regions": "region", "deadlines": "deadl", "targets": "target"}  # fmt: skip
    lines += ["", "F1 per document ('-' = nothing annotated or predicted):"]
    lines.append(f"{'document':24}" + "".join(f"{short[t]:>8}" for t in TYPES))
    for stem, result in evaluation.documents.items():
        cells = "".join(f"{'-' if result[t].empty else f'{result[t].f1:.2f}':>8}" for t in TYPES)
        lines.append(f"{stem:24}{cells}")

    if errors > 0:
        for name in TYPES:
            fps = _interleave([r[name].fp_items for r in evaluation.documents.values()], errors)
            fns = _interleave([r[name].fn_items for r in evaluation.documents.values()], errors)
            if not fps and not fns:
                continue
            c = evaluation.totals[name]
            lines += ["", f"{name}: {c.fp} false positives, {c.fn} false negatives"]
            lines += [f"  FP {item}" for item in fps]
            lines += [f"  FN {item}" for item in fns]
    if evaluation.problems:
        lines += ["", "problems:"] + [f"  {p}" for p in evaluation.problems]
    lines += ["", f"{len(evaluation.documents)} documents in {evaluation.seconds:.1f} s"]
    return "\n".join(lines)


def details(evaluation: Evaluation) -> dict[str, Any]:
    """Everything: totals, metadata fields, per-document counts and every fp/fn item."""
    return {
        "totals": {t: evaluation.totals[t].as_json() for t in TYPES},
        "bars": BARS,
        "metadata_fields": {f: evaluation.fields[f].as_json() for f in METADATA_FIELDS},
        "documents": {
            stem: {
                t: {**result[t].as_json(), "fp_items": result[t].fp_items, "fn_items": result[t].fn_items}
                for t in TYPES
            }
            for stem, result in evaluation.documents.items()
        },
        "problems": evaluation.problems,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest.evaluate", description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of gold JSON files")
    output = parser.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print only {type: {p, r, f1, tp, fp, fn}}")
    output.add_argument("--json-details", action="store_true", help="print totals, fields, documents and errors")
    parser.add_argument("--errors", type=int, default=10, metavar="N", help="examples of fp and fn per type")
    parser.add_argument("--check", action="store_true", help="exit 1 when a type is below its bar")
    args = parser.parse_args(argv)

    if not args.gold.is_dir():
        print(f"error: no gold folder {args.gold}", file=sys.stderr)
        return 2
    try:
        evaluation = evaluate(args.gold)
    except StoreError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({t: evaluation.totals[t].as_json() for t in TYPES}, ensure_ascii=False))
    elif args.json_details:
        print(json.dumps(details(evaluation), ensure_ascii=False, indent=2))
    else:
        print(render(evaluation, args.errors))
    return 1 if args.check and evaluation.below_bar() else 0


if __name__ == "__main__":
    sys.exit(main())
