"""Document metadata from the header and the signature block: title, number, issuer, dates.

Every field is read from the text or left empty: a missing header (seed 004) gives no title,
number, issuer or date rather than invented ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from core.agencies import alias_table
from core.numbers import find_doc_numbers, normalize_doc_number
from core.records import RegionRecord
from core.regions import COUNTRY, find_region_mentions, gazetteer
from core.schema import LEVEL_OF_REGION
from core.text import normalize_title
from ingest.furniture import PortalFields
from ingest.outline import cn_number

_NOTICE_TITLE = re.compile(
    r"^[^\n]{0,60}?(?:关于|印发)[^\n]{2,120}?(?:通知|意见|决定|办法|方案|计划|规划|要点|批复|通报|函|措施)\s*$",
    re.MULTILINE,
)
_HEADLINE = re.compile(r"^\s*《(?P<t>[^《》\n]{4,100})》\s*(?:印发|发布|出台)\s*$", re.MULTILINE)
_PLAN_HEADING = re.compile(
    r"^\s*(?P<t>[^\n《》:。,;]{4,60}?"
    r"(?:方案|计划|规划|要点|意见|办法|纲要|安排|细则|任务分工|工作指引|清单|分解表|工作任务|措施))\s*$",
    re.MULTILINE,
)
_PRINTED_PLAN = re.compile(r"印发\s*《?(?P<t>[^《》\n]{4,100}?)》?\s*(?:的通知|的函)")
_SIGN_DATE = re.compile(
    r"^\s*(?P<y>(?:19|20)\d{2})(?:\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})?\s*日?|(?P<m8>[01]\d)(?P<d8>[0-3]\d))\s*$",
    re.MULTILINE,
)
_SENTENCE = re.compile(r"[。;]|印发给|现将|,请")
# The end of a notice's title, to join a title printed over two or three lines.
_TITLE_END = re.compile(r"(?:通知|意见|决定|办法|方案|计划|规划|要点|批复|通报|函|措施)$")
# The plan a notice prints: 现将《X》印发给你们 / 制定了《X》,现予印发 / 《X》已经…同意,现印发给你们.
_PRINTS = re.compile(
    r"《(?P<t>[^《》\n]{4,100})》[^。《\n]{0,60}?(?:印发给你们|印发你们|现予印发|予以印发|现印发|现予发布|印发给各)"
)
# Who made it, said in the notice when it signs nowhere: X联合A、B…制定《…》 / X制定了《…》,现印发.
_MAKERS = re.compile(
    r"(?:^|[,。;:\n])\s*(?P<x>[^,。;:《》\n]{2,60}?)(?:(?:联合|会同)(?P<y>[^。;:《》\n]{2,240}?))?"
    r"(?:等\d*个?部门)?(?:共同|联合)?(?:研究)?(?:制定|起草|编制|修订)了?《"
)
_PUBLISHED = re.compile(
    r"(?:发布日期|发布时间|发文日期|日期)?\s*[:]?\s*(?P<y>20\d{2}|19\d{2})[-/.年](?P<m>\d{1,2})"
    r"[-/.月](?P<d>\d{1,2})日?"
)
_PUBLISHED_LABEL = re.compile(r"(?:发布日期|发布时间|来源|浏览次数|阅读)")
_SIGNER = re.compile(r"[^,。;:《》\s]{2,38}(?:局|厅|委|办|委员会|办公室|办公厅|政府|院|部|小组|中心)")
_STAMP = re.compile(r"^\s*\(.{2,40}代章\)\s*$")
_DAMAGED_NUMBER = re.compile(
    r"(?P<code>[\u4e00-\u9fff]{2,10})\s*[〔\[(【]\s*(?P<year>(?:19|20)\d{2})(?P<num>\d{1,4})\s*号?"
)
_LABELLED_NUMBER = re.compile(r"(?:文号|发文字号|发文编号)\s*[:]?\s*")
# A title run into what follows it when the line breaks are lost: its addressees (…的意见各县、区人民政府:)
# or its first sentence (…工作实施方案为深入贯彻…).
_GLUED_TITLE = re.compile(
    r"(?P<t>[^\n。,;:《》]{4,80}?(?:意见|方案|通知|办法|规划|计划|要点|措施|细则))"
    r"(?=各[^。\n]{2,80}[:]|为(?:深入|全面|进一步|认真|贯彻|加快|推动|落实|加强|促进))"
)
_MASTHEAD = re.compile(r"^\s*(?P<x>[^\s,。:《》]{3,40}?(?:\s+[^\s,。:《》]{3,40}?)*)\s*文件\s*$", re.MULTILINE)
# An addressee line: 各省、自治区、直辖市人民政府,国务院各部委: (a number run into it is the document's own)
_ADDRESSEES = re.compile(r"^各[^。]{2,200}[:]$")
_TITLE_PREFIX = re.compile(r"^(?:原标题|原题|标题|题目)\s*[:]\s*")
_NATIONAL_HINT = re.compile(r"省份[:]|各省\(区、市\)|各省、自治区、直辖市")


@dataclass
class Metadata:
    title: str | None = None
    alt_titles: list[str] = field(default_factory=list)
    doc_number: str | None = None
    issuer_text: str | None = None
    issuers: list[str] = field(default_factory=list)  # as written, in signature order (joint documents)
    issued: str | None = None
    published: str | None = None
    level: str | None = None
    region: RegionRecord | None = None
    year: int | None = None
    header_end: int = 0
    issuer_hint: str | None = None  # where the bodies that issue it are named when nothing signs


def _clean_line(line: str) -> str:
    return re.sub(r"\s+", "", line)


def read_metadata(text: str, body_start: int, portal: PortalFields | None = None) -> Metadata:
    """`text` is the normalised analysis text (page furniture blanked); `body_start` is where the first
    outline item starts; `portal` is what the page's metadata block said (the fallback of each field)."""
    portal = portal or PortalFields()
    meta = Metadata(header_end=body_start)
    header = text[:body_start] if body_start > 0 else text[:1500]
    meta.doc_number = _own_number(text, header) or _portal_number(portal)
    _titles(header, portal, meta)
    _signature(text, header, meta)
    if meta.issued is None and not meta.issuers:
        _signature(text, text[-400:], meta)  # a plan without a notice signs at its end
    if meta.issued is None and not meta.issuers:
        _inline_signature(header + "\n" + text[-600:], meta)  # a page run together: …落实。国务院办公厅2020年11月1日
    if not meta.issuers:
        meta.issuer_hint = _issuer_hint(header, meta) or "、".join(portal.issuers) or None
    meta.issued = meta.issued or _dated_number(header) or portal.issued
    meta.published = portal.published or _published(header)
    years = [int(y) for t in [meta.title or "", *meta.alt_titles] for y in re.findall(r"((?:19|20)\d{2})年", t)]
    if years:
        meta.year = years[0]
    elif meta.issued:
        meta.year = int(meta.issued[:4])
    _jurisdiction(text, meta)
    return meta


