"""A deterministic synthetic corpus of policy documents for the benchmarks.

    python bench/make_corpus.py --docs N --out DIR [--seed S]

The documents are built from the structure and the sentences of the real samples in
`data/samples/`: the same five layouts (a notice with an index block and an outline, like 001; a
《…》印发 headline with a flattened task table, like 000; a leading group's notice with a 代章 line and
global numbering, like 002; a gov.cn national notice, like 003; a header-less table flattened into a
single line with 局内 departments, like 004), the same outline markers (一、 (一) 1. ①), role clauses
(…负责, …牵头,…配合, 由多个部门负责的… rule), deadlines, targets and tables, and sentences taken
from the samples' own measures.

What varies, so that the graph grows the way a real corpus does:
- jurisdiction: provinces, cities and counties drawn from the gazetteer (`core.regions`);
- years (2010–2024) and document numbers (`代字〔YYYY〕N号`, with the brackets real documents use:
  〔〕 [] () and a lost opening bracket); the normalised number is unique per document;
- agencies: local kinds from `data/agencies.json` written with level words (省市场监管局) and with other
  regions' names (杭州市知识产权局), so new agencies keep appearing as N grows;
- regulations: a pool that grows with N (plus the real titles the samples cite), and citations of
  *other generated documents* by title and number, so citations cross documents;
- script: about a fifth of the documents are converted to Traditional (OpenCC s2t).

Same arguments → byte-identical files (every random choice comes from `random.Random` seeded with a
string; nothing depends on hash order or the clock). Prints the corpus size in MB.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

import opencc  # noqa: E402

from core.records import RegionRecord  # noqa: E402
from core.regions import gazetteer  # noqa: E402
from core.text import to_simplified  # noqa: E402

SAMPLES = REPO / "data" / "samples"
CN = "一二三四五六七八九十"

# ---------------------------------------------------------------------------------------------
# Material taken from the samples
# ---------------------------------------------------------------------------------------------

# Sentences that would create structure by themselves (markers, numbers, roles, dates, titles,
# the samples' own places) are left out: the generator adds those on purpose, varied.
_NOT_A_POOL_SENTENCE = re.compile(
    r"[一二三四五六七八九十]、|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、]|[①-⑳]|牵头|负责|配合|协助|〔|〕|\d{4}|"
    r"[《》<>〈〉]|局内|省份|@|http|联系|电话|邮|[:：]|浙江|甘肃|靖江|温州|宁波|杭州|桐庐|兰州|定西|陇南|江苏|泰州|"
    r"苏南|长江|扬子江|季度|半年|年底|月底|年内|全年|执行|由|我局|我省|我市|本局"
)


def sample_sentences() -> list[str]:
    """Sentences of the samples' measures (Simplified), sorted, without structure-making words."""
    found: set[str] = set()
    for path in sorted(SAMPLES.glob("*.txt")):
        text = to_simplified(path.read_text(encoding="utf-8"))
        for sentence in re.split(r"(?<=。)|\n|\s{2,}", text):
            sentence = re.sub(r"^[\d.、\s]+", "", sentence.strip())
            if 14 <= len(sentence) <= 160 and sentence.endswith("。") and not _NOT_A_POOL_SENTENCE.search(sentence):
                found.add(sentence)
    return sorted(found)


def sample_titles() -> tuple[list[str], list[str]]:
    """The titles the samples cite: (national ones, province templates with {R} for the place)."""
    national: set[str] = set()
    local: set[str] = set()
    for path in sorted(SAMPLES.glob("*.txt")):
        text = to_simplified(path.read_text(encoding="utf-8"))
        for match in re.finditer(r"《([^《》\n]{4,60})》", text):
            title = match.group(1)
            if re.search(r"\d{4}|<|〈|印发", title):
                continue
            if title.startswith(("浙江省", "甘肃省", "靖江市")):
                local.add("{R}" + title[3:])
            elif not re.search(r"浙江|甘肃|靖江", title):
                national.add(title)
    return sorted(national), sorted(local)


