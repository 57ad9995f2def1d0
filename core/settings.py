"""One settings module: where the store lives, which backend, and every limit, cap and time-out
the product applies. Values from the environment (and, inside the app, Streamlit secrets) are read
here; the numbers below are the product's, each with the reason it has that size."""

from __future__ import annotations

import os
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_STORE = REPO_ROOT / "data" / "store"
GRAPH_NAME = "policy_kg"
ENV_KEYS = ("KG_BACKEND", "KG_STORE", "NEO4J_URI", "NEO4J_USER", "NEO4J_PASSWORD", "NEO4J_DATABASE")

MB = 1024 * 1024

# --- reading files (far above any real policy document: the largest of the 1,527 laws in the shared
# corpus is 313 KB, ~105,000 characters; low enough that one bad file cannot stall an ingest) ---
MAX_TEXT_BYTES = 8 * MB  # .txt/.md/.html, checked before anything is read
MAX_PACKAGE_BYTES = 40 * MB  # .docx/.pdf, whose images take room but give no text
MAX_TEXT_CHARS = 1_000_000  # after reading: extraction runs at 20-50k characters a second
MAX_LINE_CHARS = 200_000  # documents flattened into one line are real, a multi-megabyte line is not
MAX_UNPACKED_BYTES = 200 * MB  # what a .docx unpacks to (a ZIP bomb is refused unopened)
MAX_PDF_PAGES = 2_000

# --- extraction and loading ---
EXTRACT_TIME_LIMIT_S = 120  # one file's read + extraction (a pathological input must not stall the corpus)
MIN_CJK_CHARS = 20  # fewer Chinese characters than a title: not a Chinese policy document
BATCH_DOCS = 32  # documents per write transaction at most (the store's cost per query is paid per batch)
# ... and at least, unless the run ends: when extraction is the slower side the writer would otherwise
# write each result as it comes, paying the store's per-query cost on the cores the workers need.
MIN_BATCH_DOCS = 16
BATCH_BYTES = 8 * MB  # a batch stops at 8 MB of files: one query of hundreds of MB would stall the store
BYTES_IN_FLIGHT = 64 * MB  # files read ahead by the workers at most
WINDOW_PER_WORKER = 24  # files in flight per worker: they keep working while the writer writes a batch
PARALLEL_FROM = 8  # below this many files a worker pool costs more than it saves

# --- reads: the console, named queries, the app ---
ROW_CAP = 1000  # list queries and the console stop here and say so
TIME_LIMIT_MS = 5000  # the console's and the graph view's reads
GUARD_GRACE_S = 2.0  # the console's wall-clock guard fires this long after the store's own time limit
APP_CACHE_SECONDS = 10  # short: the ingester may be writing while the app reads


def _streamlit_secrets() -> dict[str, str]:
    """The settings found in the app's `.streamlit/secrets.toml` (top-level keys named like the
    environment variables). Only inside the app: nothing is read unless streamlit is imported."""
    if "streamlit" not in sys.modules:
        return {}
    try:
        import streamlit as st

        if not st.secrets.load_if_toml_exists():
            return {}
        return {key: str(st.secrets[key]) for key in ENV_KEYS if key in st.secrets and st.secrets[key] != ""}
    except Exception:  # a broken secrets file must not stop the app: fall back to the environment
        return {}


def settings() -> dict[str, str]:
    """KG_BACKEND, KG_STORE and NEO4J_* from the environment; in the app, keys set in Streamlit
    secrets win (Streamlit itself copies top-level secrets into the environment)."""
    environment = {key: os.environ[key] for key in ENV_KEYS if os.environ.get(key)}
    return {**environment, **_streamlit_secrets()}


def store_path() -> Path:
    return Path(os.environ.get("KG_STORE") or DEFAULT_STORE).resolve()