def heading_titles(text: str) -> list[str]:
    """Plan titles standing on a line of their own anywhere in the text (the document's own headings)."""
    return [normalize_title(m.group("t")) for m in _PLAN_HEADING.finditer(text)]


def _header_lines(header: str) -> list[str]:
    lines = (_TITLE_PREFIX.sub("", line.strip()) for line in header.splitlines())
    return [line for line in lines if line]


def _notice_titles(lines: list[str], number: str | None = None) -> list[str]:
    """Notice titles of the header (`…关于…的通知`), joined when printed over two or three lines, with
    the issuer's line before a title that starts with 关于. A title printed next to the document's
    number comes first: a page may repeat it with more around it (its portal headline)."""
    found: list[str] = []
    beside_number: list[str] = []
    for index, line in enumerate(lines):
        numbers = find_doc_numbers(line)
        if numbers and numbers[0].start == 0:
            line = line[numbers[0].end :].strip()  # 琼府办〔2017〕43号《…的通知》: a headline with its number
        elif numbers and numbers[-1].end >= len(line.rstrip()) - 1:
            line = line[: numbers[-1].start].strip()  # …的通知国办发〔2020〕43号: the number run into the title
        if ("关于" not in line[:60] and "印发" not in line[:60]) or line.startswith("《"):
            continue
        candidate, last = line, index
        while not _TITLE_END.search(candidate) and last + 1 < len(lines) and last - index < 2 and len(candidate) < 120:
            last += 1
            candidate += lines[last]
        if not _NOTICE_TITLE.fullmatch(candidate) or _SENTENCE.search(candidate):
            continue  # a title is no sentence: 现将《…》印发给你们,请…。 is the notice's text
        before = lines[index - 1] if index > 0 else ""
        if candidate.startswith("关于") and _is_signer_line(before):
            candidate = before + candidate
        found.append(candidate)
        near = lines[max(0, index - 2) : index] + lines[last + 1 : last + 3]
        if number and any(number in _numbers_of(line) for line in near):
            beside_number.append(candidate)
    return beside_number or found


