"""Script conversion and title keys, shared by extraction, the store, the queries and the app:
Traditional input must find what Simplified text found, whichever layer the input arrives at."""

from __future__ import annotations

import re
from functools import lru_cache

import opencc

# Variants OpenCC's t2s leaves alone but the corpus uses interchangeably.
_EXTRA_T2S_MAP = {
    "陜": "陕",
    "産": "产",
    "関": "关",
    "綫": "线",
    "緑": "绿",
    "峯": "峰",
    "啓": "启",
    "銹": "锈",
    "裏": "里",
    "衆": "众",
    "爲": "为",
    "僞": "伪",
}
_EXTRA_T2S = str.maketrans(_EXTRA_T2S_MAP)
# str.translate looks every character up in a dict (~0.2 µs each): only run it where one occurs.
_EXTRA_T2S_CHARS = re.compile(f"[{''.join(_EXTRA_T2S_MAP)}]")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    """Traditional → Simplified, character for character (length preserved)."""
    converted = _converter().convert(text)
    if _EXTRA_T2S_CHARS.search(converted):
        converted = converted.translate(_EXTRA_T2S)
    if len(converted) != len(text):  # t2s is 1:1 for every table we load; guard the invariant
        converted = "".join(
            (c if len(c) == 1 else ch) for ch, c in ((ch, _converter().convert(ch)) for ch in text)
        ).translate(_EXTRA_T2S)
    return converted


def normalize_title(title: str) -> str:
    """Simplified, no whitespace, no 《》〈〉<> marks, ASCII brackets."""
    title = to_simplified(title)
    title = re.sub(r"[《》〈〉<>\s]", "", title)
    return title.replace("（", "(").replace("）", ")")


def title_key(title: str) -> str:
    """A matching key for titles: 中华人民共和国专利法 and 专利法 meet; quotes and brackets ignored."""
    key = normalize_title(title)
    key = re.sub(r"^中华人民共和国", "", key)
    return re.sub(r"[“”\"'()（）\[\]【】]", "", key)
