"""The role vocabulary, one home: what makes an agency lead (牵头), be responsible for (负责) or
support (配合/协助) a measure — the role verbs of running text, the labels of fields (`牵头单位:…`) and
the headers of task-table columns — and the relationship type each role becomes.

Extraction (`ingest.roles`, `ingest.outline`), the store's task counters, the evaluator, the queries
and the app all read it from here; `tests/test_one_home.py` fails if a role word is spelled out
anywhere else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Role:
    name: str  # lead | responsible | support
    type: str  # the relationship type: (Agency)-[type]->(Measure)
    verbs: tuple[str, ...]  # role verbs of running text: 省局牵头, 省局负责, 各地配合
    labels: tuple[str, ...]  # field labels and column headers: 牵头单位:…, a 牵头单位 column
    short_labels: tuple[str, ...]  # field labels only (`(牵头:X;参与:Y)`), too short to be a column header
    display: str  # how the app names it


ROLES: tuple[Role, ...] = (
    Role("lead", "LEADS", ("牵头",), ("牵头单位", "牵头部门", "主办单位"), ("牵头", "主办"), "牵头 lead"),
    Role(
        "responsible",
        "RESPONSIBLE_FOR",
        ("负责",),
        ("执行单位", "责任单位", "负责单位", "执行部门", "责任部门", "承担单位", "负责部门", "责任处室"),
        ("负责", "责任"),
        "负责 responsible",
    ),
    Role(
        "support",
        "SUPPORTS",
        ("配合", "协助"),
        ("配合单位", "协办单位", "参与单位", "配合部门"),
        ("参与", "配合", "协办"),
        "配合 support",
    ),
)
ROLE_NAMES = tuple(role.name for role in ROLES)
BY_NAME = {role.name: role for role in ROLES}
TYPE_OF_ROLE = {role.name: role.type for role in ROLES}
ROLE_OF_TYPE = {role.type: role.name for role in ROLES}
TASK_TYPES = tuple(role.type for role in ROLES)
DISPLAY = {role.name: role.display for role in ROLES}

ROLE_OF_VERB = {verb: role.name for role in ROLES for verb in role.verbs}
# Not a role verb when a noun follows (负责人, 牵头部门 as a noun, 配合的).
ROLE_VERB = re.compile(rf"(?P<verb>{'|'.join(ROLE_OF_VERB)})(?!人|同志|部门|单位|的|处室|领导)")

# Column headers of task tables that name a role, and the role of the bodies in their cells.
COLUMN_ROLES = {label: role.name for role in ROLES for label in role.labels}
# Field labels (`(牵头单位:…;配合单位:…)`), the long ones first so that 牵头单位 wins over 牵头.
FIELD_ROLES = {**COLUMN_ROLES, **{label: role.name for role in ROLES for label in role.short_labels}}

# A document-wide rule that makes the first of several responsible bodies the lead:
# 列第一位的部门为牵头部门 / 排在首位的为牵头单位 / 第一个单位为牵头单位 …
FIRST_LEADS_RULE = re.compile(r"(?:第一位|首位|第一个|排名第一|排第一|第一家)[^。;\n]{0,10}?牵头")
