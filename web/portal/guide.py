"""The disclosure guide (政府信息公开指南) of an agency, generated from its settings (条例第二十二条 requires
every agency to compile and publish one and keep it up to date)."""

from __future__ import annotations

from dataclasses import dataclass

from web.accounts.models import Agency
from web.catalogue.categories import ARTICLE_20_ITEMS
from web.catalogue.timeliness import PUBLICATION_WORKING_DAYS
from xxgk.model import labels as L


@dataclass(frozen=True)
class Section:
    heading: str
    paragraphs: tuple[str, ...]


def _contact(agency: Agency) -> tuple[str, ...]:
    office = agency.office_name or f"{agency.name}政府信息公开工作机构"
    lines = [f"受理机构：{office}"]
    for label, value in (
        ("办公地址", agency.office_address),
        ("邮政编码", agency.postal_code),
        ("办公时间", agency.office_hours),
        ("联系电话", agency.office_phone),
        ("电子邮箱", agency.office_email),
    ):
        lines.append(f"{label}：{value}" if value else f"{label}：（本机关尚未设置，请向{office}咨询）")
    return tuple(lines)


def guide_for(agency: Agency) -> list[Section]:
    supervisor = agency.parent.name if agency.parent else "上一级行政机关"
    categories = tuple(f"{cite}：{name}" for _code, cite, name in ARTICLE_20_ITEMS)
    return [
        Section(
            "一、主动公开",
            (
                f"（一）公开范围。本机关依照{L.REGULATION}第十九条、第二十条、第二十一条主动公开下列政府信息：",
                *categories,
                "（二）公开方式。本机关通过本平台“政府信息公开”专栏、政府公报、新闻发布会以及报刊、广播、电视、"
                "政务新媒体等途径主动公开政府信息，并在档案馆、公共图书馆、政务服务场所设置查阅场所。",
                f"（三）公开时限。属于主动公开范围的政府信息，自该信息形成或者变更之日起 {PUBLICATION_WORKING_DAYS} "
                "个工作日内予以公开；法律、法规对公开期限另有规定的，从其规定（条例第二十六条）。",
            ),
        ),
        Section(
            "二、依申请公开",
            (
                "（一）受理机构。",
                *_contact(agency),
                "（二）申请方式。申请人可以通过本平台的“在线申请”提交申请，也可以采用信函、传真或者当面提交等书面形式；"
                "采用书面形式确有困难的，可以口头提出，由受理机构代为填写申请（条例第二十九条）。",
                "（三）申请内容。申请书应当包括申请人的姓名或者名称、身份证明、联系方式；申请公开的政府信息的名称、"
                "文号或者便于查询的其他特征性描述；申请公开的政府信息的形式要求，包括获取信息的方式、途径。",
                "（四）补正。申请内容不明确的，本机关自收到申请之日起 7 个工作日内一次性告知申请人作出补正，"
                "说明需要补正的事项和合理的补正期限（条例第三十条）。",
                "（五）答复期限。能够当场答复的当场答复；不能当场答复的，自收到申请之日起 20 个工作日内答复；"
                "需要延长答复期限的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过 20 个工作日"
                "（条例第三十三条）。征求第三方和其他机关意见所需时间不计算在前款规定的期限内。",
                "（六）收费。本机关依申请提供政府信息，不收取费用；申请人申请公开政府信息的数量、频次明显超过合理范围的，"
                "可以按照《政府信息公开信息处理费管理办法》收取信息处理费（条例第四十二条）。",
            ),
        ),
        Section(
            "三、监督和救济",
            (
                f"公民、法人或者其他组织认为本机关未依法履行政府信息公开义务的，可以向{supervisor}或者政府信息公开工作主管部门投诉、举报；"
                "认为本机关在政府信息公开工作中侵犯其合法权益的，可以依法申请行政复议或者提起行政诉讼（条例第五十一条）。",
            ),
        ),
    ]
