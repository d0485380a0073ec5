"""Import of last year's published report through the parsers, to seed the cross-year check."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from web.conftest import client_for
from web.reports import workflow
from web.reports.models import AnnualReport, ReportOrigin, ReportState

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"


@pytest.fixture
def pingtan_2023() -> Path:
    path = CORPUS / "pingtan-2023.html"
    if not path.is_file():
        pytest.skip("../shared/corpus is not present")
    return path


def test_import_a_published_html_report_seeds_next_year(agency_a, owner, pingtan_2023) -> None:
    upload = SimpleUploadedFile("pingtan-2023.html", pingtan_2023.read_bytes())
    response = client_for(owner).post(reverse("reports:import"), {"agency": agency_a.pk, "year": 2023, "file": upload})
    row = AnnualReport.objects.get(agency=agency_a, year=2023)
    assert response.status_code == 302
    assert (row.state, row.origin, row.source_name) == (
        ReportState.PUBLISHED,
        ReportOrigin.IMPORTED,
        "pingtan-2023.html",
    )
    assert row.report.t2("new", 6).value == 81  # the gold figure of this report
    nxt = workflow.start(agency_a, 2024, owner)
    assert workflow.previous_report(nxt) is not None
    # The records are empty, so 上年结转 differs from last year's 结转下年度 wherever that was not 0.
    forward = row.report.t2("carry_forward", 6).value
    assert ("T2-06" in {f.code for f in workflow.findings(nxt)}) == bool(forward)


def test_import_refuses_a_wrong_year_and_a_non_report(agency_a, owner, pingtan_2023) -> None:
    client = client_for(owner)
    upload = SimpleUploadedFile("pingtan-2023.html", pingtan_2023.read_bytes())
    page = client.post(
        reverse("reports:import"), {"agency": agency_a.pk, "year": 2022, "file": upload}
    ).content.decode()
    assert "与所选年度2022不符" in page
    junk = SimpleUploadedFile("a.pdf", b"\x00\x01\x02binary")
    page = client.post(reverse("reports:import"), {"agency": agency_a.pk, "year": 2023, "file": junk}).content.decode()
    assert "不是可识别的年报文件" in page
    assert not AnnualReport.objects.filter(agency=agency_a).exists()
