"""Policy pages as the open web serves them: portal metadata blocks, chrome around the text, mirror
noise, titles and issuers in the header instead of a signature. One test per kind of sentence, on
examples written for the test (not copied from any page)."""

from __future__ import annotations

import hashlib

import pytest

from core.records import SourceText
from ingest.extract import extract
from ingest.furniture import blank, chrome_spans, read_portal_fields
from ingest.metadata import read_metadata
from ingest.normalize import normalize

BODY = "一、总体要求\n(一)加强专利保护。(市知识产权局负责)\n(二)推进质押融资。(市金融局负责)\n"


def _extract(text: str, name: str = "page.txt") -> tuple:
    source = SourceText(name, text, hashlib.sha256(text.encode()).hexdigest(), "utf-8", "txt")
    result = extract(source)
    return result.document, result


def _blanked(text: str) -> str:
    analysis = normalize(text)
    return blank(analysis, read_portal_fields(analysis).spans + chrome_spans(analysis))


# --- portal metadata blocks --------------------------------------------------------------------


def test_a_portal_block_with_several_fields_on_a_line() -> None:
    text = normalize(
        "索引号: 11370700/2021-00077 分类: 科技\n发布机构: 某某县人民政府 文号: 某政发〔2021〕9号\n"
        "成文日期: 2021-03-02 发布日期: 2021-03-05 有效性: 有效\n名称: 某某县人民政府关于印发某某工作方案的通知\n"
    )
    fields = read_portal_fields(text)
    assert fields.doc_number == "某政发〔2021〕9号" and fields.issuers == ["某某县人民政府"]
    assert (fields.issued, fields.published) == ("2021-03-02", "2021-03-05")
    assert fields.title == "某某县人民政府关于印发某某工作方案的通知"
    assert not blank(text, fields.spans).strip()  # the whole block is furniture


def test_a_bracketed_numbered_portal_block_is_not_an_outline() -> None:
    page = (
        "1. [主题分类] 知识产权\n2. [发文机构] 某某市知识产权局\n3. [成文日期] 2022-05-10\n"
        "4. [发文字号] 某知发〔2022〕3号\n5. [发布日期] 2022-05-12\n\n"
        "某某市知识产权局关于印发某某行动方案的通知\n各有关单位:\n现将《某某行动方案》印发给你们。\n"
        "某某市知识产权局\n2022年5月10日\n" + BODY
    )
    document, result = _extract(page)
    assert [m.path for m in result.measures] == ["一", "一/(一)", "一/(二)"]
    assert document.doc_number == "某知发〔2022〕3号" and document.published == "2022-05-12"


def test_a_bullet_list_block_gives_each_label_the_next_line() -> None:
    text = normalize("• 发文字号\n• 某知联办〔2022〕5号\n• 索引号\n• 0055/2022-00009\n• 发布日期\n• 2022-04-11\n")
    fields = read_portal_fields(text)
    assert fields.doc_number == "某知联办〔2022〕5号" and fields.published == "2022-04-11"


def test_a_table_header_is_not_a_portal_block() -> None:
    text = normalize("序号\n工作任务\n时间进度\n责任单位\n1\n开展专利导航\n年底前\n市知识产权局\n")
    assert read_portal_fields(text).spans == []


def test_the_portal_date_of_writing_is_the_fallback_of_the_signature() -> None:
    portal = read_portal_fields(normalize("成文日期: 2021-03-02 发布日期: 2021-03-05\n"))
    signed = normalize("关于印发某某方案的通知\n某某市人民政府\n2021年2月27日\n")
    assert read_metadata(signed, len(signed), portal).issued == "2021-02-27"
    unsigned = normalize("关于印发某某方案的通知\n各有关单位:\n")
    assert read_metadata(unsigned, len(unsigned), portal).issued == "2021-03-02"