# Headings of sections, sub-sections and items (phrases of the samples' outlines).
SECTION_HEADINGS = [
    "指导思想和基本原则",
    "主要目标",
    "重点任务",
    "保障措施",
    "深化知识产权领域改革",
    "严格知识产权保护",
    "促进知识产权运用",
    "提升知识产权创造质量",
    "加强知识产权公共服务",
    "强化知识产权人才支撑",
    "推进专利信息传播利用",
    "加强组织领导",
    "营造良好发展环境",
    "推动知识产权开放合作",
]
SUB_HEADINGS = [
    "完善专利法规政策",
    "推进知识产权管理体制机制改革",
    "改革完善知识产权重大政策",
    "专利质量保障体系建设",
    "专利运用支撑体系建设",
    "专利行政执法体系建设",
    "专利行政管理体系建设",
    "专利信息服务体系建设",
    "加强知识产权行政执法",
    "完善知识产权维权援助体系",
    "培育知识产权优势企业",
    "推进知识产权金融服务",
    "加快知识产权服务业发展",
    "加强知识产权宣传培训",
    "优化人才培养",
    "完善体系建设和协调发展",
    "推动商标品牌建设",
    "加强地理标志保护",
    "开展专利导航工作",
    "健全知识产权统计监测",
]
ITEM_HEADINGS = [
    "加强专利政策体系顶层设计",
    "推动制定专利纲领性政策",
    "大力提升专利申请质量",
    "加强推进知识产权金融服务",
    "推进专利行政执法能力提升",
    "发挥知识产权维权援助平台作用",
    "推进电子商务领域专利执法维权工作",
    "优化专利行政管理职能",
    "规范各类专利管理项目和平台",
    "持续推进专利信息公共服务体系建设",
    "开展知识产权贯标工作",
    "组织实施专利导航项目",
    "建设产业专题专利数据库",
    "开展专利保险试点工作",
    "推进知识产权质押融资",
    "加强知识产权人才培训",
    "组织知识产权宣传周活动",
    "开展专利侵权假冒专项整治",
    "完善知识产权纠纷多元化解机制",
    "培育高价值专利",
    "推进商标注册便利化改革",
    "加强展会知识产权保护",
]
PLAN_THEMES = [
    "专利事业发展战略推进工作组织实施方案",
    "知识产权强县工程试点工作方案",
    "深入实施知识产权战略推进计划",
    "专利信息传播利用工作计划",
    "知识产权保护工作要点",
    "知识产权运用促进工作方案",
    "商标品牌战略实施方案",
    "知识产权人才培养工作计划",
    "专利导航产业发展工作方案",
    "知识产权强市建设推进计划",
    "知识产权公共服务体系建设方案",
    "知识产权质押融资工作实施方案",
    "打击侵犯知识产权和制售假冒伪劣商品工作要点",
    "知识产权试点示范工作实施方案",
    "知识产权综合管理改革试点工作方案",
    "地理标志保护工程实施方案",
    "高价值专利培育工作计划",
    "知识产权服务业发展工作方案",
    "知识产权宣传周活动方案",
    "知识产权战略纲要实施计划",
]
SECTORS = ["专利", "商标", "版权", "地理标志", "知识产权", "专利信息", "知识产权保护", "知识产权运用", "商业秘密"]
REG_TOPICS = [
    "专利专项资金管理办法",
    "知识产权优势企业认定和管理办法",
    "知识产权计划项目管理办法",
    "专利资助资金管理办法",
    "知识产权维权援助中心管理办法",
    "专利奖评选办法",
    "知识产权质押融资风险补偿管理办法",
    "商标品牌奖励办法",
    "知识产权示范企业认定办法",
    "专利侵权纠纷行政裁决工作规程",
    "知识产权服务机构管理办法",
    "关于加快建设知识产权强省的意见",
    "关于强化知识产权保护的实施意见",
    "关于进一步提升专利申请质量的若干意见",
    "关于加强知识产权人才体系建设的意见",
    "关于促进知识产权服务业发展的若干措施",
    "关于推进知识产权运营服务体系建设的实施意见",
    "知识产权促进条例",
    "专利保护条例",
    "知识产权保护和促进条例",
]
REG_KINDS = ["", "(试行)", "实施细则", "(修订)"]

