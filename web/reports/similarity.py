"""Copied text (内容雷同): how much of a report's narrative repeats last year's report or another agency's.

Copying is a named ground for accountability (国办公开办函〔2021〕30号「明确责任」; spec §A.2, §F.3 item 3).
A sentence counts as repeated when, with figures and spacing ignored, it appears in the other report. The
sentences this system itself prefills are ignored: every agency starts from them, so they prove nothing.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from web.reports import narrative
from web.reports.sources import Fees
from xxgk.model import Finding, Report

CODE = "COPY-01"
BASIS = "国办公开办函〔2021〕30号（内容雷同、敷衍塞责的，依照条例第四十七条追究责任）"
MIN_CHARS = 12  # shorter sentences (「现报告如下。」) repeat everywhere and prove nothing
WARN_SHARE = 0.3

_SENTENCE = re.compile(r"[^。！？；!?;\n]+[。！？；!?;]?")
_IGNORED = re.compile(
    r"[\s0-9０-９.,，、％%（）()：:“”\"'《》]|[零〇一二两三四五六七八九十百千万]+(?=[件宗起个条项年次份元])"
)


def key(sentence: str) -> str:
    """A sentence with figures, spacing and punctuation removed (so 「2024年」 and 「2025年」 match)."""
    return _IGNORED.sub("", sentence)


def sentences(text: str) -> list[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


_QUOTE = re.compile(r"「[^」]*」")


def _spans(text: str) -> list[tuple[str, bool]]:
    """The text's sentences, with 「quoted」 passages kept whole and marked as quotations."""
    out: list[tuple[str, bool]] = []
    start = 0
    for m in _QUOTE.finditer(text):
        out += [(s, False) for s in sentences(text[start : m.start()])]
        out.append((m.group(0), True))
        start = m.end()
    out += [(s, False) for s in sentences(text[start:])]
    return out


def _template_keys(report: Report, extra: Sequence[str] = ()) -> set[str]:
    texts = [
        narrative.part1(report, is_government=True),
        narrative.part4(report),
        narrative.part5("上年问题"),
        narrative.part6(None),
        narrative.part6(Fees(0, Decimal(0), Decimal(0))),
        narrative.part6(Fees(1, Decimal(1), Decimal(1))),
        *extra,
    ]
    return {key(s) for t in texts for s in sentences(t)}


@dataclass(frozen=True, slots=True)
class Segment:
    text: str
    source: str = ""  # where it was repeated from; "" = original


@dataclass(slots=True)
class CopiedText:
    share: float = 0.0  # repeated characters / characters of the narrative (prefilled sentences excluded)
    repeated_chars: int = 0
    total_chars: int = 0
    by_source: dict[str, int] = field(default_factory=dict)  # source → repeated characters
    parts: list[tuple[str, list[Segment]]] = field(default_factory=list)  # heading → segments

    @property
    def percent(self) -> int:
        return round(self.share * 100)

    def finding(self) -> Finding | None:
        if not self.repeated_chars:
            return None
        sources = "、".join(f"{s}（{n}字）" for s, n in self.by_source.items())
        return Finding(
            code=CODE,
            severity="warning" if self.share >= WARN_SHARE else "info",
            message=f"正文有{self.percent}%的文字与{sources}雷同（内容雷同）",
            where="正文",
            basis=BASIS,
        )


def copied_text(report: Report, others: list[tuple[str, Report]], generated: Sequence[str] = ()) -> CopiedText:
    """Compare `report`'s parts with each (label, other report); label says e.g. 「上年度报告」. `generated`
    are further sentences the system wrote (figures from the records), ignored like the prefilled ones."""
    ignore = _template_keys(report, generated)
    index: dict[str, str] = {}
    for label, other in others:
        for part in other.parts:
            for s, quoted in _spans(part.text):
                if quoted:
                    continue
                k = key(s)
                if len(k) >= MIN_CHARS and k not in ignore:
                    index.setdefault(k, label)
    out = CopiedText()
    for part in report.parts:
        segments: list[Segment] = []
        for s, quoted in _spans(part.text):
            if quoted:  # a quotation (「上年度报告所列问题」) is cited, not copied
                segments.append(Segment(s))
                continue
            k = key(s)
            counted = len(k) >= MIN_CHARS and k not in ignore and "请填写" not in s
            source = index.get(k, "") if counted else ""
            if counted:
                out.total_chars += len(k)
            if source:
                out.repeated_chars += len(k)
                out.by_source[source] = out.by_source.get(source, 0) + len(k)
            segments.append(Segment(s, source))
        out.parts.append((part.heading, segments))
    out.share = out.repeated_chars / out.total_chars if out.total_chars else 0.0
    return out