# --- chrome ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "当前位置:首页 > 政务公开 > 政策文件",
        "首页 >> 信息公开 >> 通知公告",
        ">政务>政策文件>通知",
        "字号:【大 中 小】",
        "【打印本页】 【关闭窗口】",
        "分享到:",
        "发布时间:2020-03-01 来源:本网 浏览次数:88",
        "首页 | 政务公开 | 办事服务 | 互动交流",
        "版权所有:某某市人民政府 某ICP备12345678号",
        "主办单位:某某市人民政府办公室 技术支持:某某公司",
        "政务服务热线:12345",
        "请输入关键词",
        "登录 | 注册",
        "某某市人民政府关于印发某某方案的通知_某某市人民政府网",
    ],
)
def test_chrome_lines_are_blanked(line: str) -> None:
    assert not _blanked(f"{line}\n").strip()


@pytest.mark.parametrize(
    "line",
    [
        "(三)鼓励支持行业协会等组织牵头注册地理标志商标。(省市场监管局负责)",
        "检索分析服务平台建设。",
        "1.建立专利导航服务平台 | 公共服务",
        "二、加强知识产权保护",
    ],
)
def test_policy_lines_are_not_chrome(line: str) -> None:
    assert _blanked(f"{line}\n").strip() == normalize(line).strip()


def test_blanking_keeps_every_offset() -> None:
    page = "当前位置:首页 > 通知\n" + BODY
    assert len(_blanked(page)) == len(page) and _blanked(page).endswith(normalize(BODY))


# --- mirror noise ------------------------------------------------------------------------------


def test_pinyin_annotations_close_up_the_word_they_split() -> None:
    text = "推进专(zhuān)利导航,由市知(zhī)识产权局负责。"
    analysis = normalize(text)
    assert len(analysis) == len(text)
    assert "专利导航" in analysis and "市知识产权局负责" in analysis


def test_words_in_brackets_are_not_pinyin() -> None:
    assert normalize("世界知识产权组织(WIPO)和(app)") == "世界知识产权组织(WIPO)和(app)"


def test_doubled_punctuation_and_lost_characters_are_blanked() -> None:
    assert normalize("专利、、商标,,版权。。") == "专利、 商标, 版权。 "
    assert normalize("国家知识产权局? ? ??\n") == "国家知识产权局" + " " * 6 + "\n"
    assert normalize("锟斤拷专利") == "   专利"


# --- titles, numbers and dates in the header ---------------------------------------------------


def test_a_notice_title_printed_over_two_lines_after_its_issuer() -> None:
    text = normalize("某某市人民政府\n关于印发某某市知识产权强市\n\n建设工作方案的通知\n某政〔2019〕5号\n" + BODY)
    meta = read_metadata(text, text.index("一、"))
    assert meta.title == "某某市人民政府关于印发某某市知识产权强市建设工作方案的通知"
    assert meta.doc_number == "某政〔2019〕5号"


def test_the_plan_a_headerless_notice_prints_is_its_title() -> None:
    text = normalize("各县(市、区)人民政府:\n现将《某某省专利转化运用行动方案》印发给你们,请认真贯彻执行。\n" + BODY)
    meta = read_metadata(text, text.index("一、"))
    assert meta.title == "某某省专利转化运用行动方案"


def test_a_number_and_its_date_on_one_header_line() -> None:
    text = normalize("省政府关于印发某某纲要的通知\n苏政发〔2010〕3号 2010年1月8日\n各市人民政府:\n" + BODY)
    meta = read_metadata(text, text.index("一、"))
    assert (meta.doc_number, meta.issued) == ("苏政发〔2010〕3号", "2010-01-08")


def test_a_signature_date_written_without_separators() -> None:
    text = normalize("关于印发某某方案的通知\n各有关单位:\n现印发给你们。\n20150306\n" + BODY)
    assert read_metadata(text, text.index("一、")).issued == "2015-03-06"


# --- issuers without a signature ---------------------------------------------------------------


def test_joint_issuers_named_in_the_title_in_their_order() -> None:
    page = "浙江省科学技术厅 浙江省财政厅关于印发某某专项资金管理办法的通知\n各市科技局、财政局:\n" + BODY
    document, result = _extract(page)
    issued_by = [r for r in result.relations if r.type == "ISSUED_BY"]
    names = {a.id: a.name for a in result.agencies}
    assert [names[r.dst_id] for r in issued_by] == ["浙江省科学技术厅", "浙江省财政厅"]
    assert document.region == "浙江省"


