"""Figures quoted in part 1 of the annual report (一、总体情况): what was published where, and the
interpretation, press and training activities of the year."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, Sum

from web.accounts.models import Agency
from web.catalogue.models import Item, Status
from web.registers.models import Activity, ActivityKind, Channel, ChannelCount


@dataclass(frozen=True)
class Part1Figures:
    year: int
    catalogue_published: int  # items published in the catalogue of this system
    policies_published: int
    interpretations_published: int
    channels: dict[str, int]  # Channel label → items published there
    activities: dict[str, int]  # ActivityKind label → count
    training_participants: int

    def sentences(self) -> list[str]:
        """Plain Chinese sentences a clerk can paste into part 1."""
        lines = [
            f"{self.year}年，通过本系统主动公开政府信息 {self.catalogue_published} 条，"
            f"其中政策文件 {self.policies_published} 件、政策解读 {self.interpretations_published} 篇。"
        ]
        if self.channels:
            lines.append("，".join(f"{label}发布信息 {n} 条" for label, n in self.channels.items()) + "。")
        acts = self.activities
        lines.append(
            f"开展{ActivityKind.INTERPRETATION.label} {acts.get(ActivityKind.INTERPRETATION.label, 0)} 次，"
            f"召开{ActivityKind.PRESS.label} {acts.get(ActivityKind.PRESS.label, 0)} 场，"
            f"组织{ActivityKind.TRAINING.label} {acts.get(ActivityKind.TRAINING.label, 0)} 次、"
            f"参训 {self.training_participants} 人次。"
        )
        return lines


def part1_figures(agency: Agency, year: int) -> Part1Figures:
    items = Item.objects.filter(agency=agency, status=Status.PUBLISHED, published_on__year=year)
    counts = items.aggregate(
        total=Count("pk"),
        policies=Count("pk", filter=Q(is_policy=True)),
        interpretations=Count("pk", filter=Q(interprets__isnull=False)),
    )
    channels = {
        Channel(c).label: n
        for c, n in ChannelCount.objects.filter(agency=agency, year=year).values_list("channel", "items")
    }
    ordered = {label: channels[label] for label in Channel.labels if label in channels}
    acts = Activity.objects.filter(agency=agency, held_on__year=year)
    by_kind = {ActivityKind(k).label: n for k, n in acts.values_list("kind").annotate(n=Count("pk"))}
    participants = acts.filter(kind=ActivityKind.TRAINING).aggregate(n=Sum("participants"))["n"] or 0
    return Part1Figures(
        year=year,
        catalogue_published=counts["total"],
        policies_published=counts["policies"],
        interpretations_published=counts["interpretations"],
        channels=ordered,
        activities=by_kind,
        training_participants=participants,
    )
