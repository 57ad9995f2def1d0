"""Task tables whose role columns are named in any of the ways plans name them: the header is
recognised, and each department cell gives its column's role (one role vocabulary: core.roles)."""

from __future__ import annotations

import hashlib

import pytest

from core.records import SourceText
from core.roles import COLUMN_ROLES
from ingest.extract import extract
from ingest.normalize import normalize
from ingest.outline import find_table_header, parse_outline

TABLE = """某市市场监督管理局关于印发2021年某市知识产权工作任务分工的通知
各县（市、区）人民政府，市有关单位：
现将《2021年某市知识产权工作任务分工》印发给你们，请认真组织实施。
某市市场监督管理局
2021年3月1日
附件
2021年某市知识产权工作任务分工
序号
工作任务
{lead}
{support}
完成时限
1
开展重点产业专利导航，形成导航报告2份。
市市场监管局
市科技局、市工业和信息化局
2021年12月底前
2
推进知识产权质押融资，全年质押融资额增长10%。
市市场监管局
市金融工作局
2021年9月底前
"""


def _roles(lead: str, support: str) -> set[tuple[str, str, str]]:
    text = TABLE.format(lead=lead, support=support).replace("某市", "潍坊市")
    source = SourceText("t.txt", text, hashlib.sha256(text.encode()).hexdigest(), "utf-8", "txt")
    result = extract(source)
    names = {a.id: a.name for a in result.agencies}
    paths = {m.id: m.path for m in result.measures}
    return {
        (paths[r.dst_id], names[r.src_id], r.props["role"])
        for r in result.relations
        if r.type in {"LEADS", "RESPONSIBLE_FOR", "SUPPORTS"}
    }


@pytest.mark.parametrize(
    ("lead", "support"), [("牵头部门", "配合部门"), ("牵头单位", "配合单位"), ("主办单位", "协办单位")]
)
def test_a_task_table_gives_each_column_its_role(lead: str, support: str) -> None:
    assert _roles(lead, support) == {
        ("1", "潍坊市市场监督管理局", "lead"),
        ("1", "潍坊市科学技术局", "support"),
        ("1", "潍坊市工业和信息化局", "support"),
        ("2", "潍坊市市场监督管理局", "lead"),
        ("2", "潍坊市金融工作局", "support"),
    }


@pytest.mark.parametrize("column", sorted(COLUMN_ROLES))
def test_every_role_column_opens_a_task_table(column: str) -> None:
    header = normalize(f"序号\n工作任务\n{column}\n完成时限\n1\n开展专利导航。\n市市场监管局\n年底前\n")
    assert find_table_header(header) is not None, column
    assert [item.path for item in parse_outline(header)] == ["1"]


def test_a_site_footer_naming_its_owner_still_ends_the_body() -> None:
    text = normalize("一、加强保护\n（一）开展执法。(市局负责)\n主办单位：某市人民政府办公室\n1.备案号\n")
    assert [item.path for item in parse_outline(text)] == ["一", "一/(一)"]
