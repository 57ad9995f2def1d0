"""Agency mentions → canonical agencies, resolved in the document's context.

The alias table is data (`data/agencies.json`); this module only knows the rules for reading it:
- national aliases name one body everywhere (国办 → 国务院办公厅), the one of the document's year
  (质检总局 in 2016 → 国家质量监督检验检疫总局); a bare short form that also names a local kind
  (知识产权局) is the national body only in a national document;
- local aliases need a prefix: a level word (省/市/县/区, the document's own jurisdiction at that
  level) or a region name (杭州市局, 甘肃省市场监管局); the bare 局 means a body of the issuer's
  kind (省局 in a provincial IP office's plan → that province's 知识产权局);
- 我局 is the issuer (its parent bureau when the issuer is the bureau's 办公室);
- 局内：X司 are internal departments of the bureau that owns them (PART_OF);
- generic holders (各成员单位, 地方局) stay as written, scoped to the document's region.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from core.ids import agency_id, generic_agency_id
from core.records import AgencyRecord, RegionRecord
from core.regions import COUNTRY, MUNICIPALITIES, county_short_names, gazetteer, official_name, short_name
from core.schema import LEVEL_OF_REGION

TABLE_PATH = Path(__file__).resolve().parent.parent / "data" / "agencies.json"

# Words that end the names of bodies that can own a task.
ORG_SUFFIX = re.compile(
    r"(?:局|厅|委|办|委员会|办公室|办公厅|政府|院|中心|基地|部|会|协会|学会|学院|大学|所|队|领导小组|小组|处|司|室|站|"
    r"署|海关|银行|分行|支行|法院|检察院|公司|集团|联盟|机构|单位|部门)$"
)
# Holders that name a set of bodies: 各镇(办事处), 各地级以上市, 市属各开发区管委会, 联席会议各成员单位.
GENERIC_NAME = re.compile(
    r"(?![^各]*各[^要应须需将加]*[要应须需将]|.*加强)[\u4e00-\u9fff]{0,8}各(?!项|类)[\u4e00-\u9fff()、]{1,16}"
)
# A department named right after its body (国家知识产权局条法司, 省市场监管局知识产权处).
_SUB_UNIT = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:司|处|室|稽查局|分局)(?![\u4e00-\u9fff]{0,1}(?:长|员))")
# Department names too common to be read outside a 局内 list (every body has an 办公室).
_NOT_BARE = {"办公室", "专利局", "局办公室"}
# A national body's short form without these (旅游局, 统计局) may be a local body of the same kind.
_NATIONAL_MARKS = ("国家", "国务院", "中国", "中华", "全国", "中央", "中共中央", "最高")
_LEVEL_WORDS = {"省": "province", "市": "city", "县": "county", "区": "county", "州": "city"}


@dataclass(frozen=True)
class Period:
    """A national body's name over the years it was used: [start, end), None for open."""

    name: str
    start: int | None
    end: int | None

    def holds(self, year: int) -> bool:
        return (self.start is None or self.start <= year) and (self.end is None or year < self.end)


def in_year(periods: tuple[Period, ...], year: int | None) -> str:
    """The name of the body that existed in `year`; the current one when the year is unknown."""
    if year is not None:
        for period in periods:
            if period.holds(year):
                return period.name
    return next((p.name for p in periods if p.end is None), periods[-1].name)


@dataclass(frozen=True)
class AliasTable:
    national: dict[str, tuple[Period, ...]]  # alias → the bodies it named, by period
    national_bare: dict[str, tuple[Period, ...]]  # short forms that are national only in national documents
    national_names: frozenset[str]
    national_parent: dict[str, str]
    departments: dict[str, str]  # department short name → owning bureau
    local: dict[str, tuple[str, tuple[str, ...]]]  # alias → (template, allowed levels)
    kinds: dict[str, str]  # kind (知识产权局) → template
    generic: tuple[str, ...]
    pattern: re.Pattern[str]
    prefix_rewrites: tuple[tuple[str, str], ...] = ()
    suffix_rewrites: tuple[tuple[str, str], ...] = ()


def _bracket_variants(name: str) -> list[str]:
    return [name, name.replace("(", "（").replace(")", "）")]