def _numbers_of(line: str) -> list[str]:
    return [n.value for n in find_doc_numbers(line)]


def _is_signer_line(line: str) -> bool:
    names = [n for n in re.split(r"[ \t\u3000]+", line) if n]
    return bool(names) and len(line) <= 60 and all(_SIGNER.fullmatch(n) for n in names)


def _titles(header: str, portal: PortalFields, meta: Metadata) -> None:
    """The title: the notice's own title line, else the portal's, a web headline, the plan the notice
    prints, or the plan's heading; the others that name this document become alternative titles."""
    notices = _notice_titles(_header_lines(header), meta.doc_number)
    headline = _HEADLINE.search(header)
    printed = [normalize_title(m.group("t")) for m in _PRINTS.finditer(header)]
    if notices:
        meta.title = normalize_title(_clean_line(max(notices, key=len)))
    elif portal.title and _NOTICE_TITLE.fullmatch(_clean_line(portal.title)):
        meta.title = normalize_title(portal.title)
    elif headline:
        meta.title = normalize_title(headline.group("t"))
    elif printed:
        meta.title = printed[0]
    else:
        heading = _PLAN_HEADING.search(header)
        glued = _GLUED_TITLE.match(header.lstrip())
        if heading:
            meta.title = normalize_title(heading.group("t"))
        elif glued:
            meta.title = normalize_title(glued.group("t"))
    quoted = [(q.start(), q.end()) for q in re.finditer(r"《[^《》]*》", header)]
    for match in _PRINTED_PLAN.finditer(header):
        if any(a < match.start() < b for a, b in quoted):
            continue  # 《国家知识产权局关于印发<2014年…计划>的通知》: a cited text, not this one
        meta.alt_titles.append(normalize_title(match.group("t")))
    meta.alt_titles += printed
    if headline:
        meta.alt_titles.append(normalize_title(headline.group("t")))
    for heading in _PLAN_HEADING.finditer(header):
        meta.alt_titles.append(normalize_title(heading.group("t")))
    titles = [t for t in dict.fromkeys(meta.alt_titles) if t and t != meta.title]
    # a heading printed on two lines is read line by line too: keep only the whole title
    meta.alt_titles = [t for t in titles if not any(t != o and t in o for o in titles)]


