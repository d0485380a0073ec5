"""What each letter to an applicant (or third party) must say: its title, the articles it cites, the
standard wording for each outcome, and the remedies sentence (行政复议 within 60 days, 行政诉讼 within
6 months). The DOCX layout lives in `web.applications.letters` (`LetterContent`, `render_letter`);
this module is only the legal content, keyed by letter type and outcome:

    letter_spec(kind, outcome=None) -> LetterSpec
    kind ∈ LETTER_KINDS: "reply" (答复书; needs the outcome leaf), "correction" (补正通知书),
           "extension" (延期答复告知书), "third_party" (第三方意见征询函), "fee" (收费通知)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from web.applications.choices import Outcome
from xxgk.fees import FEE_ARTICLE

REMEDIES: Final = (
    "如对本答复不服，可以自收到本答复之日起六十日内向{review_body}申请行政复议，"
    "或者自收到本答复之日起六个月内向{court}提起行政诉讼。"
)
REMEDIES_GENERIC: Final = (
    "如对本答复不服，可以自收到本答复之日起六十日内依法申请行政复议，或者自收到本答复之日起六个月内依法提起行政诉讼。"
)
REMEDY_BASIS: Final = (
    "《中华人民共和国行政复议法》第二十条、《中华人民共和国行政诉讼法》第四十六条、《政府信息公开条例》第五十一条"
)


@dataclass(frozen=True, slots=True)
class LetterSpec:
    kind: str
    title: str
    article: str  # the article(s) the letter cites
    text: str  # the standard operative sentence (the clerk completes the facts around it)
    remedies: str  # "" when the letter starts no remedy period


LETTER_KINDS: Final[dict[str, str]] = {
    "reply": "政府信息公开申请答复书",
    "correction": "政府信息公开申请补正通知书",
    "extension": "政府信息公开申请延期答复告知书",
    "third_party": "政府信息公开第三方意见征询函",
    "fee": "政府信息公开信息处理费收费通知",
}

# outcome leaf → (article, standard sentence)
REPLY_TEXT: Final[dict[str, tuple[str, str]]] = {
    Outcome.GRANTED: (
        "《政府信息公开条例》第三十六条第（二）项",
        "经审查，您申请获取的政府信息属于公开范围，现予以提供（或告知获取该政府信息的方式、途径和时间）。",
    ),
    Outcome.PARTIAL: (
        "《政府信息公开条例》第三十七条",
        "经审查，您申请获取的政府信息中含有不应当公开的内容，但能够作区分处理，现提供可以公开的部分，对不予公开的部分说明理由如下。",
    ),
    Outcome.REFUSED_1: (
        "《政府信息公开条例》第十四条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于国家秘密，依法不予公开。",
    ),
    Outcome.REFUSED_2: (
        "《政府信息公开条例》第十四条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于法律、行政法规禁止公开的信息，依法不予公开。",
    ),
    Outcome.REFUSED_3: (
        "《政府信息公开条例》第十四条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息公开后可能危及国家安全、公共安全、经济安全、社会稳定，依法不予公开。",
    ),
    Outcome.REFUSED_4: (
        "《政府信息公开条例》第十五条、第三十二条、第三十六条第（三）项",
        "经审查，您申请获取的政府信息涉及商业秘密、个人隐私等，公开会对第三方合法权益造成损害，依法不予公开。",
    ),
    Outcome.REFUSED_5: (
        "《政府信息公开条例》第十六条第一款、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于人事管理、后勤管理、内部工作流程等内部事务信息，可以不予公开。",
    ),
    Outcome.REFUSED_6: (
        "《政府信息公开条例》第十六条第二款、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于行政机关在履行行政管理职能过程中形成的讨论记录、过程稿、磋商信函、请示报告等过程性信息，可以不予公开。",
    ),
    Outcome.REFUSED_7: (
        "《政府信息公开条例》第十六条第二款、第三十六条第（三）项",
        "经审查，您申请获取的政府信息属于行政执法案卷信息，可以不予公开。",
    ),
    Outcome.REFUSED_8: (
        "《政府信息公开条例》第三十六条第（七）项",
        "经审查，您申请获取的信息属于工商、不动产登记资料等，有关法律、行政法规对信息的获取有特别规定，请按照有关规定办理。",
    ),
    Outcome.UNABLE_1: (
        "《政府信息公开条例》第三十六条第（四）项、第（五）项",
        "经检索查找，本机关未制作或获取您申请的政府信息（或该信息不属于本机关负责公开，负责公开的机关为：____）。",
    ),
    Outcome.UNABLE_2: (
        "《政府信息公开条例》第三十八条",
        "经审查，您申请的信息需要本机关对现有政府信息进行加工、分析，本机关可以不予提供。",
    ),
    Outcome.UNABLE_3: (
        "《政府信息公开条例》第三十条",
        "本机关已一次性告知您补正申请，您补正后的申请内容仍不明确，本机关无法确定您所需的政府信息。",
    ),
    Outcome.NOT_PROCESSED_1: (
        "《政府信息公开条例》第三十九条第一款",
        "经审查，您以政府信息公开申请的形式进行信访、投诉、举报等活动，本机关不作为政府信息公开申请处理，请通过相应渠道提出。",
    ),
    Outcome.NOT_PROCESSED_2: (
        "《政府信息公开条例》第三十六条第（六）项",
        "经审查，本机关已就您提出的相同政府信息公开申请作出答复，您重复申请，本机关不予重复处理。",
    ),
    Outcome.NOT_PROCESSED_3: (
        "《政府信息公开条例》第三十九条第二款",
        "经审查，您申请获取的是政府公报、报刊、书籍等公开出版物，本机关告知获取途径如下，不作为政府信息公开申请处理。",
    ),
    Outcome.NOT_PROCESSED_4: (
        "《政府信息公开条例》第三十五条",
        "您申请公开政府信息的数量、频次明显超过合理范围，且说明的理由不合理，本机关不予处理。",
    ),
    Outcome.NOT_PROCESSED_5: (
        "《政府信息公开条例》第三十九条",
        "您要求本机关确认或者重新出具已获取的信息，不属于政府信息公开申请，本机关不予处理。",
    ),
    Outcome.OTHER_1: (
        "《政府信息公开条例》第三十条",
        "本机关已一次性告知您补正申请，您无正当理由逾期未补正，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    Outcome.OTHER_2: (
        f"{FEE_ARTICLE}",
        "本机关已向您发出收费通知，您逾期未按要求缴纳信息处理费，视为放弃申请，本机关不再处理该政府信息公开申请。",
    ),
    Outcome.OTHER_3: ("《政府信息公开条例》", "对您的政府信息公开申请，本机关处理如下。"),
    Outcome.OTHER: ("《政府信息公开条例》", "对您的政府信息公开申请，本机关处理如下。"),
}

_FIXED: Final[dict[str, tuple[str, str, bool]]] = {
    "correction": (
        "《政府信息公开条例》第二十九条、第三十条",
        "您提出的政府信息公开申请内容不明确，请按下列事项一次性补正；答复期限自本机关收到补正的申请之日起计算。"
        "无正当理由逾期不补正的，视为放弃申请，本机关将不再处理该政府信息公开申请。",
        False,
    ),
    "extension": (
        "《政府信息公开条例》第三十三条第二款",
        "因您申请的政府信息情况复杂，不能在规定期限内答复，经本机关政府信息公开工作机构负责人同意，答复期限延长{days}个工作日，"
        "最迟于{due}前作出答复。",
        False,
    ),
    "third_party": (
        "《政府信息公开条例》第三十二条",
        "本机关收到的政府信息公开申请所涉信息，公开后可能损害贵方合法权益。请于收到本函之日起十五个工作日内提出书面意见；"
        "逾期未提出意见的，本机关将依照条例的规定决定是否公开。",
        False,
    ),
    "fee": (
        f"《政府信息公开条例》第四十二条、{FEE_ARTICLE}",
        "您的政府信息公开申请数量、频次明显超过合理范围，本机关依法收取信息处理费{amount}元（{method}）。"
        "请自收到本通知之日起二十个工作日内缴纳；逾期未缴纳的，视为放弃申请，本机关将不再处理该申请。",
        True,
    ),
}


def remedies_text(review_body: str = "", court: str = "") -> str:
    """The remedies sentence, naming the review body and court when known."""
    if review_body and court:
        return REMEDIES.format(review_body=review_body, court=court)
    return REMEDIES_GENERIC


def letter_spec(kind: str, outcome: str | None = None) -> LetterSpec:
    """The title, cited article, standard text and remedies of a letter. `outcome` is required for "reply".
    Texts may contain `{days}`, `{due}`, `{amount}`, `{method}` placeholders for the caller to fill."""
    if kind not in LETTER_KINDS:
        raise ValueError(f"未知的文书类型「{kind}」")
    title = LETTER_KINDS[kind]
    if kind == "reply":
        if outcome not in REPLY_TEXT:
            raise ValueError(f"答复书须指定办理结果，「{outcome}」不是表二的结果行")
        article, text = REPLY_TEXT[outcome]
        return LetterSpec(kind, title, article, text, REMEDIES_GENERIC)
    article, text, has_remedy = _FIXED[kind]
    return LetterSpec(kind, title, article, text, REMEDIES_GENERIC if has_remedy else "")
