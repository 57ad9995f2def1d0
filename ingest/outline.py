"""Outline parsing: numbered items (一、 (一) 1. (1) ①) → a tree of measures with paths.

Works on the normalised analysis text (Simplified, half-width punctuation). An item is accepted
when its marker starts a line, or — in flattened tables and very long lines, where line breaks
are gone — when its number continues the numbering at that level. Numbering may be global across
sections (seed 002 counts tasks 1…80 under every (一)), restart inside a table row (sub-items),
or skip the dot (`11开展…`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace

from core.roles import COLUMN_ROLES

CN_DIGITS = {"零": 0, "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"

# Column names of the flattened task tables these plans publish: the columns that name no role here,
# the ones that do (牵头单位, 配合部门, 责任单位 …) from the role vocabulary.
_TASK_COLUMNS = (
    "序号",
    "工作任务",
    "任务目标",
    "落实举措",
    "完成时间",
    "工作措施",
    "工作目标",
    "具体内容",
    "进度安排",
    "完成时限",
    "时间进度",
    "主要任务",
    "具体措施",
    "重点任务",
    "任务分工",
    "工作内容",
)
TABLE_COLUMNS = (*_TASK_COLUMNS, *COLUMN_ROLES)
_TABLE_HEADER = re.compile("(?:" + "|".join(sorted(TABLE_COLUMNS, key=len, reverse=True)) + r")(?:\([^)]{1,6}\))?")

_MARKER = re.compile(
    r"(?<![第一二三四五六七八九十])(?P<cn>[一二三四五六七八九十]{1,3})、(?![一二三四五六七八九十]+[季、])"
    r"|\((?P<pcn>[一二三四五六七八九十]{1,3})\)"
    r"|\((?P<pnum>\d{1,2})\)"
    r"|(?<![\d(])(?P<rnum>\d{1,2})\)(?=[\u4e00-\u9fff“\"《])"
    r"|(?P<circ>[①-⑳])"
    r"|(?<![\d.])(?P<num>\d{1,2})(?:[.、](?!\d)|\.(?=(?:19|20)\d{2}年)|(?=[\u4e00-\u9fff“\"《])|(?=[ \t]*\n))"
)
_FOOTER = re.compile(
    r"^\s*(?:分享到|关闭\s*$|打印\s*$|【我要纠错】|责任编辑|扫一扫|Produced By|上一篇|下一篇|相关链接|"
    r"主办单位\s*[:：]|版权所有|网站地图|\S+\.(?:doc|docx|pdf|wps)\s*$)",
    re.MULTILINE,
)
# An attachment: a line that is only 附件 (附件2, 附件1:) opens a part whose outline starts again at 一 or 1;
# `附件:1.…` lists the attachments (titles, not items of the plan).
_ATTACHMENT = re.compile(r"^[ \t\u3000]*附件[ \t]*\d{0,2}[ \t]*[:：]?[ \t]*$", re.MULTILINE)
_ATTACHMENT_LIST = re.compile(r"^[ \t\u3000]*附件[ \t]*[:：][ \t]*\d{1,2}[.、]", re.MULTILINE)
_LIST_LINE = re.compile(r"[ \t\u3000]*\d{1,2}[.、]")
_LONG_LINE = 1000
_BODY_BEFORE_FOOTER = 20  # characters of text before a footer line can end the body
# A document run together on one line (crawlers, document libraries): a heading followed at once by its
# first sub-item (`一、主要任务(一)高质量推进…1.提升…`) shows that its line breaks are gone.
_FLATTENED_LINE = 200
_RUN_TOGETHER = re.compile(
    r"[一二三四五六七八九十]{1,3}、[^。\n]{1,40}?\([一二三四五六七八九十]{1,3}\)"
    r"|\([一二三四五六七八九十]{1,3}\)[^。\n]{1,40}?(?<![\d.])\d{1,2}[.、](?!\d)"
    # one item after another after sentence ends (…本意见。一、指导思想…。二、主要目标…)
    r"|[。;:]\s*一、[^\n]{2,600}?[。;]\s*二、"
    r"|[。;:]\s*\(一\)[^\n]{2,600}?[。;]\s*\(二\)"
)
_FIRST_ITEM = re.compile(
    r"^[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|\([一二三四五六七八九十]{1,3}\)|1[.、])", re.MULTILINE
)


@dataclass(frozen=True)
class OutlineItem:
    path: str
    parent_path: str | None
    kind: str
    number: int
    start: int  # the marker's first character
    text_start: int  # first character after the marker
    end: int  # exclusive: where the next item (or the body) ends
    unit_path: str  # the measure that carries this item's facts (a table row for its sub-items)
    heading: str
    segment: int = 0  # 0 for the document's own text, n for the n-th attachment with an outline of its own

    @property
    def depth(self) -> int:
        return self.path.count("/") + 1


_CN_NUMERAL = re.compile(r"十[一二三四五六七八九]?|[二三四五六七八九]十[一二三四五六七八九]?|[一二三四五六七八九]")


def cn_number(text: str) -> int | None:
    """一 → 1, 十二 → 12, 二十一 → 21; None for what is no numeral (三七 in 文山三七、砚山辣椒)."""
    if not _CN_NUMERAL.fullmatch(text):
        return None
    if text == "十":
        return 10
    if text.startswith("十"):
        return 10 + CN_DIGITS[text[1]]
    if "十" in text:
        tens, _, ones = text.partition("十")
        return CN_DIGITS[tens] * 10 + (CN_DIGITS[ones] if ones else 0)
    return CN_DIGITS[text]


def _label(kind: str, raw: str) -> str:
    return {"cn": raw, "pcn": f"({raw})", "num": raw, "pnum": f"({raw})", "circ": raw}[kind]


def _value(kind: str, raw: str) -> int | None:
    if kind in {"cn", "pcn"}:
        return cn_number(raw)
    if kind == "circ":
        return CIRCLED.index(raw) + 1
    return int(raw)


def table_columns(text: str) -> tuple[list[str], int] | None:
    """The column names of a flattened task table's header (a run of ≥3 known names close together)
    and the position after it, else None."""
    hits = list(_TABLE_HEADER.finditer(text))

    def adjacent(a: re.Match[str], b: re.Match[str]) -> bool:
        # cells of a header row are separated by nothing but layout (spaces, line breaks, rules)
        return b.start() - a.end() <= 4 and not text[a.end() : b.start()].strip(" \t\n\u3000|│┃")

    for i in range(len(hits) - 2):
        if adjacent(hits[i], hits[i + 1]) and adjacent(hits[i + 1], hits[i + 2]):
            j = i + 2
            while j + 1 < len(hits) and adjacent(hits[j], hits[j + 1]):
                j += 1
            return [re.sub(r"\(.*\)$", "", h.group(0)) for h in hits[i : j + 1]], hits[j].end()
    return None


def find_table_header(text: str) -> int | None:
    """Position after a flattened task table's header, else None."""
    found = table_columns(text)
    return found[1] if found else None


