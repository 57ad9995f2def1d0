"""Text normalisation that never moves a character.

Every step maps the text to a string of the *same length*: noise is blanked with spaces and
Traditional characters become Simplified one for one. Offsets found in the normalised text are
therefore offsets into the original text, which is kept for display and evidence.
"""

from __future__ import annotations

import re

from core.text import to_simplified

# Word/HTML residue in scraped pages: `nth="3" year="2014" w:st="on">`, stray tags, entities.
# Whole tags first (`<span style="…">`), then attribute residue whose tag start was cut off.
_NOISE_PATTERNS = [
    re.compile(r"</?[a-zA-Z][\w:-]*(?:\s[^<>\n]{0,200})?/?>"),
    re.compile(r'(?:\b[\w:.-]+="[^"\n]{0,40}"\s*)+/?>'),
    re.compile(r"&(?:nbsp|amp|lt|gt|quot|ensp|emsp|#\d{1,6});"),
]


def mask_noise(text: str) -> str:
    """Blank markup residue with spaces so that offsets stay valid."""
    for pattern in _NOISE_PATTERNS:
        text = pattern.sub(lambda m: " " * len(m.group(0)), text)
    return text


_HANT_ONLY = set("們這來說時會後國與對發關學經為實現動過點進應開體機將當長義問區電產業務質書術")
_HANS_ONLY = set("们这来说时会后国与对发关学经为实现动过点进应开体机将当长义问区电产业务质书术")


_HANT_ONLY_RE = re.compile(f"[{''.join(sorted(_HANT_ONLY))}]")
_HANS_ONLY_RE = re.compile(f"[{''.join(sorted(_HANS_ONLY))}]")


def detect_script(text: str) -> str:
    """'hant' when Traditional-only characters outnumber their Simplified counterparts."""
    sample = text[:20000]
    hant = len(_HANT_ONLY_RE.findall(sample))
    hans = len(_HANS_ONLY_RE.findall(sample))
    return "hant" if hant > hans else "hans"


# Full-width punctuation and digits → ASCII, one character for one, so patterns stay simple.
_HALF_WIDTH_MAP = {
    "（": "(",
    "）": ")",
    "：": ":",
    "，": ",",
    "；": ";",
    "．": ".",
    "［": "[",
    "］": "]",
    "　": " ",
    "！": "!",
    "？": "?",
    "－": "-",
    **{chr(0xFF10 + i): str(i) for i in range(10)},
}
_FULL_WIDTH_RUN = re.compile(f"[{''.join(_HALF_WIDTH_MAP)}]+")


def _half_width(text: str) -> str:
    """`text.translate(_HALF_WIDTH_MAP)`, translating only the runs that need it (5× faster)."""
    return _FULL_WIDTH_RUN.sub(lambda m: "".join(_HALF_WIDTH_MAP[c] for c in m.group(0)), text)


def normalize(text: str) -> str:
    """The analysis text: noise blanked, Simplified, half-width punctuation, same length as the input."""
    return _half_width(to_simplified(mask_noise(text)))


def comparison_key(text: str) -> str:
    """Text for comparing documents: Simplified, no whitespace, no quotes/brackets of titles."""
    return re.sub(r"[\s《》〈〉<>“”\"'「」『』]", "", to_simplified(text))
