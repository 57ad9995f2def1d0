"""ingest/citations.py: document numbers, title normalisation and keys, cited titles and numbers.

Sentences are copied from data/samples/*.txt and normalised first, as the pipeline does.
"""

from __future__ import annotations

import hashlib

import pytest

from core.numbers import find_doc_numbers
from core.records import SourceText
from core.text import normalize_title, title_key
from ingest.citations import Citation, find_citations
from ingest.extract import extract
from ingest.normalize import normalize
from tests.samples import quote, sample


def numbers(text: str) -> list[str]:
    return [number.value for number in find_doc_numbers(text)]


def cited(text: str, own_titles: tuple[str, ...] = (), own_numbers: tuple[str, ...] = ()) -> list[Citation]:
    return find_citations(text, {title_key(t) for t in own_titles}, set(own_numbers))


# 000's notice: a cited notice with its number in brackets, then the plan's own title.
NOTICE_000 = quote(
    "000",
    "根据《国家知识产权局关于印发<2014年全国专利事业发展战略推进计划>的通知》(国知发管字〔2014〕2号)要求,"
    "结合我省专利事业发展战略推进实际,我局研究制定了《浙江省2014年专利事业发展战略推进工作组织实施方案》,",
)
# 003, 三/(八)/1: three titles, each followed by its number, all governed by 贯彻落实.
LIST_003 = quote(
    "003",
    "1.工作目標:貫徹落實《知識産權人才“十三五”規劃》(國知發人字〔2017〕12號)"
    "《落實〈知識産權人才“十三五”規劃〉2018年度工作計劃》(國知辦發人字〔2018〕14號)"
    "《全國專利信息領軍人才和師資人才培養與使用指南》(國知辦發辦字〔2013〕30號),",
)


def test_doc_number_with_hexagonal_brackets() -> None:
    assert numbers(quote("003", "國知辦函辦字〔2018〕384號")) == ["国知办函办字〔2018〕384号"]


def test_doc_number_with_square_brackets() -> None:
    text = quote(
        "004", "落实《关于加快建设知识产权强市的指导意见》(国知发管字[2016]86号),评定首批国家知识产权强市创建市"
    )
    assert numbers(text) == ["国知发管字〔2016〕86号"]


def test_doc_number_with_round_brackets() -> None:
    # 004's 国发[2016]55号 as other copies print it, with round brackets.
    text = "按照《国务院关于加快“互联网+政务服务”工作的指导意见》(国发(2016)55号)文件精神"
    assert numbers(text) == ["国发〔2016〕55号"]


def test_doc_number_with_lost_opening_bracket_after_normalize() -> None:
    assert numbers(quote("002", "知戰辦發2020〕3號")) == ["知战办发〔2020〕3号"]


def test_doc_number_span_and_year() -> None:
    text = quote(
        "004", "落实《关于加快建设知识产权强市的指导意见》(国知发管字[2016]86号),评定首批国家知识产权强市创建市"
    )
    (number,) = find_doc_numbers(text)
    assert text[number.start : number.end] == "国知发管字[2016]86号"
    assert number.year == 2016


def test_doc_number_code_stops_at_the_bracket_before_it() -> None:
    text = quote(
        "001",
        "根据国家知识产权局《国家知识产权强县工程试点、示范县(区)评定管理办法》(国知发管字〔2012〕133号)精神",
    )
    assert numbers(text) == ["国知发管字〔2012〕133号"]


def test_doc_number_labelled_in_a_page_header() -> None:
    assert numbers(quote("001", "文号: 靖政办发〔2017〕130号")) == ["靖政办发〔2017〕130号"]


@pytest.mark.parametrize(
    ("prefix", "passage"),
    [
        ("002", "發展年度工作指引(2020)》"),
        ("002", "制定實施2020-2021年全省知識產權保護行動計劃"),
        ("000", "0571-87054812"),
        ("001", "索引号: 014437529/2018-05838"),
    ],
)
def test_years_and_phone_numbers_are_not_doc_numbers(prefix: str, passage: str) -> None:
    assert numbers(quote(prefix, passage)) == []