def test_issuers_named_in_the_notice_when_nothing_signs() -> None:
    page = (
        "各设区市有关单位:\n安徽省市场监督管理局联合安徽省公安厅、安徽省商务厅制定了《安徽省商标保护行动计划》,"
        "现印发给你们。\n" + BODY
    )
    _, result = _extract(page)
    names = {a.id: a.name for a in result.agencies}
    issuers = [names[r.dst_id] for r in result.relations if r.type == "ISSUED_BY"]
    assert issuers == ["安徽省市场监督管理局", "安徽省公安厅", "安徽省商务厅"]


def test_a_plan_titled_with_its_body_is_issued_by_it() -> None:
    page = "国家知识产权局2016年工作要点\n2016年是“十三五”的开局之年。\n" + BODY
    document, result = _extract(page)
    names = {a.id: a.name for a in result.agencies}
    assert [names[r.dst_id] for r in result.relations if r.type == "ISSUED_BY"] == ["国家知识产权局"]
    assert document.level == "national"


def test_a_bare_district_government_resolves_to_the_district_the_title_names() -> None:
    page = "区政府关于印发通州区江苏省知识产权强区建设方案的通知\n各镇人民政府:\n" + BODY
    document, result = _extract(page)
    names = {a.id: a.name for a in result.agencies}
    assert [names[r.dst_id] for r in result.relations if r.type == "ISSUED_BY"] == ["南通市通州区人民政府"]
    assert (document.region, document.level) == ("通州区", "county")


# --- never refuse a real policy text ----------------------------------------------------------


def _process(tmp_path, text: str) -> tuple:
    from ingest.run import process_file

    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    _, result, reason, _ = process_file(str(path))
    return result, reason


@pytest.mark.parametrize(
    "text",
    [
        # a fragment of a task table: no header row, no title
        "加快专利转化运用,推动高校院所专利开放许可。\n市科技局、市教育局\n2023年底前\n"
        "开展知识产权质押融资入园惠企行动。\n市金融局、市市场监管局\n持续推进\n",
        # a notice that starts with its addressee line and has no title
        "各省、自治区、直辖市知识产权局:\n为贯彻落实知识产权强国建设纲要,现就做好专利转化专项计划有关工作通知如下。"
        "请各地认真组织实施,加强工作督导。\n",
        # a page wrapped in chrome around a short notice
        "当前位置:首页 > 政策资讯 > 通知公告\n字号:大 中 小\n市知识产权局关于开展知识产权宣传周活动的通知\n"
        "各县(市、区)知识产权局:\n请按照工作部署开展宣传活动。\n【打印】【关闭】\n",
    ],
)
def test_fragments_and_headerless_pages_are_policy_texts(tmp_path, text: str) -> None:
    result, reason = _process(tmp_path, text)
    assert result is not None, reason


def test_a_fragment_is_ingested_with_a_note_of_what_it_lacks(tmp_path) -> None:
    result, reason = _process(tmp_path, "各市知识产权局:\n请认真落实专利转化专项计划,加强工作督导,确保任务完成。\n")
    assert result is not None
    assert reason.startswith("policy text (") and "without title, document number" in reason


@pytest.mark.parametrize(
    "text",
    [
        "那天下午,他沿着河边慢慢地走着,看见远处的山在雾里若隐若现。她说起小时候的事情。\n" * 3,
        "【澳门皇冠】线上娱乐 加微信 abc123 领取彩金\n点击进入>>> 免费看片 请加QQ 12345678\n" * 3,
    ],
)
def test_what_holds_no_policy_text_is_refused_with_the_reason(tmp_path, text: str) -> None:
    result, reason = _process(tmp_path, text)
    assert result is None and reason.startswith("not a policy text:")


# --- owners in brackets, run-together texts, joint signatures ------------------------------------


