"""Node ids: minted once here, parsed here. Ids are stable (a function of what identifies the
thing), so ingesting the same corpus again finds the same nodes.

- Document  `doc:<sha1 of its number, or of its body's fingerprint>`
- Measure   `<document id>/<outline path>`            (doc:…/三/(二)/5; in the n-th attachment with an
            outline of its own, whose paths may repeat the notice's: doc:…/附件n/一/1)
- Target    `<measure id>#t<n>`
- Regulation `reg:<sha1 of its number, or of its title key>`
- Agency    `agency:<canonical name>`; a generic holder `agency:<region name>:<name as written>`
- Region    `region:<administrative code>`
"""

from __future__ import annotations

import hashlib

from core.text import title_key


def stable_id(prefix: str, key: str) -> str:
    return f"{prefix}:{hashlib.sha1(key.encode('utf-8')).hexdigest()[:16]}"


def document_id(doc_number: str | None, fingerprint: str) -> str:
    return stable_id("doc", f"num:{doc_number}" if doc_number else f"fp:{fingerprint}")


def measure_id(doc_id: str, path: str, segment: int = 0) -> str:
    return f"{doc_id}/{path}" if not segment else f"{doc_id}/附件{segment}/{path}"


def target_id(measure: str, index: int) -> str:
    return f"{measure}#t{index}"


def regulation_id(title: str | None, doc_number: str | None) -> str:
    return stable_id("reg", f"num:{doc_number}" if doc_number else f"title:{title_key(title or '')}")


def agency_id(name: str) -> str:
    return f"agency:{name}"


def generic_agency_id(region_name: str, name: str) -> str:
    return f"agency:{region_name}:{name}"


def region_id(code: str) -> str:
    return f"region:{code}"


def label_of_id(node_id: str) -> str | None:
    """The label of a node from its id, so that a lookup by id can use that label's index instead
    of scanning every node."""
    if node_id.startswith("agency:"):
        return "Agency"
    if node_id.startswith("region:"):
        return "Region"
    if node_id.startswith("reg:"):
        return "Regulation"
    if node_id.startswith("doc:"):
        if "#t" in node_id:
            return "Target"
        return "Measure" if "/" in node_id else "Document"
    return None


def document_of(node_id: str) -> str | None:
    """The document id a measure's or target's id starts with (None for other ids)."""
    if not node_id.startswith("doc:"):
        return None
    return node_id.split("/", 1)[0].split("#", 1)[0]