def test_normalize_title_removes_inner_angle_brackets() -> None:
    assert (
        normalize_title("关于印发<2014年全国专利事业发展战略推进计划>的通知")
        == "关于印发2014年全国专利事业发展战略推进计划的通知"
    )


def test_normalize_title_converts_traditional_and_removes_inner_title_marks() -> None:
    title = "落實〈知識産權人才“十三五”規劃〉2018年度工作計劃"
    assert title in sample("003")
    assert normalize_title(title) == "落实知识产权人才“十三五”规划2018年度工作计划"


def test_normalize_title_joins_a_title_broken_across_lines() -> None:
    title = "推動知識產權高質量\n\n發展年度工作指引(2020)"
    assert title in sample("002")
    assert normalize_title(title) == "推动知识产权高质量发展年度工作指引(2020)"


def test_normalize_title_uses_ascii_brackets() -> None:
    assert normalize_title("國家知識產權強縣工程試點、示範縣（區）評定管理辦法") == (
        "国家知识产权强县工程试点、示范县(区)评定管理办法"
    )


def test_title_key_lets_full_and_short_law_names_meet() -> None:
    assert title_key("中华人民共和国专利法") == title_key("专利法")


def test_title_key_ignores_title_marks() -> None:
    assert title_key("《专利法》") == title_key("专利法")


def test_title_key_ignores_script() -> None:
    assert title_key("關於印發2018年度全國專利信息傳播利用工作計劃的通知") == title_key(
        "关于印发2018年度全国专利信息传播利用工作计划的通知"
    )


def test_title_and_following_number_are_one_citation() -> None:
    first = cited(NOTICE_000)[0]
    assert first.title == "国家知识产权局关于印发2014年全国专利事业发展战略推进计划的通知"
    assert first.doc_number == "国知发管字〔2014〕2号"
    assert NOTICE_000[first.start : first.end].endswith("(国知发管字〔2014〕2号")


def test_number_after_a_title_is_not_cited_again_on_its_own() -> None:
    assert [c.doc_number for c in cited(NOTICE_000)].count("国知发管字〔2014〕2号") == 1
    assert all(c.title is not None for c in cited(NOTICE_000))


def test_citation_after_genju_implements() -> None:
    assert cited(NOTICE_000)[0].implements is True


def test_own_title_is_excluded() -> None:
    titles = [c.title for c in cited(NOTICE_000, own_titles=("浙江省2014年专利事业发展战略推进工作组织实施方案",))]
    assert titles == ["国家知识产权局关于印发2014年全国专利事业发展战略推进计划的通知"]


def test_own_title_is_cited_when_not_excluded() -> None:
    titles = [c.title for c in cited(NOTICE_000)]
    assert "浙江省2014年专利事业发展战略推进工作组织实施方案" in titles


def test_own_number_is_excluded() -> None:
    text = normalize(sample("001"))
    found = cited(text, own_numbers=("靖政办发〔2017〕130号",))
    assert "靖政办发〔2017〕130号" not in [c.doc_number for c in found]
    assert ("国家知识产权强县工程试点、示范县(区)评定管理办法", "国知发管字〔2012〕133号") in [
        (c.title, c.doc_number) for c in found
    ]


def test_each_title_in_a_list_gets_its_own_number() -> None:
    assert [(c.title, c.doc_number) for c in cited(LIST_003)] == [
        ("知识产权人才“十三五”规划", "国知发人字〔2017〕12号"),
        ("落实知识产权人才“十三五”规划2018年度工作计划", "国知办发人字〔2018〕14号"),
        ("全国专利信息领军人才和师资人才培养与使用指南", "国知办发办字〔2013〕30号"),
    ]


def test_implements_covers_every_title_governed_by_the_verb() -> None:
    assert [c.implements for c in cited(LIST_003)] == [True, True, True]


def test_citation_after_guanche_luoshi_implements() -> None:
    text = quote("002", "5.貫徹落實中辦、國辦《關于強化知識產權保護的意見》,研究制定我省貫徹實施意見")
    (citation,) = cited(text)
    assert citation.title == "关于强化知识产权保护的意见"
    assert citation.implements is True