@lru_cache(maxsize=1)
def alias_table() -> AliasTable:
    data = json.loads(TABLE_PATH.read_text(encoding="utf-8"))
    national: dict[str, list[Period]] = {}
    bare: dict[str, list[Period]] = {}
    parents: dict[str, str] = {}
    for entry in data["national"]:
        period = Period(entry["name"], entry.get("from"), entry.get("until"))
        for alias in entry["aliases"]:
            national.setdefault(alias, []).append(period)
        for alias in entry.get("bare_in_national", ()):
            bare.setdefault(alias, []).append(period)
        if entry.get("parent"):
            parents[entry["name"]] = entry["parent"]
    departments = {dept: owner for owner, depts in data["departments_of"].items() for dept in depts}
    local: dict[str, tuple[str, tuple[str, ...]]] = {}
    kinds: dict[str, str] = {}
    for entry in data["local"]:
        levels = tuple(entry.get("levels", ()))
        for alias in entry["aliases"]:
            if alias in local and levels:
                # the same alias for several levels (法院): keep one entry per level
                local[f"{alias}@{'/'.join(levels)}"] = (entry["template"], levels)
            else:
                local[alias] = (entry["template"], levels)
        if "kind" in entry:
            kinds[entry["kind"]] = entry["template"]
    generic = tuple(data["generic"])
    bare_departments = {d for d in departments if len(d) >= 3 and d not in _NOT_BARE}
    surface = (
        set(national) | {a.split("@")[0] for a in local} | set(generic) | bare_departments
        | {"局", "我局", "本局", "局办公室"}
    )  # fmt: skip
    alternatives = sorted(surface, key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(a) for a in alternatives))
    rewrites = data.get("rewrites", {})
    names = frozenset(entry["name"] for entry in data["national"])
    return AliasTable(
        {a: tuple(p) for a, p in national.items()}, {a: tuple(p) for a, p in bare.items()}, names, parents,
        departments, local, kinds, generic, pattern,
        tuple(rewrites.get("prefix", {}).items()), tuple(rewrites.get("suffix", {}).items()),
    )  # fmt: skip


@dataclass
class Context:
    """What a mention needs to know about its document."""

    region: RegionRecord = field(default_factory=lambda: COUNTRY)
    issuer: str | None = None
    issuer_kind: str | None = None  # the local kind of the issuer (知识产权局), for the bare 局
    year: int | None = None  # bodies are named as they were in the document's year

    @property
    def bureau(self) -> str | None:
        """The bureau behind the issuer: 国家知识产权局 for 国家知识产权局办公室 (我局 means the bureau)."""
        name = self.issuer
        if name and name.endswith("办公室") and name[:-3].endswith("局"):
            return name[:-3]
        return name

    def region_at(self, level_word: str) -> RegionRecord | None:
        """省 → the document's province; 市 → the nearest city-named region (a county-level city calls
        itself 市); 县/区 → the document's county."""
        chain = gazetteer().ancestors(self.region.id)
        if level_word == "省":
            return next((r for r in chain if r.level == "province"), None)
        if level_word in {"市", "州"}:
            # a municipality (天津市) is its own 市: 市知识产权局 in a Tianjin plan is 天津市知识产权局
            named = (
                r for r in chain if r.name.endswith(level_word) and (r.level != "province" or r.name in MUNICIPALITIES)
            )
            return next(named, None) or next((r for r in chain if r.level == "city"), None)
        return next((r for r in chain if r.level == "county"), None)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    agency: AgencyRecord


@dataclass
class AgencyRegistry:
    """The agencies of one document, by canonical id (so one mention style → one node)."""

    by_id: dict[str, AgencyRecord] = field(default_factory=dict)

    def get(self, record: AgencyRecord, alias: str | None = None) -> AgencyRecord:
        existing = self.by_id.setdefault(record.id, record)
        if alias and alias != existing.name and alias not in existing.aliases:
            existing.aliases.append(alias)
        return existing


def make_agency(name: str, region: RegionRecord | None, parent: str | None = None) -> AgencyRecord:
    level = LEVEL_OF_REGION.get(region.level) if region else None
    return AgencyRecord(
        id=agency_id(name),
        name=name,
        aliases=[],
        level=level,
        region=region.name if region else None,
        parent_id=agency_id(parent) if parent else None,
        region_id=region.id if region else None,
    )


def generic_agency(name: str, context: Context) -> AgencyRecord:
    name = name.replace("（", "(").replace("）", ")")
    return AgencyRecord(
        id=generic_agency_id(context.region.name, name),
        name=name,
        aliases=[],
        level=None,
        region=context.region.name,
        generic=True,
        region_id=context.region.id,
    )