# Aliases written after a level word (省…, 市…) or a region's name; they resolve with data/agencies.json.
PROVINCE_ALIASES = [
    "知识产权局",
    "市场监管局",
    "科技厅",
    "财政厅",
    "教育厅",
    "公安厅",
    "司法厅",
    "商务厅",
    "统计局",
    "文化和旅游厅",
    "卫生健康委",
    "人力资源社会保障厅",
    "工业和信息化厅",
    "农业农村厅",
    "生态环境厅",
    "林草局",
    "药监局",
    "广电局",
    "国资委",
    "发展改革委",
    "版权局",
    "高级人民法院",
    "人民检察院",
    "税务局",
    "委宣传部",
    "编办",
]
LOCAL_ALIASES = [
    "知识产权局",
    "市场监管局",
    "科技局",
    "财政局",
    "教育局",
    "公安局",
    "司法局",
    "商务局",
    "统计局",
    "发展改革委",
    "卫健委",
    "人民检察院",
    "税务局",
    "编办",
    "工商局",
    "版权局",
    "科技和知识产权局",
    "市场监督管理局",
]
ISSUER_KINDS = ["知识产权局", "市场监督管理局", "科学技术局", "人民政府办公室"]
NATIONAL_BODIES = [
    "国家知识产权局",
    "财政部",
    "科技部",
    "教育部",
    "商务部",
    "公安部",
    "工业和信息化部",
    "国家发展改革委",
    "人力资源社会保障部",
    "海关总署",
    "国家版权局",
    "国家市场监督管理总局",
    "最高人民法院",
]
NATIONAL_ISSUERS = ["国家知识产权局办公室", "国家知识产权局", "国家市场监督管理总局", "国务院办公厅"]
GENERIC_HOLDERS = ["各成员单位", "有关部门", "各有关单位"]
DEPARTMENTS = [
    "条法司",
    "协调司",
    "管理司",
    "规划司",
    "人事司",
    "国际司",
    "保护司",
    "运用司",
    "公共服务司",
    "专利文献部",
]
TARGET_PHRASES = [
    "新增发明专利授权{n}件以上",
    "培育知识产权优势企业{n}家",
    "举办知识产权培训班{n}期",
    "培训专业人才{n}名以上",
    "万人发明专利拥有量达{n}件",
    "专利实施转化率达到{p}%以上",
    "专利申请量增长{p}%以上",
    "建成专利数据库{n}个",
]
DEADLINES = [
    "{y}年{m}月底前完成",
    "第{q}季度完成",
    "上半年",
    "下半年",
    "年底前完成",
    "全年",
    "{y}年{m}月{d}日前报送",
    "{y}年{m}月至{m2}月",
    "年内有阶段性成果",
    "第{q}、{q2}季度",
]
_NOT_IN_CODE = set("和及与的见、")  # characters that end an issuer code when numbers are read back


@dataclass
class Regulation:
    title: str
    number: str | None


@dataclass
class Generated:
    plan_title: str
    number: str | None


class Places:
    """The gazetteer as lists by level, keeping only names that resolve back to themselves."""

    def __init__(self) -> None:
        gaz = gazetteer()
        ok = [r for r in gaz.by_id.values() if (back := gaz.resolve(r.name)) is not None and back.id == r.id]
        self.provinces = [r for r in ok if r.level == "province" and r.code not in {"71", "81", "82", "66"}]
        self.cities = [r for r in ok if r.level == "city"]
        self.counties = [r for r in ok if r.level == "county" and r.name[-1] in "县区市旗" and len(r.name) >= 3]
        self.children: dict[str, list[RegionRecord]] = {}
        for record in self.cities + self.counties:
            self.children.setdefault(record.parent_id or "", []).append(record)

    def province_of(self, region: RegionRecord) -> RegionRecord:
        found = gazetteer().province_of(region.id)
        return found or region

    def short(self, region: RegionRecord) -> str:
        for suffix in ("维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市", "县", "区", "旗"):
            if region.name.endswith(suffix) and len(region.name) - len(suffix) >= 2:
                return region.name[: -len(suffix)]
        return region.name

    def places_in(self, province: RegionRecord) -> list[RegionRecord]:
        out: list[RegionRecord] = []
        for city in self.children.get(province.id, []):
            out.append(city)
            out.extend(self.children.get(city.id, []))
        return out