def body_end(text: str, start: int = 0) -> int:
    """Where the document's body stops: the first footer line (share buttons, editor, file name) after
    some text of the body. A line before any body text (a document library's file name heading the
    page) ends nothing."""
    for match in _FOOTER.finditer(text, start):
        before = "\n".join(line for line in text[start : match.start()].split("\n") if not _FOOTER.match(line))
        if len(re.sub(r"[\s\-|]", "", before)) >= _BODY_BEFORE_FOOTER:
            return match.start()
    return len(text)


def _heading(text: str, start: int, end: int) -> str:
    chunk = text[start:end].strip()
    cut = re.search(r"[。;:!?\n]", chunk)
    heading = chunk[: cut.start()] if cut else chunk
    return heading.strip()[:80]


@dataclass(frozen=True)
class _Marker:
    """A candidate item marker: its kind (cn, pcn, num, pnum, circ), value and place."""

    kind: str
    raw: str
    number: int
    start: int
    end: int
    line_start: bool


class _Page:
    """The text's layout facts that decide whether a marker can start an item."""

    def __init__(self, text: str) -> None:
        self.text = text
        table_at = find_table_header(text)
        self.table_mode = table_at is not None
        # footers are looked for after the body has begun: a share bar under the headline is not the end
        first_item = _FIRST_ITEM.search(text)
        self.end_of_body = body_end(text, max(table_at or 0, first_item.start() if first_item else 0))
        self.line_starts = {0} | {m.end() for m in re.finditer(r"\n", text)}
        self._run_together: dict[int, bool] = {}
        self.attachments = [m.start() for m in _ATTACHMENT.finditer(text, 0, self.end_of_body)]
        self.attachment_lists = [_list_span(text, m.start()) for m in _ATTACHMENT_LIST.finditer(text)]

    def at_line_start(self, pos: int) -> bool:
        back = pos
        while back > 0 and self.text[back - 1] in " \t\u3000":
            back -= 1
        return back in self.line_starts

    def long_line(self, pos: int) -> bool:
        """A line so long, or so plainly run together, that its line breaks must have been lost."""
        left = self.text.rfind("\n", 0, pos)
        right = self.text.find("\n", pos)
        right = right if right != -1 else len(self.text)
        if right - left > _LONG_LINE:
            return True
        if right - left <= _FLATTENED_LINE:
            return False
        if left not in self._run_together:
            self._run_together[left] = bool(_RUN_TOGETHER.search(self.text, left + 1, right))
        return self._run_together[left]

    def markers(self) -> Iterator[_Marker]:
        """Markers where an item can start: at a line start, or in a table or a very long line."""
        for match in _MARKER.finditer(self.text, 0, self.end_of_body):
            if any(a <= match.start() < b for a, b in self.attachment_lists):
                continue
            group = match.lastgroup or "num"
            raw = match.group(group)
            kind = "num" if group == "rnum" else group  # 1) is the same level as 1.
            number = _value(kind, raw)
            if number is None:
                continue
            line_start = self.at_line_start(match.start())
            if not line_start and not (self.table_mode or self.long_line(match.start())):
                continue
            if kind == "num" and not line_start and match.group(0)[-1] not in ".、":
                continue  # a number without its dot counts only at the start of a line (`11开展…`)
            alone = match.group(0) == raw and self.text[match.end() : match.end() + 1] in "\n \t"
            if kind == "num" and alone and not (self.table_mode and line_start):
                continue  # a number alone on its line is a 序号 cell only inside a task table
            yield _Marker(kind, raw, number, match.start(), match.end(), line_start)