def _issuer_hint(header: str, meta: Metadata) -> str | None:
    """Where the issuers are named when nothing signs: the masthead (X文件), the notice title before
    关于, the notice's own words (X联合A、B…制定《…》), or the plan title's leading body
    (国家知识产权局2013年工作要点). The pipeline resolves the bodies it names."""
    masthead = _MASTHEAD.search(header)
    if masthead and _SIGNER.fullmatch(masthead.group("x").replace(" ", "")):
        return masthead.group("x")  # 常州市人民政府文件 over the title's 市政府关于…
    title = meta.title or ""
    if "关于" in title[:60] and title.index("关于") >= 2:
        return title[: title.index("关于")]
    made = _MAKERS.search(header)
    if made and _SIGNER.search(made.group("x")):
        return made.group("x") + ("、" + made.group("y") if made.group("y") else "")
    for candidate in (title, *meta.alt_titles):
        if candidate and not candidate.startswith("关于"):
            return candidate
    return None


def _portal_number(portal: PortalFields) -> str | None:
    numbers = find_doc_numbers(portal.doc_number or "")
    return numbers[0].value if numbers else None


def _dated_number(header: str) -> str | None:
    """A header line holding the document's number and its date (苏政发〔2009〕1号 2009年1月5日)."""
    for line in header.splitlines():
        numbers = find_doc_numbers(line)
        if not numbers:
            continue
        date = _SIGN_DATE.match(line[numbers[0].end :])
        if date:
            return _iso(date)
    return None


def _own_number(text: str, header: str) -> str | None:
    """The document's own number: alone on a header line, after a 文号 label, or in the file name at the end."""
    for line in header.splitlines():
        stripped = _LABELLED_NUMBER.sub("", line.strip())
        numbers = find_doc_numbers(stripped)
        if numbers and _SIGN_DATE.match(stripped[numbers[0].end :]):
            stripped = stripped[: numbers[0].end]  # the number followed by the date on one line
        if numbers and len(_clean_line(stripped)) <= len(_clean_line(stripped[numbers[0].start : numbers[0].end])) + 2:
            return numbers[0].value
        if _LABELLED_NUMBER.search(line) and numbers:
            return numbers[0].value
        if numbers and numbers[0].start == 0 and _ADDRESSEES.match(stripped[numbers[0].end :].strip()):
            return numbers[0].value  # 国办发〔2015〕94号各省、自治区…: a page run together
    for line in _header_lines(header)[:3]:  # …的通知国办发〔2020〕43号: the number run into the title line
        numbers = find_doc_numbers(line)
        if numbers and numbers[-1].end >= len(line) - 1 and _NOTICE_TITLE.fullmatch(line[: numbers[-1].start]):
            return numbers[-1].value
    for line in header.splitlines():
        damaged = _DAMAGED_NUMBER.fullmatch(line.strip())
        if damaged:  # 川知领办〔20183: the closing bracket and 号 lost, the number alone on its line
            return normalize_doc_number(damaged["code"], damaged["year"], damaged["num"])
    tail = text[-400:]
    match = re.search(r"(\S+)\.(?:doc|docx|pdf|wps)\s*$", tail, re.MULTILINE)
    if match:
        numbers = find_doc_numbers(match.group(1))
        if numbers:
            return numbers[0].value
    return None


def _signature(text: str, header: str, meta: Metadata) -> None:
    """The 落款: a body's name on its own line, then (after an optional 代章 line) the date."""
    lines = [(m.start(), m.group(0)) for m in re.finditer(r"[^\n]+", header)]
    lines = [(pos, line) for pos, line in lines if line.strip()]
    for index, (_, line) in enumerate(lines):
        date = _SIGN_DATE.match(_arabic_date(line))
        if not date:
            continue
        meta.issued = _iso(date)
        back = index - 1
        while back >= 0 and _STAMP.match(lines[back][1]):
            back -= 1
        # joint documents sign side by side on one line or on consecutive lines
        while back >= 0:
            names = _signer_names(lines[back][1])
            if not names or not all(_SIGNER.fullmatch(n) for n in names):
                break
            meta.issuers[:0] = names
            back -= 1
        meta.issuer_text = "、".join(meta.issuers) or None
        return