def _owners(page: str) -> set[tuple[str, str, str]]:
    _, result = _extract(page)
    names = {a.id: a.name for a in result.agencies}
    paths = {m.id: m.path for m in result.measures}
    return {(paths[r.dst_id], names[r.src_id], r.props["role"]) for r in result.relations if r.props.get("role")}


def test_a_line_closed_by_a_bracket_of_bodies_gives_them_the_measure() -> None:
    page = (
        "国家知识产权局2016年工作要点\n一、深入实施知识产权战略\n"
        "组织开展战略实施评估。(保护协调司、规划发展司)\n二、加强专利审查\n提高审查质量。\n"
    )
    assert _owners(page) == {
        ("一", "国家知识产权局保护协调司", "responsible"),
        ("一", "国家知识产权局规划发展司", "responsible"),
    }


def test_a_bodys_other_name_in_brackets_is_not_an_owner_list() -> None:
    page = "某某县2016年知识产权工作推进计划\n一、重点任务\n1.开展专利消零行动。\n责任单位:县科技局(县知识产权局)\n"
    owners = _owners(page.replace("某某县", "横县"))
    assert ("1", "横县知识产权局", "responsible") not in owners


def test_a_plan_run_together_on_one_line_keeps_its_outline() -> None:
    body = (
        "一、主要任务(一)高质量推进知识产权创造1.提升企业知识产权创造水平。围绕重点产业开展专利布局,"
        "强化企业知识产权主体地位,推进知识产权优势示范企业建设,提高企业创新能力和市场竞争力,"
        "培育一批高价值专利组合。(责任单位:市知识产权局、市科技局按职责分工负责)"
        "2.推进商标品牌建设。支持企业开展境外商标注册,培育一批具有国际竞争力的自主品牌。"
        "(责任单位:市市场监管局)(二)强化知识产权保护3.加强行政执法。"
    )
    _, result = _extract("天津市知识产权工作分工\n" + body + "\n")
    assert [m.path for m in result.measures] == ["一", "一/(一)", "一/(一)/1", "一/(一)/2", "一/(二)", "一/(二)/3"]


def test_joint_signers_separated_by_one_space() -> None:
    text = normalize(
        "关于印发某某共建方案的通知\n各有关单位:\n现印发给你们。\n辽宁省人民政府 国家知识产权局\n2024年7月30日\n"
    )
    assert read_metadata(text, len(text)).issuers == ["辽宁省人民政府", "国家知识产权局"]


def test_a_plan_that_assigns_work_to_ministries_is_national() -> None:
    page = "2015年工作推进计划\n一、加强保护\n1.开展专项行动。(公安部、海关总署、市场监管总局负责)\n"
    document, _ = _extract(page)
    assert (document.level, document.region) == ("national", "中国")


# --- more portal layouts, headlines, damaged numbers, attachments -----------------------------


def test_portal_labels_spaced_out_or_in_a_table() -> None:
    spaced = read_portal_fields(
        normalize(
            "索 引 号: 0001/2025-1 信息分类: 规划\n文  号: 某知发〔2025〕2号\n名  称: 某某局关于印发某某计划的通知\n"
        )
    )
    assert spaced.doc_number == "某知发〔2025〕2号" and spaced.title == "某某局关于印发某某计划的通知"
    table = read_portal_fields(
        normalize(
            "| 发布机构 | 湖北省知识产权局 | 发文日期 | 2025-02-20 |\n| 文 号 | 鄂知发〔2025〕2号 | 效力状态 | 有效 |\n"
        )
    )
    assert (table.issuers, table.issued, table.doc_number) == (["湖北省知识产权局"], "2025-02-20", "鄂知发〔2025〕2号")


def test_a_headline_that_quotes_the_title_after_its_number_is_not_the_title() -> None:
    text = normalize(
        "某政办〔2017〕4号《某某省人民政府办公厅印发某某方案的通知》\n某某省人民政府办公厅印发某某方案的通知\n"
        "某政办〔2017〕4号\n各市人民政府:\n" + BODY
    )
    assert read_metadata(text, text.index("一、")).title == "某某省人民政府办公厅印发某某方案的通知"


