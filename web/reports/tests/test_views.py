"""Report pages through the test client: the permission matrix (200/403/404/405) and side effects."""

from __future__ import annotations

import datetime as dt

import pytest
from django.test import Client
from django.urls import reverse

from web.conftest import client_for
from web.reports import workflow
from web.reports.board import status_of
from web.reports.models import AnnualReport, ReportState, deadline_for
from web.reports.tests.conftest import make_report

pytestmark = pytest.mark.django_db


def test_detail_is_visible_to_the_agency_and_its_supervisor_only(
    draft, owner, colleague, approver, supervisor, outsider
) -> None:
    url = reverse("reports:detail", args=[draft.pk])
    for user in (owner, colleague, approver, supervisor):
        assert client_for(user).get(url).status_code == 200
    assert client_for(outsider).get(url).status_code == 404
    assert Client().get(url).status_code == 302  # to the login page


def test_post_only_views_answer_405_to_get(draft, owner) -> None:
    client = client_for(owner)
    for name in ("submit", "approve", "publish", "override", "save_text", "recompile", "correct", "send_back"):
        assert client.get(reverse(f"reports:{name}", args=[draft.pk])).status_code == 405, name
    assert client.get(reverse("reports:compile")).status_code == 405


def test_changes_need_the_agency_and_approval_needs_the_head(draft, owner, approver, supervisor, outsider) -> None:
    submit = reverse("reports:submit", args=[draft.pk])
    assert client_for(supervisor).post(submit).status_code == 403  # sees it, may not change it
    assert client_for(outsider).post(submit).status_code == 404
    assert client_for(owner).post(submit).status_code == 302
    draft.refresh_from_db()
    assert draft.state == ReportState.REVIEW
    approve = reverse("reports:approve", args=[draft.pk])
    assert client_for(owner).post(approve).status_code == 403
    assert client_for(approver).post(approve).status_code == 302
    publish = reverse("reports:publish", args=[draft.pk])
    assert client_for(owner).post(publish).status_code == 403
    assert client_for(approver).post(publish).status_code == 302
    draft.refresh_from_db()
    assert draft.state == ReportState.PUBLISHED and draft.published_at is not None


def test_override_through_the_page_records_the_reason(draft, owner) -> None:
    url = reverse("reports:override", args=[draft.pk])
    response = client_for(owner).post(
        url, {"ref": "table3.rev_upheld", "value": "3", "reason": "复议机关决定书"}, follow=True
    )
    assert response.status_code == 200
    assert "修改理由已记录" in response.content.decode()
    assert draft.overrides.get().reason == "复议机关决定书"
    response = client_for(owner).post(url, {"ref": "table3.rev_total", "value": "3", "reason": ""}, follow=True)
    assert "必须说明理由" in response.content.decode()


def test_editing_a_published_report_through_the_page_changes_nothing(draft, owner, approver) -> None:
    workflow.submit(draft, owner)
    workflow.approve(draft, approver)
    workflow.publish(draft, approver)
    data = draft.data
    response = client_for(owner).post(reverse("reports:save_text", args=[draft.pk]), {"part1": "改写"}, follow=True)
    assert "已公开的报告不得修改" in response.content.decode()
    draft.refresh_from_db()
    assert draft.data == data


def test_compile_from_the_index(agency_a, owner, outsider) -> None:
    url = reverse("reports:compile")
    assert client_for(outsider).post(url, {"agency": agency_a.pk, "year": 2025}).status_code == 404
    response = client_for(owner).post(url, {"agency": agency_a.pk, "year": 2025})
    row = AnnualReport.objects.get(agency=agency_a, year=2025)
    assert response.status_code == 302 and response["Location"] == reverse("reports:detail", args=[row.pk])
    page = client_for(owner).get(reverse("reports:index") + "?year=2025").content.decode()
    assert agency_a.name in page and "打开第1版" in page


@pytest.mark.parametrize(
    "fmt,magic", [("docx", b"PK"), ("pdf", b"%PDF"), ("xlsx", b"PK"), ("html", b"<!DOCTYPE html>")]
)
def test_downloads(draft, owner, outsider, fmt, magic) -> None:
    url = reverse("reports:download", args=[draft.pk, fmt])
    response = client_for(owner).get(url)
    assert response.status_code == 200 and response.content.startswith(magic)
    assert "filename*=UTF-8''" in response["Content-Disposition"]
    assert client_for(outsider).get(url).status_code == 404


def test_public_page_only_for_published_reports(draft, owner, approver) -> None:
    url = reverse("reports:public", args=[draft.pk])
    assert Client().get(url).status_code == 404
    workflow.submit(draft, owner)
    workflow.approve(draft, approver)
    workflow.publish(draft, approver)
    page = Client().get(url)
    assert page.status_code == 200 and draft.agency.name in page.content.decode()
    assert Client().get(reverse("reports:public_download", args=[draft.pk, "pdf"])).content.startswith(b"%PDF")
    assert Client().get(reverse("reports:public_download", args=[draft.pk, "json"])).status_code == 404


def test_board_and_rollup_are_for_supervisors(government, draft, owner, supervisor) -> None:
    assert client_for(owner).get(reverse("reports:board")).status_code == 403
    page = client_for(supervisor).get(reverse("reports:board") + "?year=2025")
    assert page.status_code == 200 and draft.agency.name in page.content.decode()
    xlsx = client_for(supervisor).get(reverse("reports:board") + "?year=2025&export=xlsx")
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")
    rollup = reverse("reports:rollup", args=[government.pk, 2025])
    assert client_for(supervisor).get(rollup).status_code == 200
    assert client_for(owner).get(rollup).status_code == 404  # the government is not the owner's to see
    assert client_for(supervisor).get(reverse("reports:rollup", args=[draft.agency.pk, 2025])).status_code == 404


def test_deadlines_and_lateness(government, agency_a, owner) -> None:
    assert deadline_for(agency_a, 2025) == dt.date(2026, 1, 31)
    assert deadline_for(government, 2025) == dt.date(2026, 3, 31)
    assert status_of(agency_a, 2025, None, dt.date(2026, 1, 10)).code == "not_started"
    assert "还有 21 天" in status_of(agency_a, 2025, None, dt.date(2026, 1, 10)).reminder
    row = make_report(agency_a, 2025, owner)
    assert status_of(agency_a, 2025, row, dt.date(2026, 2, 1)).code == "late"
    assert status_of(government, 2025, None, dt.date(2026, 2, 1)).code == "not_started"