_INLINE_SIGNATURE = re.compile(
    r"。\s*(?P<signer>[^\s。,;:《》()]{2,38}?(?:办公厅|办公室|人民政府|委员会|局|厅|委|部|院))\s*"
    r"(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?!\s*印发)"  # …办公厅 2019年1月3日印发 is the print line
)


def _inline_signature(text: str, meta: Metadata) -> None:
    """The signature run into the last sentence of a notice whose line breaks are gone."""
    match = _INLINE_SIGNATURE.search(text)
    if match:
        meta.issuers = [match.group("signer")]
        meta.issuer_text = match.group("signer")
        meta.issued = f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}"


def _signer_names(line: str) -> list[str]:
    """The bodies signing on one line: side by side, separated by spaces (one or several)."""
    pieces = [n for n in re.split(r"[ \t\u3000]+", line.strip()) if n]
    if len(pieces) > 1 and all(_SIGNER.fullmatch(n) for n in pieces):
        return pieces
    return [_clean_line(n) for n in re.split(r"[ \t\u3000]{2,}", line.strip())]


def _iso(date: re.Match[str]) -> str:
    y, mo, d = int(date.group("y")), int(date.group("m") or date.group("m8")), date.group("d") or date.group("d8")
    return f"{y:04d}-{mo:02d}-{int(d):02d}" if d else f"{y:04d}-{mo:02d}"


_CN_DATE = re.compile(
    r"^(\s*)([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日"
)
_CN_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _arabic_date(line: str) -> str:
    """二〇一三年五月六日 → 2013年5月6日 (signatures of older documents are written in Chinese numerals)."""
    match = _CN_DATE.match(line)
    if not match:
        return line
    year = match.group(2).translate(_CN_YEAR_DIGITS)
    month, day = cn_number(match.group(3)), cn_number(match.group(4))
    return f"{match.group(1)}{year}年{month}月{day}日{line[match.end() :]}"


def _published(header: str) -> str | None:
    for line in header.splitlines()[:15]:
        if not _PUBLISHED_LABEL.search(line) and not re.match(r"^\s*\d{4}-\d{1,2}-\d{1,2}", line):
            continue
        match = _PUBLISHED.search(line)
        if match:
            return f"{int(match.group('y')):04d}-{int(match.group('m')):02d}-{int(match.group('d')):02d}"
    return None


def region_of_name(name: str, within: str | None = None) -> RegionRecord | None:
    """The region a body's or a title's name starts with (国家/全国 → the country); a name that several
    regions share (通州区) is the one inside `within` (a province id) when it is among them."""
    if name.startswith(("国家", "全国", "国务院", "中共中央", "中华人民共和国")):
        return COUNTRY
    stripped = re.sub(r"^(?:\d{4}年度?|中共)", "", name)
    if stripped.startswith(("国家", "全国", "国务院", "中华人民共和国")):
        return COUNTRY
    found = gazetteer().longest_prefix_match(stripped, within)
    if not found:
        return None
    size, region = found
    # 重庆市渝北区…: a unit named right after its parent is the deeper jurisdiction
    while True:
        deeper = gazetteer().longest_prefix_match(stripped[size:], within=region.id)
        if not deeper or not any(a.id == region.id for a in gazetteer().ancestors(deeper[1].id)[1:]):
            return region
        size, region = size + deeper[0], deeper[1]


_PROVINCE_NAMES = re.compile(
    "|".join(sorted((r.name for r in gazetteer().by_id.values() if r.level == "province"), key=len, reverse=True))
)


def _named_province(text: str) -> str | None:
    """The province named most often in the text's opening (to tell 通州区 of 南通 from 通州区 of 北京)."""
    counts: dict[str, int] = {}
    for match in _PROVINCE_NAMES.finditer(text[:3000]):
        counts[match.group(0)] = counts.get(match.group(0), 0) + 1
    if not counts:
        return None
    region = gazetteer().resolve(max(counts, key=lambda name: counts[name]))
    return region.id if region else None


