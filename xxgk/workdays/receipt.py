"""The receipt date of an application (收到申请之日), per channel — 条例第三十一条 (spec §E.4).

Where 第三十一条 is silent (e-mail, oral, other channels) the practice of 国办公开办函〔2015〕207号 applies:
a published mailbox → the day the mail system receives the message; oral applications are recorded by the
office on the day they are made; other published channels → the date fixed by the agency's rules, otherwise
the date both sides confirm.
"""

from __future__ import annotations

import datetime as dt
import enum


class Channel(enum.StrEnum):
    IN_PERSON = "in_person"  # 当面提交
    POST_SIGNED = "post_signed"  # 邮政寄送（需签收：挂号信、EMS 等）
    POST_UNSIGNED = "post_unsigned"  # 邮政寄送（平信等无需签收）
    ONLINE = "online"  # 互联网渠道（网上申请平台）
    FAX = "fax"  # 传真
    EMAIL = "email"  # 电子邮件
    ORAL = "oral"  # 口头提出（书面确有困难，由工作机构代为填写）
    OTHER = "other"  # 其他渠道


CHANNEL_LABELS: dict[str, str] = {
    Channel.IN_PERSON: "当面提交",
    Channel.POST_SIGNED: "邮寄（需签收）",
    Channel.POST_UNSIGNED: "邮寄（平信，无需签收）",
    Channel.ONLINE: "网上申请",
    Channel.FAX: "传真",
    Channel.EMAIL: "电子邮件",
    Channel.ORAL: "口头申请",
    Channel.OTHER: "其他渠道",
}

# Which raw date decides the receipt date, per channel, and the rule text shown to the clerk.
RECEIPT_RULES: dict[str, tuple[str, str]] = {
    Channel.IN_PERSON: ("submitted_on", "以提交之日为收到申请之日（条例第三十一条第一项）"),
    Channel.ORAL: ("submitted_on", "以口头提出并由工作机构代为填写之日为收到申请之日"),
    Channel.POST_SIGNED: ("signed_on", "以行政机关签收之日为收到申请之日（条例第三十一条第二项）"),
    Channel.POST_UNSIGNED: (
        "confirmed_on",
        "以政府信息公开工作机构与申请人确认之日为收到申请之日（条例第三十一条第二项）",
    ),
    Channel.ONLINE: ("confirmed_on", "以双方确认之日为收到申请之日（条例第三十一条第三项）"),
    Channel.FAX: ("confirmed_on", "以双方确认之日为收到申请之日（条例第三十一条第三项）"),
    Channel.EMAIL: ("arrived_on", "以电子邮件系统收到之日为收到申请之日（国办公开办函〔2015〕207号）"),
    Channel.OTHER: ("confirmed_on", "以双方确认之日为收到申请之日"),
}

RAW_DATE_LABELS: dict[str, str] = {
    "submitted_on": "提交日期",
    "signed_on": "签收日期",
    "confirmed_on": "确认日期",
    "arrived_on": "到达日期",
}


class ReceiptDateUnknown(ValueError):
    """The date that decides receipt for this channel has not been recorded yet."""

    def __init__(self, channel: str, field: str) -> None:
        self.channel = channel
        self.field = field
        rule = RECEIPT_RULES[channel][1]
        super().__init__(f"渠道“{CHANNEL_LABELS[channel]}”须填写{RAW_DATE_LABELS[field]}：{rule}")


def receipt_date(
    channel: str,
    *,
    submitted_on: dt.date | None = None,
    signed_on: dt.date | None = None,
    confirmed_on: dt.date | None = None,
    arrived_on: dt.date | None = None,
) -> dt.date:
    """The 收到申请之日 for `channel` from the raw dates recorded; `ReceiptDateUnknown` if missing."""
    try:
        field, _ = RECEIPT_RULES[Channel(channel)]
    except ValueError:
        raise ValueError(f"未知的申请渠道「{channel}」") from None
    raw = {"submitted_on": submitted_on, "signed_on": signed_on, "confirmed_on": confirmed_on, "arrived_on": arrived_on}
    value = raw[field]
    if value is None:
        raise ReceiptDateUnknown(channel, field)
    return value