def local_kind(name: str) -> str | None:
    """The local kind a canonical name belongs to (浙江省知识产权局 → 知识产权局)."""
    table = alias_table()
    for kind in sorted(table.kinds, key=len, reverse=True):
        if name.endswith(kind):
            return kind
    return None


def _prefix_region(text: str, start: int, context: Context) -> tuple[int, RegionRecord] | None:
    """A region written right before `start`: a region name, a short county name, or a level word."""
    window = text[max(0, start - 12) : start]
    province = gazetteer().province_of(context.region.id)
    within = province.id if province else None
    found = gazetteer().longest_suffix_match(window, within)
    if found:
        return found
    counties = county_short_names()
    for size in range(min(len(window), 6), 1, -1):
        ids = counties.get(window[-size:])
        if ids:
            inside = [i for i in ids if within and any(a.id == within for a in gazetteer().ancestors(i))]
            if inside or not within:
                return size, gazetteer().by_id[(inside or ids)[0]]
    if window.endswith("自治区"):  # 自治区知识产权局 in a Guangxi plan: the province-level region
        region = context.region_at("省")
        return (3, region) if region else None
    if window and window[-1] in _LEVEL_WORDS:
        region = context.region_at(window[-1])
        if region:
            return 1, region
    return None


@lru_cache(maxsize=1)
def _local_entries() -> dict[str, list[tuple[str, tuple[str, ...]]]]:
    """alias → its local entries, the plain one first, then the per-level ones (法院@county …)."""
    entries: dict[str, list[tuple[str, tuple[str, ...]]]] = {}
    for key, entry in alias_table().local.items():
        entries.setdefault(key.split("@")[0], []).append(entry)
    return entries


def resolve_local(alias: str, region: RegionRecord) -> str | None:
    for template, levels in _local_entries().get(alias, ()):
        if levels and region.level not in levels:
            continue
        return template.format(region=official_name(region), short=short_name(region))
    return None


def _local_mention(text: str, alias: str, start: int, end: int, context: Context) -> tuple[int, AgencyRecord] | None:
    """A local body: its alias after a region or level word (杭州市局, 省市场监管局) → (its start, the body).
    Written bare in a national document, a short form that also names a national body is that body."""
    table = alias_table()
    prefix = _prefix_region(text, start, context)
    if prefix is None:
        if alias in table.national_bare and context.region.level == "country":
            return start, make_agency(in_year(table.national_bare[alias], context.year), COUNTRY)
        return None
    size, region = prefix
    if alias == "局":
        if not context.issuer_kind or text[end : end + 1] in {"长", "领", "务"}:
            return None
        template = table.kinds.get(context.issuer_kind)
        name = template.format(region=official_name(region), short=short_name(region)) if template else None
    else:
        name = resolve_local(alias, region)
    if name is None:
        return None
    return start - size, make_agency(name, region)


def find_mentions(text: str, context: Context, registry: AgencyRegistry) -> list[Mention]:
    """Every agency mention in `text` (normalised analysis text), left to right, non-overlapping."""
    table = alias_table()
    mentions: list[Mention] = []
    for match in table.pattern.finditer(text):
        alias = match.group(0)
        start, end = match.span()
        record: AgencyRecord | None = None
        if alias in table.national:
            if not alias.startswith(_NATIONAL_MARKS) and _prefix_region(text, start, context) is not None:
                continue  # 婺源县旅游局: a local body of the same kind, kept by name by the role step
            name = in_year(table.national[alias], context.year)
            parent = table.national_parent.get(name)
            record = make_agency(name, COUNTRY, parent)
        elif alias in {"我局", "本局"}:
            if context.bureau:
                record = make_agency(context.bureau, context.region)
        elif alias == "局办公室":
            if context.bureau and context.bureau.endswith("局"):
                record = make_agency(context.bureau + "办公室", context.region, context.bureau)
        elif alias in table.departments and alias not in table.local:
            owner = table.departments[alias]
            if context.bureau != owner:
                continue  # 公共服务司 is a department of its bureau only in that bureau's documents
            record = make_agency(owner + alias, COUNTRY if owner in table.national_names else context.region, owner)
        elif alias in table.generic:
            record = generic_agency(alias, context)
        else:
            local = _local_mention(text, alias, start, end, context)
            if local is None:
                continue
            start, record = local
        if record is None:
            continue
        if mentions and start < mentions[-1].end:
            continue
        unit = _SUB_UNIT.match(text, end)
        if unit and not record.generic:
            # 国家知识产权局条法司, 市场监管总局执法稽查局: a department of the body just named
            parent = registry.get(record)
            end = unit.end()
            record = make_agency(
                parent.name + unit.group(0), COUNTRY if parent.level == "national" else context.region, parent.name
            )
        agency = registry.get(record, text[start:end] if text[start:end] != record.name else None)
        mentions.append(Mention(start, end, agency))
    return mentions