def test_a_number_that_lost_its_closing_bracket_and_its_hao() -> None:
    text = normalize("关于报送某某活动项目的通知\n  川知领办〔20183\n各市(州)有关单位:\n" + BODY)
    meta = read_metadata(text, text.index("一、"))
    assert meta.doc_number == "川知领办〔2018〕3号" and meta.region is not None and meta.region.name == "四川省"


def test_province_short_names_and_a_city_after_its_province() -> None:
    from core.regions import find_region_mentions

    text = "京津冀、上海、广东(珠三角)、湖北武汉、陕西西安等区域,以及香港、澳门和浙江西部"
    assert [m.region.name for m in find_region_mentions(text)] == [
        "上海市", "广东省", "武汉市", "西安市", "香港特别行政区", "澳门特别行政区", "浙江省",
    ]  # fmt: skip


def test_an_attachment_numbered_again_from_one_is_a_part_of_its_own() -> None:
    page = (
        "某某市人民政府关于印发某某方案的通知\n一、充分认识意义\n各地要高度重视。\n二、抓好组织实施\n各地要加强领导。\n"
        "附件\n某某方案\n一、主要任务\n1.开展专利导航。(市知识产权局负责)\n2.推进质押融资。(市金融局负责)\n"
    )
    _, result = _extract(page)
    assert [m.path for m in result.measures] == ["一", "二", "一", "一/1", "一/2"]
    assert len({m.id for m in result.measures}) == 5
    assert result.measures[3].id.endswith("/附件1/一/1")


def test_a_list_of_attachments_is_not_an_outline() -> None:
    page = "关于开展宣传周活动的通知\n各有关单位:\n现将有关事项通知如下。\n附件:1、宣传周活动方案\n2、宣传周分工\n"
    _, result = _extract(page)
    assert result.measures == []


def test_a_measures_text_is_shown_without_mirror_pinyin() -> None:
    _, result = _extract("一、申報(bào)主體及條件\n(一)申請(qǐng)主體應為區縣知識產權管理部門。\n")
    assert [m.text for m in result.measures] == ["申報主體及條件", "申請主體應為區縣知識產權管理部門。"]


def test_central_holders_are_one_generic_body() -> None:
    page = "2020年实施意见\n一、优化服务\n(一)提升审批效率。(住房城乡建设部牵头,国务院相关部门及各地区按职责分工负责)\n"
    owners = _owners(page)
    assert ("一/(一)", "国务院相关部门", "responsible") in owners and ("一/(一)", "各地区", "responsible") in owners
    assert not any(name == "国务院" for _, name, _ in owners)


def test_a_signature_run_into_the_last_sentence() -> None:
    text = normalize(
        "关于进一步优化营商环境的实施意见\n各省人民政府:\n现提出以下意见。请认真贯彻落实。国务院办公厅2020年7月15日(此件公开发布)\n"
    )
    meta = read_metadata(text, len(text))
    assert (meta.issuers, meta.issued) == (["国务院办公厅"], "2020-07-15")


def test_a_number_run_into_the_title_line() -> None:
    text = normalize("国务院办公厅关于印发某某分工方案的通知国办发〔2020〕43号\n各省人民政府:\n" + BODY)
    meta = read_metadata(text, text.index("一、"))
    assert (meta.title, meta.doc_number) == ("国务院办公厅关于印发某某分工方案的通知", "国办发〔2020〕43号")


def test_forms_to_fill_in_are_not_citations() -> None:
    from ingest.citations import find_citations

    text = normalize("填写《某某项目结题验收报告》和《诉讼要素表》,按照《某某管理办法》执行。")
    assert [c.title for c in find_citations(text, set(), set())] == ["某某管理办法"]


# --- headerless texts: jurisdiction from how the text names itself ------------------------------

