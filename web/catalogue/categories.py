"""The fifteen items of 条例第二十条 (information every agency discloses proactively), spec §E.1.

Their Chinese names are spelled here and nowhere else in the web system; the catalogue groups items by
these codes, plus categories an agency defines itself (第十九条、第二十一条 and local items).
"""

from __future__ import annotations

from typing import Final

ARTICLE_20_ITEMS: Final[tuple[tuple[str, str, str], ...]] = (
    # (stable code, numbering as cited, short Chinese name)
    ("a01", "第二十条第（一）项", "行政法规、规章和规范性文件"),
    ("a02", "第二十条第（二）项", "机关职能、机构设置、办公地址、办公时间、联系方式、负责人姓名"),
    ("a03", "第二十条第（三）项", "国民经济和社会发展规划、专项规划、区域规划及相关政策"),
    ("a04", "第二十条第（四）项", "国民经济和社会发展统计信息"),
    ("a05", "第二十条第（五）项", "行政许可和其他对外管理服务事项的依据、条件、程序以及办理结果"),
    ("a06", "第二十条第（六）项", "行政处罚、行政强制的依据、条件、程序以及处罚决定"),
    ("a07", "第二十条第（七）项", "财政预算、决算信息"),
    ("a08", "第二十条第（八）项", "行政事业性收费项目及其依据、标准"),
    ("a09", "第二十条第（九）项", "政府集中采购项目的目录、标准及实施情况"),
    ("a10", "第二十条第（十）项", "重大建设项目的批准和实施情况"),
    ("a11", "第二十条第（十一）项", "扶贫、教育、医疗、社会保障、促进就业等方面的政策、措施及其实施情况"),
    ("a12", "第二十条第（十二）项", "突发公共事件的应急预案、预警信息及应对情况"),
    ("a13", "第二十条第（十三）项", "环境保护、公共卫生、安全生产、食品药品、产品质量的监督检查情况"),
    ("a14", "第二十条第（十四）项", "公务员招考的职位、名额、报考条件等事项以及录用结果"),
    ("a15", "第二十条第（十五）项", "法律、法规、规章和国家有关规定规定应当主动公开的其他政府信息"),
)

OWN_CATEGORY: Final = "own"
OWN_CATEGORY_LABEL: Final = "本机关其他主动公开信息"

CATEGORY_CHOICES: Final[tuple[tuple[str, str], ...]] = (
    *((code, f"{cite}：{name}") for code, cite, name in ARTICLE_20_ITEMS),
    (OWN_CATEGORY, OWN_CATEGORY_LABEL),
)


def category_label(code: str) -> str:
    """The full Chinese name of a category code, e.g. 「第二十条第（五）项：行政许可…」."""
    return dict(CATEGORY_CHOICES)[code]


def category_short(code: str) -> str:
    """The short name without the article number (for narrow table cells)."""
    for item_code, _cite, name in ARTICLE_20_ITEMS:
        if item_code == code:
            return name
    return OWN_CATEGORY_LABEL