_INTERNAL = re.compile(r"局内:(?P<list>[^:]*?)(?=省份:|局内:|$|\s{2,}|[\u4e00-\u9fff]{2}:)")


def find_internal_departments(
    text: str, start: int, end: int, context: Context, registry: AgencyRegistry
) -> list[Mention]:
    """`局内:条法司、管理司` cells → the owning bureau's departments (the bureau is the issuer when
    the issuer is a bureau, else the owner the alias table gives)."""
    table = alias_table()
    found: list[Mention] = []
    for match in _INTERNAL.finditer(text, start, end):
        offset = match.start("list")
        for part in re.finditer(r"[^、,]+", match.group("list")):
            name = part.group(0).strip()
            if name.startswith("局") and len(name) > 2:
                name = name[1:]  # 局办公室: the bureau's own office
            if not name:
                continue
            owner = table.departments.get(name)
            if context.issuer and context.issuer.endswith("局") and owner is None:
                owner = context.issuer
            if owner is None:
                continue
            parent = registry.get(make_agency(owner, COUNTRY if owner in table.national_names else context.region))
            dept = make_agency(owner + name, COUNTRY if parent.level == "national" else context.region, owner)
            found.append(Mention(offset + part.start(), offset + part.end(), registry.get(dept, name)))
    return found


_LEADING_VERB = re.compile(r"^(?:充分)?(?:发挥|依托|通过)")


def _party_name(name: str) -> str:
    """A party committee's body under its official name: 山东省委组织部 → 中共山东省委组织部."""
    if name.startswith("中共"):
        return name
    found = gazetteer().longest_prefix_match(name)
    if found and name[found[0] : found[0] + 1] == "委" and len(name) > found[0] + 2:
        return "中共" + name
    return name


def unknown_agency(name: str, context: Context, registry: AgencyRegistry) -> AgencyRecord | None:
    """A body the table does not know, named in a role clause: keep its name (its level word
    replaced by the document's region: 市创建…领导小组 → 靖江市创建…领导小组), completed by the table's
    rewrites (人民银行… → 中国人民银行…, …管委会 → …管理委员会)."""
    table = alias_table()
    name = name.strip(" ,、").replace("（", "(").replace("）", ")")
    name = re.sub(r"等(?:部门|单位|机构)?$", "", name)  # 福州海关等部门: the body is 福州海关
    name = _LEADING_VERB.sub("", name)  # 发挥省委科技委员会(牵头抓总作用): the body after the verb
    if GENERIC_NAME.fullmatch(name):
        return registry.get(generic_agency(name, context))  # 各镇(办事处), 市属各开发区管委会: generic holders
    name = re.sub(r"\([^()]{2,12}\)$", "", name)  # 中心(信息传播利用基地): a designation, not the name
    owner = table.departments.get(name)
    if owner and owner == context.bureau:
        return registry.get(make_agency(owner + name, context.region, owner))  # 办公室 beside 公共服务司
    if not (2 <= len(name) <= 40) or not ORG_SUFFIX.search(name):
        return None
    for old, new in table.prefix_rewrites:
        if name.startswith(old):
            name = new + name[len(old) :]
    national = table.pattern.match(name)
    if national and national.group(0) in table.national and national.end() < len(name):
        # 金融监管总局山东监管局: the national body's unit, under the body's full name
        name = in_year(table.national[national.group(0)], context.year) + name[national.end() :]
    for old, new in table.suffix_rewrites:
        if name.endswith(old):
            name = name[: -len(old)] + new
    region = context.region
    own_words = name.startswith(("市场", "省份", "县域", "区域")) or name[1:2] in {"属", "级", "直"}
    if name[0] in _LEVEL_WORDS and not own_words:
        level_region = context.region_at(name[0])
        if level_region is not None:
            region = level_region
            name = official_name(level_region) + name[1:]
    name = _party_name(name)
    if name.startswith(("有关", "相关", "其他")):
        return registry.get(generic_agency(name, context))
    return registry.get(make_agency(name, region), None)