HEADERLESS_PROVINCIAL = (
    "一、壮大产业\n(一)做强软件。支持济南、青岛等市建设软件名城,全省软件收入稳步增长。(牵头单位:省工业和信息化厅;"
    "责任单位:省科技厅、省财政厅)\n(二)做优装备。支持烟台市发展海工装备。(牵头单位:省工业和信息化厅;责任单位:省发展改革委)\n"
    "(三)强化人才。推动全省高校与企业合作。(责任单位:省教育厅、省人力资源社会保障厅、省科技厅)\n"
)


def test_a_headerless_provincial_text_is_read_as_its_province() -> None:
    document, _ = _extract(HEADERLESS_PROVINCIAL)
    assert (document.level, document.region) == ("provincial", "山东省")
    owners = {name for _, name, _ in _owners(HEADERLESS_PROVINCIAL)}
    assert {"山东省工业和信息化厅", "山东省科学技术厅", "山东省发展和改革委员会"} <= owners


def test_a_headerless_text_naming_no_clear_place_keeps_no_region() -> None:
    page = "一、重点任务\n(一)加强保护。(省市场监管局负责)\n(二)促进运用。(省科技厅负责)\n(三)强化服务。全省推进。\n"
    document, _ = _extract(page)
    assert document.region is None


def test_places_a_plan_supports_to_do_a_measure_are_its_executors() -> None:
    _, result = _extract(HEADERLESS_PROVINCIAL)
    names = {r.id: r.name for r in result.regions}
    paths = {m.id: m.path for m in result.measures}
    assigned = {(paths[r.src_id], names[r.dst_id]) for r in result.relations if r.type == "ASSIGNED_TO"}
    assert assigned == {("一/(一)", "济南市"), ("一/(一)", "青岛市"), ("一/(二)", "烟台市")}


def test_a_short_city_name_inside_a_bodys_name_is_not_the_city() -> None:
    from core.regions import find_region_mentions, gazetteer

    jiangsu = gazetteer().resolve("江苏省").id
    text = "南通高新区管委会负责;在南京、无锡设立分中心。"
    assert [m.region.name for m in find_region_mentions(text, jiangsu)] == ["南京市", "无锡市"]


@pytest.mark.parametrize(
    "line",
    [
        "- 某某省某某县开展市场检查行...2020-07-15",
        "欢迎访问某某县人民政府门户网站! 今日是:",
        "某某中国 法规首页 某某市人民政府关于某某工作的意见",
    ],
)
def test_story_lists_welcome_lines_and_bare_breadcrumbs_are_chrome(line: str) -> None:
    assert not _blanked(f"{line}\n").strip()


def test_an_original_title_label_is_not_part_of_the_title() -> None:
    text = normalize("原标题:某某局关于促进知识产权运营工作的通知\n各有关单位:\n" + BODY)
    assert read_metadata(text, text.index("一、")).title == "某某局关于促进知识产权运营工作的通知"


def test_the_masthead_names_the_issuer_a_title_calls_by_its_level() -> None:
    header = "无锡市人民政府文件\n锡政发〔2011〕8号\n市政府关于实施专利战略的意见\n各市(县)、区人民政府:\n"
    text = normalize(header + BODY)
    document, _ = _extract(text)
    assert (document.issuer_text, document.region) == ("无锡市人民政府", "无锡市")


def test_a_number_run_into_the_addressee_line() -> None:
    text = normalize("国务院办公厅关于某某工作的意见\n国办发〔2016〕7号各省、自治区、直辖市人民政府:\n" + BODY)
    assert read_metadata(text, text.index("一、")).doc_number == "国办发〔2016〕7号"


def test_the_title_printed_beside_the_number_is_the_documents_own() -> None:
    text = normalize(
        "某某市人民政府关于实施某某战略的若干意见\n收藏\n关于实施某某战略的若干意见\n某府〔2009〕12号\n"
        "各县人民政府:\n" + BODY
    )
    assert read_metadata(text, text.index("一、")).title == "关于实施某某战略的若干意见"


def test_policy_measures_title_on_the_first_line() -> None:
    text = normalize("关于加快某某建设的若干政策措施\n为推动发展,制定本措施。\n" + BODY)
    assert read_metadata(text, text.index("一、")).title == "关于加快某某建设的若干政策措施"


