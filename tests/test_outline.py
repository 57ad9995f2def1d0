"""ingest/outline.py: numbered items → measure paths, table headers, Chinese numerals, body end.

Excerpts are cut from data/samples/*.txt and normalised first, as the pipeline does.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ingest.normalize import normalize
from ingest.outline import OutlineItem, body_end, cn_number, find_table_header, innermost, parse_outline
from tests.samples import sample, sample_path

REPO = Path(__file__).resolve().parent.parent
SAMPLES = REPO / "data" / "samples"
GOLD = REPO / "tests" / "gold"


def excerpt(prefix: str, begin: str, stop: str | None = None) -> str:
    """The normalised sample text from `begin` up to (not including) `stop`."""
    text = sample(prefix)
    start = text.index(begin)
    end = text.index(stop, start) if stop else len(text)
    return normalize(text[start:end])


def paths(items: list[OutlineItem]) -> list[str]:
    return [item.path for item in items]


def by_path(items: list[OutlineItem]) -> dict[str, OutlineItem]:
    return {item.path: item for item in items}


# 000: the notice's plan heading, the flattened table's header and its first three rows.
TABLE_000 = excerpt("000", "浙江省2014年专利事业发展战略推进工作组织实施方案\n\n工作措施", "(四)专利运用支撑体系建设")
# 002: section 一 and the start of 二; tasks are numbered 1…80 across every (一)/(二), some without a dot.
GLOBAL_002 = excerpt("002", "一、深化知識產權領域改革", "14.落實")


@pytest.mark.parametrize(
    ("numeral", "value"), [("一", 1), ("九", 9), ("十", 10), ("十二", 12), ("二十", 20), ("二十一", 21)]
)
def test_cn_number(numeral: str, value: int) -> None:
    assert cn_number(numeral) == value


def test_find_table_header_returns_the_position_after_the_last_column_name() -> None:
    position = find_table_header(TABLE_000)
    assert position is not None
    assert TABLE_000[:position].endswith("负责部门")
    assert TABLE_000[position:].lstrip().startswith("(一)完善专利法规政策")


def test_find_table_header_of_a_single_line_table() -> None:
    text = normalize(sample("004")[:600])
    position = find_table_header(text)
    assert position is not None
    assert text[:position] == "工作任务任务目标落实举措执行部门(单位)完成时间"


@pytest.mark.parametrize("prefix", ["001", "002", "003"])
def test_find_table_header_is_none_for_a_normal_document(prefix: str) -> None:
    # 003 names 工作内容、进度安排 in a sentence of 四/(四): two column names are not a header.
    assert find_table_header(normalize(sample(prefix))) is None


@pytest.mark.parametrize(
    ("prefix", "last_words", "footer"),
    [
        ("000", "省局负责,地方局及代理机构配合", "分享到"),
        ("001", "及有关部门目标考核体系", "靖政办发〔2017〕130号.doc"),
        ("003", "报专利局专利文献部", "【我要纠错】"),
    ],
)
def test_body_end_stops_before_the_page_footer(prefix: str, last_words: str, footer: str) -> None:
    text = normalize(sample(prefix))
    end = body_end(text)
    assert last_words in text[:end]
    assert footer not in text[:end]
    assert footer in text[end:]


def test_body_end_without_footer_is_the_end_of_text() -> None:
    assert body_end(GLOBAL_002) == len(GLOBAL_002)


def test_dotless_numbers_and_global_numbering_across_sections_in_002() -> None:
    assert paths(parse_outline(GLOBAL_002)) == [
        "一",
        "一/(一)",
        "一/(一)/1",
        "一/(一)/2",
        "一/(一)/3",
        "一/(二)",
        "一/(二)/4",
        "一/(二)/5",
        "一/(二)/6",
        "一/(二)/7",
        "一/(二)/8",
        "一/(三)",
        "一/(三)/9",
        "一/(三)/10",
        "一/(三)/11",
        "一/(三)/12",
        "二",
        "二/(一)",
        "二/(一)/13",
    ]


def test_dotless_number_item_text_starts_after_the_number() -> None:
    items = by_path(parse_outline(GLOBAL_002))
    assert items["一/(三)/11"].heading.startswith("开展专利商标代理行业专项整治")
    assert items["二/(一)/13"].heading.startswith("加快推进中国(甘肃)知识产权保护中心建设")
    assert GLOBAL_002[items["二/(一)/13"].start : items["二/(一)/13"].text_start] == "13"


def test_dotless_items_carry_their_own_role_clause() -> None:
    items = by_path(parse_outline(GLOBAL_002))
    item = items["一/(三)/11"]
    assert GLOBAL_002[item.text_start : item.end].rstrip().endswith("(省市场监管局负责)")


def test_flattened_table_rows_give_row_and_numbered_item() -> None:
    assert paths(parse_outline(TABLE_000)) == [
        "(一)",
        "(一)/1",
        "(二)",
        "(二)/2",
        "(三)",
        "(三)/3",
        "(三)/3/1",
        "(三)/3/2",
        "(三)/3/3",
    ]


def test_flattened_table_header_names_are_not_measures() -> None:
    headings = [item.heading for item in parse_outline(TABLE_000)]
    assert not any(h in {"工作措施", "工作目标", "具体内容", "进度安排", "负责部门"} for h in headings)
    assert parse_outline(TABLE_000)[0].start == TABLE_000.index("(一)完善专利法规政策")


def test_table_row_headings() -> None:
    items = by_path(parse_outline(TABLE_000))
    assert items["(一)"].heading == "完善专利法规政策"
    assert items["(一)/1"].heading == "加强专利政策体系顶层设计"
    assert items["(三)/3"].heading == "大力提升专利申请质量"


def test_sub_items_numbered_again_from_one_belong_to_the_row() -> None:
    items = by_path(parse_outline(TABLE_000))
    for path in ("(三)/3/1", "(三)/3/2", "(三)/3/3"):
        assert items[path].unit_path == "(三)/3"
        assert items[path].parent_path == "(三)/3"


def test_row_items_are_their_own_unit() -> None:
    items = by_path(parse_outline(TABLE_000))
    assert items["(一)/1"].unit_path == "(一)/1"
    assert items["(三)/3"].unit_path == "(三)/3"


def test_row_schedule_falls_inside_the_row_item() -> None:
    items = parse_outline(TABLE_000)
    found = innermost(items, TABLE_000.index("第三、四季度,争取正式出台"))
    assert found is not None and found.path == "(一)/1"


def test_innermost_before_the_first_item_is_none() -> None:
    items = parse_outline(TABLE_000)
    assert innermost(items, TABLE_000.index("工作措施")) is None


def test_quarter_list_is_not_a_top_level_item() -> None:
    # 000, row (二十一): `第一、二、三季度,结合…` must not open items 一、/二、.
    text = normalize(sample("000"))
    items = parse_outline(text)
    assert all(item.kind != "cn" for item in items)
    found = innermost(items, text.index("第一、二、三季度"))
    assert found is not None and found.path == "(二十一)/21"


def test_inline_enumeration_in_a_sentence_is_not_an_item() -> None:
    # 003, 三/(二): `3.执行单位:(1)综合能力培育工作:…(2)特色能力培育工作:…` is one sentence.
    text = excerpt("003", "(二)繼續開展省份傳播利用能力培育", "(三)促進專利文獻服務網點作用發揮")
    assert paths(parse_outline(text)) == [
        "(二)",
        "(二)/1",
        "(二)/2",
        "(二)/2/(1)",
        "(二)/2/(2)",
        "(二)/3",
        "(二)/4",
    ]


def test_inline_enumeration_after_a_colon_is_not_an_item() -> None:
    # 003, 三/(八)/4: `4.工作支持:(1)根据…;(2)面向…;(3)结合…;(4)面向…`.
    text = excerpt("003", "(八)持續為專利信息人才培養", "(九)開展全國專利信息傳播利用")
    assert paths(parse_outline(text)) == ["(八)", "(八)/1", "(八)/2", "(八)/3", "(八)/4"]


def test_single_line_table_of_004() -> None:
    text = normalize(sample("004")[:600])
    assert "\n" not in text
    assert paths(parse_outline(text)) == ["一", "一/(一)", "一/(一)/1", "一/(一)/2"]


def test_single_line_table_item_headings() -> None:
    items = by_path(parse_outline(normalize(sample("004")[:600])))
    assert items["一"].heading.startswith("“专利制度创新”主体任务")
    assert items["一/(一)/1"].heading == "推动制定与知识产权强国建设配套的专利政策"
    assert items["一/(一)/2"].heading == "完善专利权保护制度"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_parse_outline_gives_the_gold_measure_paths(prefix: str) -> None:
    gold = json.loads((GOLD / f"{sample_path(prefix).stem}.json").read_text(encoding="utf-8"))
    expected = [measure["path"] for measure in gold["measures"]]
    assert paths(parse_outline(normalize(sample(prefix)))) == expected


def test_an_item_that_opens_with_a_year() -> None:
    text = normalize("一、优化服务\n1.提升效率。\n2.2020年底前实现全程网办。\n3.精简材料。\n")
    assert [item.path for item in parse_outline(text)] == ["一", "一/1", "一/2", "一/3"]
    assert normalize("增长2.5%") and [item.path for item in parse_outline(normalize("一、目标\n增长2.5倍\n"))] == ["一"]
