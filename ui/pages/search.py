"""Search: every word must match (spaces separate words), Simplified or Traditional; each hit links to
its page, a measure to its place in its document with the matched words marked in a snippet."""

from __future__ import annotations

import html
import re
from typing import Any

import streamlit as st

from core.text import to_simplified
from ui import data, nav

SHOWN = 20  # hits per kind before "show all"
SNIPPET = 40  # characters of context on each side of the first matched word

KINDS = (
    ("Document", "search_document", "Documents"),
    ("Agency", "search_agency", "Agencies (most tasks first)"),
    ("Region", "search_region", "Regions"),
    ("Regulation", "search_regulation", "Regulations (most cited first)"),
    ("Measure", "search_measure", "Measures"),
)


def snippet(text: str, search_text: str, words: list[str], context: int = SNIPPET) -> str:
    """HTML: the measure's text around the first matched word, every matched word marked. The search
    text is the Simplified form of the text, character for character, so positions carry over;
    when they do not (a conversion changed the length), the Simplified text is shown."""
    shown = text if len(text) == len(search_text) else search_text
    first = min((search_text.find(w) for w in words if w in search_text), default=0)
    left, right = max(0, first - context), min(len(shown), first + context * 2)
    spans = sorted((m.start(), m.end()) for w in words for m in re.finditer(re.escape(w), search_text[left:right]) if w)
    out, pos = [], 0
    piece = shown[left:right]
    for start, end in spans:
        if start < pos:
            continue
        out += [html.escape(piece[pos:start]), f"<mark>{html.escape(piece[start:end])}</mark>"]
        pos = end
    out.append(html.escape(piece[pos:]))
    return ("… " if left else "") + "".join(out) + (" …" if right < len(shown) else "")


def _line(label: str, row: dict[str, Any], words: list[str]) -> str:
    link = nav.anchor(nav.entity_url(row["id"]), str(row["name"] or row.get("path") or row["id"]))
    if label == "Measure":
        where = f"{html.escape(row['document'] or '')} · {html.escape(row['path'])}"
        text = snippet(row["text"] or "", row["search_text"] or "", words)
        return f"{link} — {where}<br>{text}"
    details = {
        "Document": [row.get("number"), f"{row.get('measures') or 0} measures" if row.get("kind") != "law" else "law"],
        "Agency": [row.get("region"), f"{row.get('tasks', 0)} tasks"],
        "Region": [row.get("level"), f"{row.get('documents', 0)} documents"],
        "Regulation": [row.get("number"), f"cited by {row.get('documents', 0)} documents"],
    }[label]
    return f"{link} · " + " · ".join(html.escape(str(d)) for d in details if d)


def search() -> None:
    st.title("Search")
    if "search_q" not in st.session_state and nav.param("q"):
        st.session_state["search_q"] = nav.param("q")
    query = st.text_input(
        "Words to find in documents, agencies, regions, regulations and measures (简体或繁體; every word must match)",
        key="search_q",
        on_change=lambda: nav.set_param("q", st.session_state["search_q"].strip()),
    ).strip()
    if not query:
        st.caption("Try 知识产权局, 質押融資, 甘肃, 专利法, 专利 质押, or a number such as 靖政办发[2017]130号.")
        return
    words = [to_simplified(w) for w in query.split()]
    found = 0
    for label, name, title in KINDS:
        rows = data.safely(data.rows, name, (("words", " ".join(words)),)) or []
        if not rows:
            continue
        found += len(rows)
        st.subheader(f"{title}: {len(rows)}")
        show_all = len(rows) > SHOWN and st.toggle(f"Show all {len(rows)}", key=f"all_{label}")
        for row in rows if show_all else rows[:SHOWN]:
            st.markdown(_line(label, row, words), unsafe_allow_html=True)
        if len(rows) > SHOWN and not show_all:
            st.caption(f"{SHOWN} of {len(rows)} shown.")
    if not found:
        st.warning(f"Nothing contains all of “{' '.join(query.split())}”. Fewer words find more.")