class Corpus:
    def __init__(self, docs: int, seed: int) -> None:
        self.docs = docs
        self.seed = seed
        self.places = Places()
        self.sentences = sample_sentences()
        national_titles, local_templates = sample_titles()
        self.local_templates = local_templates
        self.s2t = opencc.OpenCC("s2t")
        self.used_numbers: set[str] = set()
        self.used_titles: set[str] = set()
        self.serial: dict[tuple[str, int], int] = {}
        self.generated: list[Generated] = []
        # The regulation pool grows with the corpus: the real national titles, then synthetic ones.
        self.regulations = [Regulation(t, None) for t in national_titles]
        pool_rng = random.Random(f"{seed}:regulations")
        for index in range(40 + docs // 4):
            self.regulations.append(self._regulation(pool_rng, index))

    # -- building blocks --------------------------------------------------------------------

    def _rng(self, *key: object) -> random.Random:
        return random.Random(":".join(str(k) for k in (self.seed, *key)))

    def _regulation(self, rng: random.Random, index: int) -> Regulation:
        if rng.random() < 0.3:
            place = "国务院" if rng.random() < 0.5 else "国家知识产权局"
            title = f"{place}{rng.choice(REG_TOPICS)}" if rng.random() < 0.5 else rng.choice(REG_TOPICS)
            code = rng.choice(["国发", "国办发", "国知发管字", "国知发保字", "国知发运字"])
        else:
            region = rng.choice(self.places.provinces + self.places.cities)
            if self.local_templates and rng.random() < 0.3:
                title = rng.choice(self.local_templates).replace("{R}", region.name)
            else:
                title = f"{region.name}{rng.choice(REG_TOPICS)}{rng.choice(REG_KINDS)}"
            code = self._code(region, rng.choice(["政发", "政办发", "政规", "人大常委会公告"]))
        year = rng.randint(2005, 2023)
        number = self._new_number(code, year, rng) if rng.random() < 0.7 else None
        if number is None:
            title = f"{title}({index + 1})" if title in {r.title for r in self.regulations} else title
        return Regulation(title, number)

    def _code(self, region: RegionRecord, tail: str) -> str:
        head = next((ch for ch in self.places.short(region) if ch not in _NOT_IN_CODE), "地")
        return head + tail

    def _new_number(self, code: str, year: int, rng: random.Random) -> str:
        """A document number whose normalised form (Simplified, 〔YYYY〕) no other document has."""
        while True:
            serial = self.serial.get((code, year), rng.randint(0, 20)) + rng.randint(1, 7)
            self.serial[(code, year)] = serial
            normal = f"{code}〔{year}〕{serial}号"
            if normal not in self.used_numbers:
                self.used_numbers.add(normal)
                return normal

    @staticmethod
    def _bracketed(number: str, rng: random.Random) -> str:
        """The brackets real documents use: mostly 〔〕, sometimes [] or (), rarely a lost opening one."""
        roll = rng.random()
        if roll < 0.75:
            return number
        if roll < 0.87:
            return number.replace("〔", "[").replace("〕", "]")
        if roll < 0.95:
            return number.replace("〔", "(").replace("〕", ")")
        return number.replace("〔", "")

    def _sentences(self, rng: random.Random, low: int, high: int) -> str:
        return "".join(rng.choice(self.sentences) for _ in range(rng.randint(low, high)))

    def _level_word(self, region: RegionRecord) -> str:
        if region.level == "province":
            return "省"
        if region.level == "city":
            return "州" if region.name.endswith("州") and not region.name.endswith("市") else "市"
        return region.name[-1] if region.name[-1] in "县区" else "市"

    def _agency(self, rng: random.Random, region: RegionRecord | None, issuer_kind: str | None) -> str:
        """One agency mention as a plan writes it, resolved by the extractor in the document's context."""
        if region is None:  # a national plan
            roll = rng.random()
            if roll < 0.6:
                return rng.choice(NATIONAL_BODIES)
            province = rng.choice(self.places.provinces)
            return province.name + rng.choice(["知识产权局", "市场监督管理局"])
        aliases = PROVINCE_ALIASES if region.level == "province" else LOCAL_ALIASES
        roll = rng.random()
        if roll < 0.45:
            return self._level_word(region) + rng.choice(aliases)
        if roll < 0.55 and issuer_kind in {"知识产权局", "市场监督管理局"}:
            return self._level_word(region) + "局"
        if roll < 0.85:  # another place of the same province: new agencies keep appearing
            places = self.places.places_in(self.places.province_of(region))
            if places:
                place = rng.choice(places)
                return place.name + rng.choice(LOCAL_ALIASES)
        if roll < 0.93:
            return rng.choice(NATIONAL_BODIES)
        return rng.choice(GENERIC_HOLDERS)

    def _roles(self, rng: random.Random, region: RegionRecord | None, kind: str | None, table: bool) -> str:
        def names(k: int) -> str:
            return "、".join(dict.fromkeys(self._agency(rng, region, kind) for _ in range(k)))

        roll = rng.random()
        if roll < 0.45:
            clause = f"{names(rng.randint(1, 3))}负责"
        elif roll < 0.8:
            clause = f"{names(1)}牵头,{names(rng.randint(1, 3))}配合"
        elif roll < 0.9:
            clause = f"{names(rng.randint(1, 2))}负责,{names(1)}协助"
        else:
            clause = "各成员单位按照职责分工负责"
        return clause if table else f"({clause})"

    def _deadline(self, rng: random.Random, year: int) -> str:
        month = rng.randint(1, 11)
        quarter = rng.randint(1, 3)
        return rng.choice(DEADLINES).format(
            y=year, m=month, m2=month + 1, d=rng.randint(1, 28), q="一二三四"[quarter - 1], q2="一二三四"[quarter]
        )

    def _target(self, rng: random.Random) -> str:
        return rng.choice(TARGET_PHRASES).format(n=rng.randint(2, 500), p=rng.randint(5, 90))

    def _citation(self, rng: random.Random, index: int) -> str:
        """A cited text: a pool regulation (popular ones more often), or an earlier generated plan."""
        if self.generated and rng.random() < 0.3:
            cited = self.generated[rng.randrange(len(self.generated))]
            if cited.number and rng.random() < 0.25:
                return f"({cited.number})"  # a bare number
            number = f"({cited.number})" if cited.number and rng.random() < 0.6 else ""
            return f"《{cited.plan_title}》{number}"
        # A skewed choice: a few regulations are cited by many documents (hubs), most by a few.
        position = int(len(self.regulations) * (rng.random() ** 2.2))
        regulation = self.regulations[min(position, len(self.regulations) - 1)]
        if regulation.number and rng.random() < 0.6:
            return f"《{regulation.title}》({self._bracketed(regulation.number, rng)})"
        return f"《{regulation.title}》"

    def _item_text(self, rng: random.Random, index: int, year: int, cite: float = 0.25) -> str:
        text = self._sentences(rng, 1, 3)
        if rng.random() < cite:
            verb = rng.choice(["贯彻落实", "根据", "按照", "落实", "参照"])
            text += f"{verb}{self._citation(rng, index)}要求,{self._sentences(rng, 1, 1)}"
        if rng.random() < 0.3:
            text = text[:-1] + f",{self._target(rng)}。"
        if rng.random() < 0.5:
            text += f"{self._deadline(rng, year)}。"
        return text

    def _unique_title(self, rng: random.Random, make: object) -> str:
        for attempt in range(50):
            title = make()  # type: ignore[operator]
            if attempt > 10:
                title += f"(第{CN[attempt % 9]}批)"
            if title not in self.used_titles:
                self.used_titles.add(title)
                return title
        raise RuntimeError("cannot make a unique title")

    def _preamble(self, rng: random.Random, index: int, region_short: str) -> str:
        first = self._citation(rng, index)
        second = self._citation(rng, index)
        body = self._sentences(rng, 1, 2)
        return f"为贯彻落实{first}精神,根据{second}要求,{body}结合{region_short}实际,特制定本方案。"

    # -- layouts ---------------------------------------------------------------------------

    def _outline(
        self,
        rng: random.Random,
        index: int,
        year: int,
        region: RegionRecord | None,
        kind: str | None,
        global_numbering: bool,
        full_width: bool,
    ) -> str:
        lines: list[str] = []
        number = 0
        sections = rng.randint(3, 6)
        for s in range(sections):
            lines.append(f"{CN[s]}、{rng.choice(SECTION_HEADINGS)}")
            for sub in range(rng.randint(2, 4)):
                marker = f"（{CN[sub]}）" if full_width else f"({CN[sub]})"
                lines.append(f"{marker}{rng.choice(SUB_HEADINGS)}")
                if not global_numbering:
                    number = 0
                for _ in range(rng.randint(1, 4)):
                    number += 1
                    text = self._item_text(rng, index, year)
                    roles = self._roles(rng, region, kind, table=False) if rng.random() < 0.8 else ""
                    if roles and text.endswith("。"):
                        text = text[:-1] + roles + "。" if rng.random() < 0.5 else text + roles
                    lines.append(f"{number}.{text}")
                    if rng.random() < 0.15:  # circled sub-points
                        for c in range(rng.randint(2, 3)):
                            lines.append(f"{'①②③'[c]}{self._sentences(rng, 1, 1)}")
        return "\n\n".join(lines)

    def _document(self, index: int) -> tuple[str, bool]:
        rng = self._rng("doc", index)
        layout = rng.choices(
            ["notice", "headline_table", "leading_group", "national", "long_line"], weights=[35, 25, 20, 12, 8]
        )[0]
        traditional = rng.random() < {"leading_group": 0.45, "national": 0.5}.get(layout, 0.1)
        year = rng.randint(2010, 2024)
        if layout in {"national", "long_line"}:
            text = self._national(rng, index, year) if layout == "national" else self._long_line(rng, index, year)
        else:
            level = rng.choices(["province", "city", "county"], weights=[35, 40, 25])[0]
            pool = {"province": self.places.provinces, "city": self.places.cities, "county": self.places.counties}
            region = rng.choice(pool[level])
            text = getattr(self, f"_{layout}")(rng, index, year, region)
        if traditional:
            text = self.s2t.convert(text)
        return text, traditional

    def _local_issuer(self, rng: random.Random, region: RegionRecord) -> tuple[str, str]:
        kind = rng.choice(ISSUER_KINDS)
        if kind == "人民政府办公室" and region.level == "province":
            kind = "人民政府办公厅"
        return region.name + kind, kind

    def _date(self, rng: random.Random, year: int) -> tuple[int, int, int]:
        return year, rng.randint(1, 12), rng.randint(1, 28)

    def _notice(self, rng: random.Random, index: int, year: int, region: RegionRecord) -> str:
        issuer, kind = self._local_issuer(rng, region)
        short = self.places.short(region)
        plan = self._unique_title(rng, lambda: f"{region.name}{year}年{rng.choice(PLAN_THEMES)}")
        number = self._new_number(self._code(region, rng.choice(["知发", "政办发", "市监发", "科发"])), year, rng)
        self.generated.append(Generated(plan, number))
        y, m, d = self._date(rng, year)
        head = [
            f"索引号: {rng.randint(10**8, 10**9 - 1):09d}/{y}-{rng.randint(1, 99999):05d} 主题分类: 科技、教育",
            f"发布单位: {short}{kind[:2]} 发文日期: {y}-{m:02d}-{d:02d}",
            f"文号: {self._bracketed(number, rng)}",
            f"{issuer}关于印发{plan}的通知",
            f"发布日期:{y}-{m:02d}-{d:02d} {rng.randint(8, 18)}:{rng.randint(0, 59):02d} 浏览次数: 字体:[ ]",
            "",
            f"各{'市' if region.level == 'province' else '镇'}人民政府,{self._level_word(region)}各有关部门、单位:",
            "",
            f"《{plan}》已经{self._level_word(region)}政府同意,现印发给你们,请结合实际,认真贯彻落实。",
            "",
            "",
            issuer,
            "",
            f"{y}年{m}月{d}日",
            "",
            "",
            plan,
            "",
            self._preamble(rng, index, f"{self._level_word(region)}" if rng.random() < 0.5 else short),
            "",
        ]
        body = self._outline(rng, index, year, region, kind, global_numbering=False, full_width=rng.random() < 0.4)
        tail = ["", "", f"{issuer}", f"{y}年{m}月{d}日"] if rng.random() < 0.2 else []
        return "\n".join(head) + body + "\n".join(tail) + "\n"

    def _headline_table(self, rng: random.Random, index: int, year: int, region: RegionRecord) -> str:
        issuer, kind = self._local_issuer(rng, region)
        plan = self._unique_title(rng, lambda: f"{region.name}{year}年{rng.choice(PLAN_THEMES)}")
        y, m, d = self._date(rng, year)
        number = None
        if rng.random() < 0.5:
            number = self._new_number(self._code(region, rng.choice(["知发", "知办发", "市监知发"])), year, rng)
        self.generated.append(Generated(plan, number))
        lines = [
            f"《{plan}》印发",
            "",
            f"发布日期:{y}-{m:02d}-{d:02d}    浏览次数:{rng.randint(1, 999)}",
            "",
            " ",
            "",
            f"各{'市' if region.level == 'province' else '县(市、区)'}知识产权局,各有关单位:",
            "",
            f"  根据{self._citation(rng, index)}要求,结合{self.places.short(region)}实际,我局研究制定了《{plan}》,"
            "请各单位根据方案分工要求和年度工作安排,切实抓好实施工作。",
            "",
        ]
        if number:
            lines += [self._bracketed(number, rng), ""]
        lines += [issuer, "", f"{y}年{m}月{d}日", "", " ", "", plan, ""]
        lines += ["工作措施", "", "工作目标", "", "具体内容", "", "进度安排", "", "负责部门", ""]
        for row in range(rng.randint(6, 14)):
            lines.append(f"({CN[row % 10]}){rng.choice(SUB_HEADINGS)}{row + 1}.{rng.choice(ITEM_HEADINGS)}")
            lines += ["", self._sentences(rng, 1, 2), ""]
            for sub in range(rng.randint(0, 3)):
                lines += [f"{sub + 1}.{self._item_text(rng, index, year, cite=0.3)}", ""]
            for _ in range(rng.randint(1, 2)):
                lines += [f"{self._deadline(rng, year)},{self._sentences(rng, 1, 1)}", ""]
            lines += [self._roles(rng, region, kind, table=True), ""]
        return "\n".join(lines) + "\n"

    def _leading_group(self, rng: random.Random, index: int, year: int, region: RegionRecord) -> str:
        group = f"{region.name}知识产权战略实施工作领导小组办公室"
        agency = f"{region.name}市场监督管理局"
        plan = self._unique_title(rng, lambda: f"{year}年{region.name}{rng.choice(PLAN_THEMES)}")
        number = self._new_number(self._code(region, "知战办发"), year, rng)
        self.generated.append(Generated(plan, number))
        y, m, d = self._date(rng, year)
        lines = [
            f"{group}关于印发《{plan}》的通知",
            "",
            f"发布日期:{y}-{m:02d}-{d:02d} 阅读:{rng.randint(1, 9999)} 来源:{agency}",
            "",
            self._bracketed(number, rng),
            "",
            "",
            f"{self._level_word(region)}知识产权战略实施工作领导小组成员单位:",
            "",
            f"为全面贯彻落实{self._citation(rng, index)}精神,{self._sentences(rng, 1, 2)}现将《{plan}》印发给你们,"
            "请认真贯彻落实执行。",
            "",
            "",
            group,
            "",
            f"({agency}代章)",
            "",
            f"         {y}年{m}月{d}",
            "",
            "",
            plan,
            "",
            f"为深入实施知识产权战略,{self._sentences(rng, 1, 1)}特制定本计划。"
            "由多个部门负责的,列第一位的部门为牵头部门,其他为配合部门。",
            "",
        ]
        body = self._outline(rng, index, year, region, "市场监督管理局", global_numbering=True, full_width=False)
        return "\n".join(lines) + body + "\n"

    def _national(self, rng: random.Random, index: int, year: int) -> str:
        issuer = rng.choice(NATIONAL_ISSUERS)
        plan = self._unique_title(rng, lambda: f"{year}年度全国{rng.choice(SECTORS)}{rng.choice(PLAN_THEMES)}")
        code = rng.choice(["国知办函", "国知办发", "国知发", "国市监知", "国办函"])
        number = self._new_number(code + rng.choice(["", "管字", "办字", "运字"]), year, rng)
        self.generated.append(Generated(plan, number))
        y, m, d = self._date(rng, year)
        lines = [
            "EN",
            "https://www.gov.cn/",
            "",
            f"关于印发{plan}的通知",
            "",
            f"{y}-{m:02d}-{d:02d} {rng.randint(8, 18)}:{rng.randint(0, 59):02d} 来源: 知识产权局网站",
            "字号: 默认 超大 | 打印 |",
            "",
            f"关于印发{plan}的通知",
            self._bracketed(number, rng),
            "",
            "各省、自治区、直辖市、新疆生产建设兵团知识产权局:",
            "",
            f"为进一步贯彻实施{self._citation(rng, index)},{self._sentences(rng, 1, 1)}"
            f"现将{plan}印发。请抓好贯彻落实。",
            "",
            "特此通知。",
            "",
            issuer,
            f"{y}年{m}月{d}日",
            "",
            plan,
            "",
            self._preamble(rng, index, "工作"),
            "",
        ]
        body = self._outline(rng, index, year, None, None, global_numbering=False, full_width=rng.random() < 0.5)
        provinces = rng.sample(self.places.provinces[:31], 3)
        executors = "、".join(self.places.short(p) for p in provinces)
        extra = f"{self._sentences(rng, 1, 1)[:-1]},由{executors}执行。" if rng.random() < 0.3 else ""
        return "\n".join(lines) + body + extra + "\n"

    def _long_line(self, rng: random.Random, index: int, year: int) -> str:
        parts = ["工作任务任务目标落实举措执行部门(单位)完成时间"]
        number = 0
        for s in range(rng.randint(2, 4)):
            parts.append(f"{CN[s]}、“{rng.choice(SECTION_HEADINGS)}”主体任务")
            for sub in range(rng.randint(1, 3)):
                parts.append(f"({CN[sub]}){rng.choice(SUB_HEADINGS)}{self._sentences(rng, 1, 1)} ")
                for _ in range(rng.randint(1, 4)):
                    number += 1
                    depts = "、".join(rng.sample(DEPARTMENTS, rng.randint(1, 2)))
                    provinces = rng.choice(["强省试点省、一类省份必做,其他省份选做", "强省试点省必做", "各省份必做"])
                    heading = rng.choice(ITEM_HEADINGS)
                    body = self._item_text(rng, index, year, cite=0.4)
                    extra = self._sentences(rng, 1, 1)
                    when = rng.choice(["年内完成", "年内有阶段性成果", "全年"])
                    parts.append(f"{number}.{heading}。{body} {extra}局内:{depts}省份:{provinces}{when} ")
        return "".join(parts) + "\n"

    # -- output ----------------------------------------------------------------------------

    def write(self, out: Path) -> tuple[int, int, int]:
        """Write every document; returns (files, bytes, characters)."""
        out.mkdir(parents=True, exist_ok=True)
        total_bytes = total_chars = 0
        for index in range(self.docs):
            text, traditional = self._document(index)
            data = text.encode("utf-8")
            digest = hashlib.sha1(data).hexdigest()[:12]
            (out / f"{index:05d}_{'hant' if traditional else 'hans'}_{digest}.txt").write_bytes(data)
            total_bytes += len(data)
            total_chars += len(text)
        return self.docs, total_bytes, total_chars


def make_corpus(docs: int, out: Path, seed: int = 0) -> tuple[int, int, int]:
    """Generate `docs` documents into `out` (which should be empty); returns (files, bytes, characters)."""
    return Corpus(docs, seed).write(Path(out))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python bench/make_corpus.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, required=True, help="number of documents")
    parser.add_argument("--out", type=Path, required=True, help="output folder (created; should be empty)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed → byte-identical files)")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        print(f"error: {args.out} is not empty", file=sys.stderr)
        return 2
    files, size, chars = make_corpus(args.docs, args.out, args.seed)
    print(
        f"{files} documents in {args.out}: {size / 1e6:.2f} MB ({size:,} bytes UTF-8), "
        f"{chars / 1e6:.2f} M characters, {size / max(files, 1) / 1e3:.1f} KB per document (seed {args.seed})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