# The one-character names provinces code their documents' numbers with (苏政发, 桂知规字, 川知领办).
_PROVINCE_CODES = {
    "京": "北京市", "津": "天津市", "冀": "河北省", "晋": "山西省", "蒙": "内蒙古自治区", "辽": "辽宁省",
    "吉": "吉林省", "黑": "黑龙江省", "沪": "上海市", "苏": "江苏省", "浙": "浙江省", "皖": "安徽省",
    "闽": "福建省", "赣": "江西省", "鲁": "山东省", "豫": "河南省", "鄂": "湖北省", "湘": "湖南省",
    "粤": "广东省", "桂": "广西壮族自治区", "琼": "海南省", "渝": "重庆市", "川": "四川省", "黔": "贵州省",
    "滇": "云南省", "云": "云南省", "藏": "西藏自治区", "陕": "陕西省", "甘": "甘肃省", "青": "青海省",
    "宁": "宁夏回族自治区", "新": "新疆维吾尔自治区",
}  # fmt: skip


def _province_of_number(number: str) -> RegionRecord | None:
    """The province a provincial body's document number names by its one-character code (the last
    resort of a page that says nothing else of its jurisdiction)."""
    name = _PROVINCE_CODES.get(number[:1])
    return gazetteer().resolve(name) if name else None


def _jurisdiction(text: str, meta: Metadata) -> None:
    within = _named_province(text)
    names = meta.issuers[:1] or ([meta.issuer_hint] if meta.issuer_hint else [])
    region = region_of_name(names[0], within) if names else None
    if region is None:
        for title in [meta.title or "", *meta.alt_titles]:
            region = region_of_name(title, within) or region_of_name(re.sub(r"^.*?关于印发", "", title), within)
            if region:
                break
    if region is None and names and names[0].startswith(("省", "自治区")) and within:
        region = gazetteer().by_id[within]  # 省政府, 自治区知识产权局: the province the text names most
    if region is None:
        region = inferred_jurisdiction(text)  # a text without its header: who it speaks for, from how it names
    if region is None and len(_NATIONAL_HINT.findall(text)) >= 2:
        region = COUNTRY
    if region is None and meta.doc_number:
        region = _province_of_number(meta.doc_number)  # 桂知规字〔2016〕167号: a number coded by its province
    if region is not None:
        meta.region = region
        meta.level = LEVEL_OF_REGION[region.level]


# How a text names its own area: 全省 / 我省 / 本市 (and its bodies: 省科技厅, 市科技局).
_OWN_AREA = re.compile(r"(?:全|我|本)(?P<w>省|市|县|区)(?![\u4e00-\u9fff]{0,2}(?:长|委书记))")
_OWN_BODY_MIN = 5  # this many relative names, and twice any other level's, before a level is read off them


@lru_cache(maxsize=1)
def _relative_bodies() -> re.Pattern[str]:
    aliases = sorted((a for a in alias_table().local if len(a) >= 2), key=len, reverse=True)
    return re.compile(r"(?P<w>省|自治区|市|县|区)(?:" + "|".join(map(re.escape, aliases)) + ")")


def _own_level(text: str) -> str | None:
    """The level a headerless text speaks at: the level word its own bodies and area carry most
    (省工业和信息化厅 ×29, 全省 ×12 → provincial), when that is clear."""
    votes: dict[str, int] = {}
    for match in _relative_bodies().finditer(text):
        window = text[max(0, match.start("w") - 11) : match.end("w")]
        if gazetteer().longest_suffix_match(window) is not None:
            continue  # 山东省科技厅, 济南市科技局: a named body, not the text's own
        level = _LEVEL_OF_WORD[match.group("w")]
        votes[level] = votes.get(level, 0) + 1
    for match in _OWN_AREA.finditer(text):
        level = _LEVEL_OF_WORD[match.group("w")]
        votes[level] = votes.get(level, 0) + 1
    ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < _OWN_BODY_MIN or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return ranked[0][0]


