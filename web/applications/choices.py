"""Choices of the disclosure-application domain, spelled from the statutory labels (xxgk.model.labels)."""

from __future__ import annotations

from django.db import models

from xxgk.fees import FEE_METHOD_LABELS, FeeMethod
from xxgk.model import labels as L
from xxgk.workdays.receipt import CHANNEL_LABELS, Channel

_COLS = dict(L.T2_COLUMNS)


class ApplicantType(models.TextChoices):
    """The table-2 column of the applicant (spec §C.1): one per application."""

    NATURAL_PERSON = "natural_person", _COLS["natural_person"]
    COMMERCIAL = "commercial", _COLS["commercial"]
    RESEARCH = "research", _COLS["research"]
    PUBLIC_WELFARE = "public_welfare", _COLS["public_welfare"]
    LEGAL_SERVICE = "legal_service", _COLS["legal_service"]
    OTHER_ORG = "other_org", f"{_COLS['other_org']}组织"


def _row(key: str) -> str:
    label, group = L.T2_ROW_LABELS[key]
    if group in (L.T2_GROUP_RESULTS, ""):
        return label
    return f"{group}{label}"


class Outcome(models.TextChoices):
    """Result leaves of table 2 (2021 layout). `other` is the single （六） row of the 2019 layout: accepted
    for cases concluded in 2019–2020 and read as `other_3` in 2021-format years."""

    GRANTED = "granted", _row("granted")
    PARTIAL = "partial", _row("partial")
    REFUSED_1 = "refused_1", _row("refused_1")
    REFUSED_2 = "refused_2", _row("refused_2")
    REFUSED_3 = "refused_3", _row("refused_3")
    REFUSED_4 = "refused_4", _row("refused_4")
    REFUSED_5 = "refused_5", _row("refused_5")
    REFUSED_6 = "refused_6", _row("refused_6")
    REFUSED_7 = "refused_7", _row("refused_7")
    REFUSED_8 = "refused_8", _row("refused_8")
    UNABLE_1 = "unable_1", _row("unable_1")
    UNABLE_2 = "unable_2", _row("unable_2")
    UNABLE_3 = "unable_3", _row("unable_3")
    NOT_PROCESSED_1 = "not_processed_1", _row("not_processed_1")
    NOT_PROCESSED_2 = "not_processed_2", _row("not_processed_2")
    NOT_PROCESSED_3 = "not_processed_3", _row("not_processed_3")
    NOT_PROCESSED_4 = "not_processed_4", _row("not_processed_4")
    NOT_PROCESSED_5 = "not_processed_5", _row("not_processed_5")
    OTHER_1 = "other_1", _row("other_1")
    OTHER_2 = "other_2", _row("other_2")
    OTHER_3 = "other_3", _row("other_3")
    OTHER = "other", _row("other")


class ReceiptChannel(models.TextChoices):
    """How the application reached the agency (spec §E.2); decides the receipt date (第三十一条)."""

    IN_PERSON = Channel.IN_PERSON.value, CHANNEL_LABELS[Channel.IN_PERSON]
    POST_SIGNED = Channel.POST_SIGNED.value, CHANNEL_LABELS[Channel.POST_SIGNED]
    POST_UNSIGNED = Channel.POST_UNSIGNED.value, CHANNEL_LABELS[Channel.POST_UNSIGNED]
    ONLINE = Channel.ONLINE.value, CHANNEL_LABELS[Channel.ONLINE]
    FAX = Channel.FAX.value, CHANNEL_LABELS[Channel.FAX]
    EMAIL = Channel.EMAIL.value, CHANNEL_LABELS[Channel.EMAIL]
    ORAL = Channel.ORAL.value, CHANNEL_LABELS[Channel.ORAL]
    OTHER = Channel.OTHER.value, CHANNEL_LABELS[Channel.OTHER]


class FormWanted(models.TextChoices):
    """The form in which the applicant wants the information (第二十九条第二款第三项, 第四十条)."""

    PAPER = "paper", "纸质文本"
    ELECTRONIC = "electronic", "电子文本"
    INSPECTION = "inspection", "当场查阅"
    OTHER = "other", "其他形式"


class DeliveryChannel(models.TextChoices):
    """How the applicant wants to obtain it (第二十九条第二款第三项)."""

    POST = "post", "邮寄"
    EMAIL = "email", "电子邮件"
    PICKUP = "pickup", "当面领取"
    FAX = "fax", "传真"
    ONLINE = "online", "网上获取"


class FeeMethodChoice(models.TextChoices):
    PER_REQUEST = FeeMethod.PER_REQUEST.value, FEE_METHOD_LABELS[FeeMethod.PER_REQUEST]
    PER_PAGE = FeeMethod.PER_PAGE.value, FEE_METHOD_LABELS[FeeMethod.PER_PAGE]


class EventKind(models.TextChoices):
    RECEIVED = "received", "收到申请"
    CORRECTION_REQUESTED = "correction_requested", "一次性告知补正"
    CORRECTION_RECEIVED = "correction_received", "收到补正"
    CORRECTION_LAPSED = "correction_lapsed", "逾期未补正（视为放弃）"
    THIRD_PARTY_STARTED = "third_party_consultation_started", "征求第三方意见"
    THIRD_PARTY_ENDED = "third_party_consultation_ended", "第三方意见征询结束"
    AGENCY_STARTED = "agency_consultation_started", "征求其他机关意见"
    AGENCY_ENDED = "agency_consultation_ended", "其他机关意见征询结束"
    EXTENSION_APPROVED = "extension_approved", "批准延期答复"
    FEE_NOTIFIED = "fee_notified", "发出收费通知"
    FEE_PAID = "fee_paid", "已缴纳信息处理费"
    FEE_LAPSED = "fee_lapsed", "逾期未缴费（视为放弃）"
    DECIDED = "decided", "作出答复"
    CLOSED = "closed", "办结归档"
    WITHDRAWN = "withdrawn", "申请人撤回申请"


class ReviewRoute(models.TextChoices):
    """Table 3 groups (spec §D.1)."""

    REVIEW = "review", L.T3_REVIEW  # 行政复议
    DIRECT = "direct", L.T3_DIRECT  # 未经复议直接起诉
    AFTER_REVIEW = "after_review", L.T3_AFTER_REVIEW  # 复议后起诉


class ReviewResult(models.TextChoices):
    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"
    PENDING = "pending", "尚未审结"


class AgencyRole(models.TextChoices):
    """T3-03: where the 复议机关 is a co-defendant, only the original acting agency counts the case."""

    ORIGINAL = "original", "原行政行为机关（计入本机关年报）"
    REVIEW_BODY_CODEFENDANT = "codefendant", "复议机关作为共同被告（不计入本机关年报）"