def test_the_print_line_is_not_a_signature() -> None:
    tail = "本政策自印发之日起施行。\n  某某市人民政府办公厅 2019年3月5日印发\n"
    text = normalize("关于某某的若干政策\n" + BODY + tail)
    meta = read_metadata(text, text.index("一、"))
    assert (meta.issuers, meta.issued) == ([], None)


@pytest.mark.parametrize(
    ("clause", "name"),
    [
        ("(责任单位:市委组织部、市科技局)", "中共济南市委组织部"),
        ("(责任单位:金融监管总局山东监管局)", "国家金融监督管理总局山东监管局"),
        ("(牵头单位:人民银行济南分行营管部)", "中国人民银行济南分行营业管理部"),
        ("(责任单位:市应急局)", "济南市应急管理局"),
    ],
)
def test_party_bodies_and_abbreviated_units_under_their_full_names(clause: str, name: str) -> None:
    page = "济南市人民政府关于某某工作的意见\n一、重点任务\n(一)加强保障。" + clause + "\n"
    assert name in {owner for _, owner, _ in _owners(page)}


# --- document libraries and text flattened by crawlers ------------------------------------------


def test_a_pinyin_annotation_with_a_stray_space_closes_up() -> None:
    assert "社会发展" in normalize("國民經濟和社會(huì )發展規劃")


@pytest.mark.parametrize(
    "line",
    [
        "1.部分包含数学公式或PPT动画的文件,查看预览时可能会显示错乱或异常,文件下载后无此问题",
        "2.本文档由用户上传,版权归属用户,某某文库仅提供信息存储空间",
        "3、本站不支持迅雷下载,请使用电脑自带的IE浏览器",
        "资源ID:12345678",
        "友情提示",
    ],
)
def test_a_document_librarys_notices_are_chrome(line: str) -> None:
    assert not _blanked(f"{line}\n").strip()


def test_items_one_after_another_on_one_line_are_an_outline() -> None:
    page = (
        "某某市关于实施商标战略的意见各县、区人民政府:为推动品牌建设,制定本意见。一、指导思想坚持创新驱动,"
        "着力培育一批知名品牌,为经济发展提供支撑,推动产业结构优化升级,提高区域竞争力和影响力。二、主要目标到2025年,"
        "商标注册量稳步增长,品牌体系基本形成,企业运用商标的能力明显增强,全市品牌影响力显著提升。(一)增加注册商标。"
        "注册商标总数突破5000件,地理标志注册数量稳步增加,企业自主商标拥有率明显提高,商标国际注册数量持续增长。"
    )
    document, result = _extract(page)
    assert [m.path for m in result.measures] == ["一", "二", "二/(一)"]
    assert document.title == "某某市关于实施商标战略的意见"  # the title run into its addressees


def test_a_marker_split_by_a_space_still_opens_an_item() -> None:
    page = (
        "某某方案\n为落实纲要,充分发挥知识产权战略要素作用,激发全社会创新活力,推进知识产权强市建设,结合我市实际,"
        "制定本方案。一 、加强创造,构建现代产业知识产权创造体系(一)培育高价值专利1.聚焦新材料、海洋生物、清洁能源、"
        "高端船舶等新兴产业培育发展的重大技术需求,以企业为主体组织实施产业重大科技攻关,推动关键核心技术突破,"
        "形成一批高价值专利组合,支持企业开展专利导航和布局,提升产业链关键环节的知识产权掌控能力。\n二、强化保护\n"
    )
    _, result = _extract(page)
    assert [m.path for m in result.measures][:3] == ["一", "一/(一)", "一/(一)/1"]


def test_a_file_name_heading_a_library_page_does_not_end_the_body() -> None:
    page = (
        "某某市知识产权工作方案.docx\n资源ID:1234\n某某市知识产权工作方案.docx\n某某市知识产权工作方案\n"
        "一、加强保护\n二、促进运用\n"
    )
    _, result = _extract(page)
    assert [m.path for m in result.measures] == ["一", "二"]