_LEVEL_OF_WORD = {"省": "province", "自治区": "province", "市": "city", "县": "county", "区": "county"}


def inferred_jurisdiction(text: str) -> RegionRecord | None:
    """The region of a text that names neither issuer nor title: the level its own bodies carry
    (省科技厅, 全省), and the region of that level its place names point to most — a province by its
    name and its cities' (济南, 青岛 → 山东省), a city by its name (科创济南, 济南市 → 济南市).
    None when either is unclear."""
    level = _own_level(text)
    if level is None:
        return None
    gaz = gazetteer()
    votes: dict[str, int] = {}
    for mention in _place_mentions(text):
        chain = [r for r in gaz.ancestors(mention.id) if r.level == level]
        if chain:
            votes[chain[0].id] = votes.get(chain[0].id, 0) + 1
    ranked = sorted(votes.items(), key=lambda kv: kv[1], reverse=True)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[0][1] < 2 * ranked[1][1]):
        return None
    return gaz.by_id[ranked[0][0]]


def _place_mentions(text: str) -> list[RegionRecord]:
    """Regions named in full (济南市) or by a city's or province's short name (济南, 山东)."""
    found = [m.region for m in find_region_mentions(text)]
    gaz = gazetteer()
    for match in _city_short_names().finditer(text):
        ids = [i for i in gaz.short_names.get(match.group(0), []) if gaz.by_id[i].level == "city"]
        if len(ids) == 1 and text[match.end() : match.end() + 1] not in {"市", "州", "盟", "地"}:
            found.append(gaz.by_id[ids[0]])  # 济南市 is counted once, as a full name
    return found


@lru_cache(maxsize=1)
def _city_short_names() -> re.Pattern[str]:
    gaz = gazetteer()
    names = {
        short
        for short, ids in gaz.short_names.items()
        if len(short) >= 2
        and any(gaz.by_id[i].level == "city" for i in ids)
        and not any(gaz.by_id[i].level == "province" for i in ids)
    }
    return re.compile("|".join(sorted(names, key=len, reverse=True)))


_LAW_DATE = re.compile(r"^\s*(?P<y>(?:19|20)\d{2})年(?P<m>\d{1,2})月(?P<d>\d{1,2})日(?P<rest>.*)$", re.MULTILINE)
_LAW_ISSUERS = (
    ("人民代表大会常务委员会", "全国人民代表大会常务委员会"),
    ("人民代表大会", "全国人民代表大会"),
    ("国务院", "国务院"),
    ("最高人民法院", "最高人民法院"),
    ("最高人民检察院", "最高人民检察院"),
)


def is_law_markdown(text: str) -> bool:
    """The reference-law format: `# <full title>` first, promulgation history before `<!-- INFO END -->`."""
    return text.lstrip().startswith("# ") and "<!-- INFO END -->" in text[:5000]


def read_law_metadata(text: str) -> Metadata:
    """A law, regulation or judicial interpretation: its title line, the body that made it, the date of
    its latest adoption or amendment (施行 dates are when it takes effect, not when it was issued)."""
    meta = Metadata()
    first = text.lstrip().splitlines()[0]
    meta.title = normalize_title(first.lstrip("# ").strip())
    header = text[: text.find("<!-- INFO END -->")]
    dates = [m for m in _LAW_DATE.finditer(header) if "施行" not in m.group("rest")]
    if dates:
        latest = max(dates, key=lambda m: (int(m.group("y")), int(m.group("m")), int(m.group("d"))))
        meta.issued = f"{int(latest.group('y')):04d}-{int(latest.group('m')):02d}-{int(latest.group('d')):02d}"
        meta.year = int(latest.group("y"))
        for marker, issuer in _LAW_ISSUERS:
            if marker in latest.group("rest"):
                meta.issuer_text = issuer
                meta.issuers = [issuer]
                break
    meta.region = COUNTRY
    meta.level = "national"
    meta.header_end = len(header)
    return meta
