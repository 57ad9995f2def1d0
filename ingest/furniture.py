"""Web-page furniture: what portals and mirror sites put around a policy text.

Two kinds, both found line by line in the analysis text:
- the portal's metadata block (`发布机构: …  文号: …  成文日期: …`, `[发文字号] …`, a bullet list of labels
  with their values on the next line): read into `PortalFields` — a portal's 成文日期 is the signature
  date, its 发布日期 the publication date, its 名称 the title — and then blanked;
- chrome: breadcrumbs (`当前位置:首页 > 政策资讯 >`), search boxes, font-size switches, share, print
  and close buttons, view counters, login prompts, hotlines, site footers, menus of short links, the
  page's <title> repeated with the site's name. Blanked.
Blanking keeps every character's offset (spaces for the line's characters), so evidence found later
still points into the original text; the steps after this one never see the furniture.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# Portal field labels, the longest first; a value follows on the same line or, in bullet lists, on the next.
_FIELD_LABELS = (
    "联合发文单位",
    "发文机关",
    "发文机构",
    "发布机构",
    "发文单位",
    "发布单位",
    "颁布部门",
    "颁布日期",
    "成文日期",
    "发文日期",
    "生成日期",
    "发布日期",
    "发布时间",
    "实施日期",
    "生效日期",
    "废止日期",
    "发文字号",
    "文件编号",
    "文号",
    "文件名称",
    "名称",
    "标题",
    "索引号",
    "主题分类",
    "体裁分类",
    "组配分类",
    "分类",
    "服务对象",
    "有效性",
    "是否有效",
    "效力状态",
    "时效性",
    "信息分类",
    "公开形式",
    "公开时限",
    "公开方式",
    "公开范围",
    "文件来源",
    "信息来源",
    "来源",
    "浏览次数",
    "时间",
)
# Labels distinctive enough to stand alone on a line, their value on the next (bullet-list blocks).
_BLOCK_LABELS = {"索引号", "发文字号", "文号", "发布日期", "成文日期", "主题分类", "体裁分类", "服务对象", "发布机构",
                 "发文机关", "发文机构", "有效性", "公开形式", "实施日期", "废止日期"}  # fmt: skip
# Portals space a label's characters out to align them (索 引 号, 名  称).
_LABEL = "|".join("[ \t\u3000]*".join(label) for label in _FIELD_LABELS)
# A label where a field starts: at a line start (after bullets or numbering), after spaces, or in brackets.
_FIELD = re.compile(
    rf"(?:^|(?<=[ \t\u3000•·]))[ \t•·]*(?:\d{{1,2}}\.[ \t]*)?"
    rf"(?:[\[【](?P<bracketed>{_LABEL})[\]】][ \t]*:?|(?P<label>{_LABEL})[ \t]*(?P<colon>:|\|)?)",
    re.MULTILINE,
)
_TITLE_LIKE = re.compile(r"关于|(?:通知|方案|计划|规划|意见|要点)\s*$")
_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})")

# Chrome lines (matched against a whole line, stripped; only lines short enough to be page furniture).
_CHROME = re.compile(
    r"^(?:.*(?:当前位置|所在位置|所在的位置|您的位置|您现在的位置|现在位置)\s*[:>].*"
    r"|[>»›].*"
    r"|.*(?:首页|主页)\s*(?:>|>>|»|/|›).*"
    r"|.{0,30}(?:首页|主页)\s+\S.*"  # EHS中国 法规首页 惠州市人民政府关于…: a breadcrumb without arrows
    r"|(?:站内搜索|全站搜索|请输入[^,。]{0,20}|高级检索|搜索)\s*[:]?"
    r"|.{0,12}(?:字号|字体)\s*[:]?\s*[【\[(]?\s*(?:[大中小默认]\s*)*[】\])]?.{0,6}"
    r"|(?:【?\s*(?:打印|关闭|关闭窗口|收藏|分享到?|扫一扫|返回顶部|打印本页|关闭本页|大|中|小)\s*:?\s*】?\s*[|/]?\s*)+"
    r"|.*(?:浏览次数|访问量|点击数|阅读量|阅读次数|浏览量)\s*:.{0,20}"
    r"|(?:[\[【]?\s*(?:登录|注册|退出|退出登录|用户名|密码|忘记密码|个人中心)\s*[\]】|/]?\s*)+"
    r"|.{0,20}(?:服务热线|咨询热线|举报电话|政务服务热线|监督电话)\s*[:]?\s*[\d\-—() ]{3,}.{0,20}"
    r"|.*(?:网站标识码|ICP备|公网安备|京ICP|版权所有|Copyright|技术支持\s*[:]|网站地图|联系我们|主办单位\s*[:]|承办单位\s*[:]).*"
    r"|.{4,80}_\s*[\u4e00-\u9fff]{2,16}(?:网|网站|门户|平台|查询)"
    r"|.{0,20}(?:欢迎访问|欢迎光临|欢迎您访问|欢迎来到).{0,40}(?:网|网站|门户|平台)[!!。]?.{0,20}"
    # a document library's notices around the text it sells (温馨提示: 1.本文档由用户上传…)
    r"|(?:\d{1,2}[.、])?\s*.{0,20}(?:本文档由用户上传|本站资源|本站不支持|下载前请仔细阅读|下载文档时|下载后的文档|"
    r"部分包含数学公式|预览文档|文档内容仅供参考|资源格式|资源大小|下载积分|全文页数|如果标题没有明确说明|"
    r"侵权请联系|可能会被浏览器默认打开).*"
    r"|(?:温馨提示|友情提示|快捷下载|会员登录下载|微信登录下载|三方登录下载:?|微信扫一扫登录|资源ID:\d+)"
    # a list of other stories: a headline cut short and its date (青海省海西州开展…2020-07-15)
    r"|(?:[-*]\s*)?.{2,60}?(?:\.{2,}|…+)\s*[\[(]?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}[\])]?"
    r")$"
)
_CHROME_MAX = 120  # a longer line is text, whatever it contains
# A menu of links: three or more short items separated by spaces or bars, with a portal word among them.
_MENU_ITEM = re.compile(r"[\u4e00-\u9fff]{2,8}")
_MENU_WORDS = ("首页", "政务公开", "办事服务", "互动交流", "新闻中心", "政策法规", "信息公开", "网上办事", "公众参与")


@dataclass
class PortalFields:
    """What a portal's metadata block says, as written (values Simplified; empty when absent)."""

    title: str | None = None
    doc_number: str | None = None
    issuers: list[str] = field(default_factory=list)
    issued: str | None = None
    published: str | None = None
    spans: list[tuple[int, int]] = field(default_factory=list)  # the block's lines, to blank