def test_citation_with_square_bracket_number_after_anzhao_implements() -> None:
    text = quote("004", "按照《国务院关于加快“互联网+政务服务”工作的指导意见》(国发[2016]55号)文件精神")
    (citation,) = cited(text)
    assert citation.title == "国务院关于加快“互联网+政务服务”工作的指导意见"
    assert citation.doc_number == "国发〔2016〕55号"
    assert citation.implements is True


def test_citation_to_be_revised_does_not_implement() -> None:
    text = quote("002", "37.修訂《甘肅省專利資助資金管理辦法》,優化專利資助政策")
    (citation,) = cited(text)
    assert citation.title == "甘肃省专利资助资金管理办法"
    assert citation.implements is False


def test_title_broken_across_lines_is_one_citation() -> None:
    text = quote("002", "44.貫徹落實國家知識產權局關于《推動知識產權高質量\n\n發展年度工作指引(2020)》的工作部署")
    assert [(c.title, c.doc_number) for c in cited(text)] == [("推动知识产权高质量发展年度工作指引(2020)", None)]


def test_quoted_campaign_names_are_not_citations() -> None:
    text = quote("002", "14.落實“雙打”工作責任,健全“雙打”工作機制")
    assert cited(text) == []
    text = quote("002", "開展“劍網 2020”專項行動")
    assert cited(text) == []


def test_a_work_the_plan_will_produce_is_not_a_citation() -> None:
    text = quote("003", "編制《全國專利信息傳播利用2018》,促進經驗共享和計劃溝通")
    assert cited(text) == []


def test_laws_to_be_revised_are_cited_but_not_implemented() -> None:
    text = quote(
        "004",
        "按照《中共中央 国务院关于完善产权保护制度依法保护产权的意见》“完善知识产权保护制度”要求,"
        "加快推进《专利法》、《专利代理条例》和《职务发明条例》的立法修法进程。",
    )
    assert [(c.title, c.implements) for c in cited(text)] == [
        ("中共中央国务院关于完善产权保护制度依法保护产权的意见", True),
        ("专利法", False),
        ("专利代理条例", False),
        ("职务发明条例", False),
    ]


# --- own references and short names ----------------------------------------------------------------


def _cited(text: str, own: set[str] | None = None) -> list[tuple[str | None, str | None]]:
    return [(c.title, c.doc_number) for c in find_citations(normalize(text), own or set(), set())]


def test_a_short_name_cites_the_title_it_abbreviates() -> None:
    text = "深入实施《知识产权强国建设纲要(2021—2035年)》(以下简称《纲要》)。\n(一)落实《纲要》部署,推进《纲要》任务。"
    assert _cited(text) == [("知识产权强国建设纲要(2021—2035年)", None)] * 3


def test_a_bare_kind_refers_back_to_the_last_title_of_that_kind() -> None:
    text = "根据《某某省人民政府关于加强知识产权保护的意见》,结合实际。\n1.按照《意见》要求开展执法。"
    assert _cited(text) == [("某某省人民政府关于加强知识产权保护的意见", None)] * 2


def test_a_bare_kind_with_nothing_to_refer_to_is_not_a_citation() -> None:
    assert _cited("1.各地要按照《实施方案》要求抓好落实。") == []


def test_the_documents_own_short_name_is_not_a_citation() -> None:
    own = {title_key("某某市知识产权强市建设实施方案")}
    text = "现将《某某市知识产权强市建设实施方案》(以下简称《方案》)印发给你们。\n一、《方案》的目标"
    assert _cited(text, own) == []


def test_attachments_are_not_citations() -> None:
    assert _cited("附件:1.《2021年重点任务分工表》\n2.《联系人回执》\n") == []


def test_the_plan_heading_a_notice_prints_is_not_a_citation() -> None:
    page = (
        "各有关单位:\n《某某市专利质押融资工作方案》已经市政府同意,现印发给你们。\n\n"
        "某某市专利质押融资工作方案\n一、工作目标\n(一)扩大质押融资规模。(市知识产权局负责)\n"
    )
    source = SourceText("p.txt", page, hashlib.sha256(page.encode()).hexdigest(), "utf-8", "txt")
    assert [r for r in extract(source).regulations] == []
