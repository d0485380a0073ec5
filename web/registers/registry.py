"""The registers as data: one entry per register says its model, the fields a clerk enters, the field a
year filter applies to and the columns of its list and export. Views are generic over this table."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models

from web.registers.models import (
    Activity,
    ChannelCount,
    Decision,
    FeeIncome,
    Matter,
    NormativeDocument,
    Procurement,
)


@dataclass(frozen=True)
class Register:
    slug: str
    title: str
    model: type[models.Model]
    fields: tuple[str, ...]
    year_field: str  # a DateField (filtered by __year) or an integer year field
    search_fields: tuple[str, ...]
    note: str

    @property
    def year_is_date(self) -> bool:
        return isinstance(self.model._meta.get_field(self.year_field), models.DateField)


REGISTERS: dict[str, Register] = {
    r.slug: r
    for r in (
        Register(
            "documents",
            "规章和规范性文件",
            NormativeDocument,
            ("kind", "title", "doc_no", "issued_on", "published_on", "repealed_on"),
            "issued_on",
            ("title", "doc_no"),
            "第二十条第（一）项：制发、公开、废止日期决定表一的三列。",
        ),
        Register(
            "decisions",
            "许可、处罚、强制等处理决定",
            Decision,
            ("kind", "number", "decided_on", "matter"),
            "decided_on",
            ("number", "matter"),
            "第二十条第（五）项、第（六）项：按决定日期计入当年处理决定数量。可批量导入。",
        ),
        Register(
            "matters",
            "权责事项",
            Matter,
            ("kind", "name", "basis", "established_on", "abolished_on"),
            "established_on",
            ("name", "basis"),
            "2019 年格式的「上一年项目数量」「本年增/减」按年末仍有效的事项数计算。",
        ),
        Register(
            "fees",
            "行政事业性收费",
            FeeIncome,
            ("year", "item", "amount"),
            "year",
            ("item",),
            "第二十条第（八）项：收费金额以万元计，保留 4 位小数。",
        ),
        Register(
            "procurement",
            "政府集中采购",
            Procurement,
            ("project", "contracted_on", "amount"),
            "contracted_on",
            ("project",),
            "第二十条第（九）项（2019 年格式）：采购项目数量与采购总金额（万元）。",
        ),
        Register(
            "channels",
            "公开渠道发布量",
            ChannelCount,
            ("year", "channel", "items"),
            "year",
            (),
            "年度报告第一部分引用的政府网站、政务微博、微信、抖音发布量。",
        ),
        Register(
            "activities",
            "政策解读、发布会和培训",
            Activity,
            ("kind", "held_on", "title", "participants"),
            "held_on",
            ("title",),
            "年度报告第一部分引用的政策解读、新闻发布会、业务培训。",
        ),
    )
}