# stack entries: (kind, number, path, restart)
_Open = tuple[str, int, str, bool]


def _list_span(text: str, start: int) -> tuple[int, int]:
    """A list of attachments: its 附件 line and the numbered lines right after it."""
    end = text.find("\n", start)
    while end != -1 and _LIST_LINE.match(text, end + 1):
        end = text.find("\n", end + 1)
    return start, len(text) if end == -1 else end


def _place(stack: list[_Open], marker: _Marker, last_main: dict[str, int]) -> tuple[int, bool] | None:
    """Where a marker goes in the stack of open items (the index it replaces) and whether it starts a
    sub-list; None when its number continues nothing."""
    levels = [i for i, entry in enumerate(stack) if entry[0] == marker.kind]
    number = marker.number
    if not levels:
        if number in (1, last_main.get(marker.kind, 0) + 1) or (marker.line_start and number <= 40):
            return len(stack), False
        return None
    deepest = levels[-1]
    previous = stack[deepest][1]
    if number in (previous + 1, last_main.get(marker.kind, 0) + 1):
        return deepest, stack[deepest][3]  # siblings of a sub-list item are sub-list items too
    if number == 1 and marker.line_start:
        return len(stack), True  # numbering starts again inside the item: a sub-list
    if marker.line_start and previous < number <= previous + 3:
        return deepest, stack[deepest][3]  # an item the source skipped or lost
    return None


def parse_outline(text: str) -> list[OutlineItem]:
    """All accepted outline items in document order."""
    page = _Page(text)
    stack: list[_Open] = []
    last_main: dict[str, int] = {}  # last number per marker kind outside sub-lists (global numbering)
    raw_items: list[tuple[str, str | None, _Marker, str, int]] = []
    paths: set[str] = set()
    segment = passed = 0
    for marker in page.markers():
        opened = sum(1 for a in page.attachments if a < marker.start)
        if opened > passed:
            passed = opened
            if raw_items:  # an attachment after numbered items: a part of its own, its outline starts again
                segment, stack, last_main, paths = segment + 1, [], {}, set()
        placed = _place(stack, marker, last_main)
        if placed is None:
            continue
        accepted_at, restart = placed
        del stack[accepted_at:]
        parent_path = stack[-1][2] if stack else None
        label = _label(marker.kind, marker.raw)
        path = f"{parent_path}/{label}" if parent_path else label
        if path in paths:
            continue  # a repeated number is text, not a new item
        paths.add(path)
        stack.append((marker.kind, marker.number, path, restart))
        if not restart and not any(entry[3] for entry in stack):
            last_main[marker.kind] = marker.number
        in_cell = page.table_mode and marker.kind in {"pnum", "circ"} and len(stack) >= 2 and stack[-2][0] == "num"
        # a sub-list inside a table row ((1)(2) in its task cell) carries no facts of its own: the row does
        unit = parent_path if ((restart or in_cell) and page.table_mode and parent_path) else path
        raw_items.append((path, parent_path, marker, unit, segment))
    return _with_row_units(_items(text, raw_items, page))


def _items(text: str, raw_items: list[tuple[str, str | None, _Marker, str, int]], page: _Page) -> list[OutlineItem]:
    """Items whose spans end where the next item starts (the last one at the end of the body), or at an
    attachment that comes first."""
    items: list[OutlineItem] = []
    for index, (path, parent, marker, unit, segment) in enumerate(raw_items):
        end = raw_items[index + 1][2].start if index + 1 < len(raw_items) else page.end_of_body
        end = min([end, *(a for a in page.attachments if marker.start < a < end)])
        items.append(
            OutlineItem(
                path=path,
                parent_path=parent,
                kind=marker.kind,
                number=marker.number,
                start=marker.start,
                text_start=marker.end,
                end=end,
                unit_path=unit,
                heading=_heading(text, marker.end, end),
                segment=segment,
            )
        )
    return items


def _with_row_units(items: list[OutlineItem]) -> list[OutlineItem]:
    """A unit path must name a row measure: follow restarts up to the first non-restart item."""
    by_path = {(item.segment, item.path): item for item in items}
    resolved: list[OutlineItem] = []
    for item in items:
        unit = item.unit_path
        while (item.segment, unit) in by_path and by_path[(item.segment, unit)].unit_path != unit:
            unit = by_path[(item.segment, unit)].unit_path
        resolved.append(item if unit == item.unit_path else replace(item, unit_path=unit))
    return resolved


def innermost(items: list[OutlineItem], pos: int) -> OutlineItem | None:
    """The item whose span holds `pos`: spans end where the next item starts, so it is the last
    item starting at or before `pos` (items are in document order)."""
    best: OutlineItem | None = None
    for item in items:
        if item.start > pos:
            break
        best = item
    return best if best is not None and pos < best.end else None