def _iso(value: str) -> str | None:
    match = _DATE.search(value)
    if not match:
        return None
    return f"{int(match['y']):04d}-{int(match['m']):02d}-{int(match['d']):02d}"


def _line_span(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


def read_portal_fields(text: str, limit: int = 4000) -> PortalFields:
    """The labelled fields of a portal page's metadata block, in the first `limit` characters: `label:
    value` (several on a line), `[label] value`, or a bullet list of labels alone on their lines with
    the values on the next lines."""
    found = PortalFields()
    head = text[:limit]
    matches = [m for m in _FIELD.finditer(head) if _is_field(head, m)]
    alone = [m for m in matches if m.group("label") and not m.group("colon") and _alone_on_line(head, m)]
    block = len(alone) >= 2  # one lone label is a table's column or a heading, a run of them a block
    values: dict[str, str] = {}
    for index, match in enumerate(matches):
        label = re.sub(r"[ \t\u3000]", "", match.group("bracketed") or match.group("label"))
        line_start, line_end = _line_span(head, match.start())
        value_end = line_end
        if index + 1 < len(matches) and matches[index + 1].start() < line_end:
            value_end = matches[index + 1].start()
        value = head[match.end() : value_end]
        spans = [(line_start, line_end)]
        if match in alone:
            if not block or label not in _BLOCK_LABELS:
                continue
            next_start = line_end + 1
            next_end = _line_span(head, next_start)[1] if next_start < len(head) else next_start
            candidate = head[next_start:next_end]
            value_like = len(candidate.strip()) <= 40 and not _TITLE_LIKE.search(candidate)
            if candidate.strip(" \t•·") and value_like and not any(m.start() == next_start for m in matches):
                value = candidate
                spans.append((next_start, next_end))
        values.setdefault(label, value.split("|")[0].strip(" \t\u3000•·-"))
        found.spans.extend(spans)
    _fill(found, values)
    return found


def _is_field(head: str, match: re.Match[str]) -> bool:
    """A label with its separator (`发布机构:`, `[发文字号]`), or alone on its line (a bullet list)."""
    if match.group("bracketed") or match.group("colon"):
        line_start, line_end = _line_span(head, match.start())
        return line_end - line_start <= _CHROME_MAX * 2 or match.start() - line_start < 4
    return _alone_on_line(head, match)


def _alone_on_line(head: str, match: re.Match[str]) -> bool:
    line_start, line_end = _line_span(head, match.start())
    rest = head[line_start:line_end].replace(match.group("label") or "", "")
    return not rest.strip(" \t\u3000•·0123456789.")


def _fill(found: PortalFields, values: dict[str, str]) -> None:
    for label in ("名称", "标题", "文件名称"):
        if values.get(label) and len(values[label]) >= 6:
            found.title = values[label]
            break
    for label in ("发文字号", "文号", "文件编号"):
        if values.get(label):
            found.doc_number = values[label]
            break
    for label in ("发文机关", "发文机构", "发文单位", "发布机构", "发布单位", "颁布部门"):
        names = [n for n in re.split(r"[、,;\s]+", values.get(label, "")) if n and ":" not in n]
        if names:
            found.issuers = names
            break
    if values.get("联合发文单位"):
        found.issuers += [n for n in re.split(r"[、,;\s]+", values["联合发文单位"]) if n]
    for label in ("成文日期", "发文日期", "生成日期", "颁布日期"):
        if values.get(label) and _iso(values[label]):
            found.issued = _iso(values[label])
            break
    for label in ("发布日期", "发布时间", "时间"):
        if values.get(label) and _iso(values[label]):
            found.published = _iso(values[label])
            break


def chrome_spans(text: str) -> list[tuple[int, int]]:
    """The spans of the lines that are page chrome (breadcrumbs, buttons, counters, footers, menus)."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        stripped = line.strip(" \t\u3000•·")
        if stripped and len(stripped) <= _CHROME_MAX and (_CHROME.match(stripped) or _is_menu(stripped)):
            spans.append((pos, end))
        pos = end + 1
    return spans


def _is_menu(line: str) -> bool:
    items = [item for item in re.split(r"[ \t\u3000|｜/]+", line) if item]
    return (
        len(items) >= 3
        and all(_MENU_ITEM.fullmatch(item) for item in items)
        and any(item in _MENU_WORDS for item in items)
    )


def blank(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with the characters of `spans` replaced by spaces (line breaks kept)."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        for index in range(start, min(end, len(chars))):
            if chars[index] != "\n":
                chars[index] = " "
    return "".join(chars)
