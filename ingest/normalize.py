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


# Mirror sites annotate characters with their pinyin: 专(zhuān)利, 實(shí)施. A syllable: an optional
# initial, one to three vowels (tone-marked or not), an optional final, an optional tone digit.
_VOWELS = "aeiouüvāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
_SYLLABLE = rf"(?:[zcs]h|[bpmfdtnlgkhjqxrzcsyw])?[{_VOWELS}]{{1,3}}(?:ng|n|r)?[1-5]?"
_PINYIN = re.compile(rf"(?<=[\u4e00-\u9fff])[(（]{_SYLLABLE} ?[)）]")  # 會(huì )發展: a space may stray in
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]*")
_SPLIT_MARKER = re.compile(r"(?<![\u4e00-\u9fff])([一二三四五六七八九十]{1,3})[ \t\u3000]、")
# Doubled punctuation (`,、` `,,` `。。`) and mojibake (锟斤拷 from a UTF-8 replacement character
# read as GBK, runs of ? left where characters were lost).
_DOUBLED = re.compile(r"(?<=[,，、;；])[,，、;；]+|(?<=。)。+")
_MOJIBAKE = re.compile(r"(?:锟斤拷|烫烫烫|屯屯屯|\ufffd)+|\?(?:[ \t\u3000]*\?)+")


def mask_mirror_noise(text: str) -> str:
    """Mirror-site and scraping noise out of the analysis text, every offset kept: pinyin annotations are
    taken out of the word they split (the word's characters close up, the spaces go to its end, so
    专(zhuān)利法 reads 专利法 followed by blanks), a marker split by a space (一 、) closes up, doubled
    punctuation and mojibake become spaces."""
    if _PINYIN.search(text):
        text = _close_up_pinyin(text)
    text = _DOUBLED.sub(lambda m: " " * len(m.group(0)), text)
    text = _SPLIT_MARKER.sub(r"\1、 ", text)  # 一 、以企业为主体 (a PDF's spacing): the marker closed up
    return _MOJIBAKE.sub(lambda m: " " * len(m.group(0)), text)


def display_text(text: str) -> str:
    """Original text for display (a measure's text, its heading): the script kept, mirror pinyin taken
    out (offsets into it are not offsets into the original: only for showing)."""
    return _PINYIN.sub("", text) if _PINYIN.search(text) else text


def _close_up_pinyin(text: str) -> str:
    out: list[str] = []
    pos = 0
    for match in _PINYIN.finditer(text):
        if match.start() < pos:
            continue
        # the run: from the annotated character's word start through the Chinese characters and
        # annotations that follow it without a break
        start = match.start() - 1
        end = match.end()
        while True:
            after = _CJK_RUN.match(text, end).end()
            more = _PINYIN.match(text, after) if after > end else None
            if more is None:
                end = after
                break
            end = more.end()
        run = text[start:end]
        letters = _PINYIN.sub("", run)
        out.append(text[pos:start] + letters + " " * (len(run) - len(letters)))
        pos = end
    out.append(text[pos:])
    return "".join(out)


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
    return _half_width(to_simplified(mask_mirror_noise(mask_noise(text))))


def comparison_key(text: str) -> str:
    """Text for comparing documents: Simplified, no whitespace, no quotes/brackets of titles."""
    return re.sub(r"[\s《》〈〉<>“”\"'「」『』]", "", to_simplified(text))
