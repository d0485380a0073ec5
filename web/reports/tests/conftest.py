"""Fixtures of the report tests: reports with consistent figures (every 勾稽关系 holds)."""

from __future__ import annotations

import random

import pytest

from web.accounts.models import Agency
from web.reports import workflow
from web.reports.demo import synthetic, write_parts
from web.reports.models import AnnualReport, ReportState


def make_report(
    agency: Agency, year: int, user: object, *, state: str = ReportState.DRAFT, seed: int = 1
) -> AnnualReport:
    """A report as `workflow.start` would keep it, with figures that pass the arithmetic rules."""
    rng = random.Random(seed)
    report = synthetic(agency, year, rng)
    write_parts(report, agency, rng, None)
    row = AnnualReport(agency=agency, year=year, state=state, created_by=user)  # type: ignore[misc]
    row.set_report(report)
    workflow._recheck(row)
    row.save()
    return row


@pytest.fixture
def draft(agency_a: Agency, owner: object) -> AnnualReport:
    return make_report(agency_a, 2025, owner)
