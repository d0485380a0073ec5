"""Attachment checks, receipt dates on the model, review-case validation, and the Chinese admin pages."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from web.applications.models import Application, ReviewCase, validate_attachment
from web.applications.tests.domain_fixtures import calendar, make_case, person_id  # noqa: F401
from web.calendar.models import HolidayYear
from web.conftest import client_for, make_user

D = dt.date


def test_attachment_checks() -> None:
    validate_attachment("a.pdf", "application/pdf", 1000, b"%PDF-1.7\n")
    validate_attachment("a.png", "image/png", 10, b"\x89PNG\r\n\x1a\n....")
    with pytest.raises(ValidationError, match="超过 20 MB"):
        validate_attachment("a.pdf", "application/pdf", 21 * 1024 * 1024, b"%PDF")
    with pytest.raises(ValidationError, match="不受支持"):
        validate_attachment("a.exe", "application/x-msdownload", 10, b"MZ")
    with pytest.raises(ValidationError, match="不符"):
        validate_attachment("a.pdf", "application/pdf", 10, b"MZ\x90\x00")
    with pytest.raises(ValidationError, match="空文件"):
        validate_attachment("a.pdf", "application/pdf", 0, b"")


@pytest.mark.django_db
def test_receipt_date_follows_the_channel(agency_a) -> None:
    case = Application(
        agency=agency_a,
        applicant_type="natural_person",
        applicant_name="张三",
        id_number=person_id(1),
        description="x",
        channel="post_signed",
        submitted_on=D(2025, 3, 1),
        signed_on=D(2025, 3, 4),
        tracking_number="T1",
    )
    case.save()
    assert case.received_on == D(2025, 3, 4)


@pytest.mark.django_db
def test_review_case_validation(agency_a) -> None:
    r = ReviewCase(agency=agency_a, route="review", filed_on=D(2025, 3, 1), concluded_on=D(2025, 2, 1), result="upheld")
    with pytest.raises(ValidationError) as info:
        r.full_clean()
    assert "concluded_on" in info.value.message_dict
    pending = ReviewCase(agency=agency_a, route="review", filed_on=D(2025, 3, 1), concluded_on=D(2025, 4, 1))
    with pytest.raises(ValidationError, match="须选择审结结果"):
        pending.full_clean()
    done = ReviewCase(
        agency=agency_a, route="review", filed_on=D(2025, 3, 1), concluded_on=D(2025, 4, 1), result="upheld"
    )
    assert done.result_on(D(2025, 3, 31)) == "pending" and done.result_on(D(2025, 4, 1)) == "upheld"


@pytest.mark.django_db
def test_admin_pages_in_chinese(agency_a, calendar) -> None:  # noqa: F811
    case = make_case(agency_a, D(2025, 3, 3))
    admin = make_user("root")
    admin.is_staff = admin.is_superuser = True
    admin.save()
    client = client_for(admin)
    for name in ("application", "caseevent", "reviewcase"):
        page = client.get(reverse(f"admin:applications_{name}_changelist"))
        assert page.status_code == 200, name
    page = client.get(reverse("admin:applications_application_change", args=[case.pk]))
    assert page.status_code == 200 and "收到申请之日" in page.content.decode()
    page = client.get(reverse("admin:calendar_holidayyear_changelist"))
    assert page.status_code == 200 and "节假日安排年份" in page.content.decode()
    pk = HolidayYear.objects.get(year=2024).pk
    year = client.get(reverse("admin:calendar_holidayyear_change", args=[pk]))
    assert year.status_code == 200 and "第四季度公布下一年度" in year.content.decode()


@pytest.mark.django_db
def test_attachment_model_checks_the_file(agency_a, calendar, settings, tmp_path) -> None:  # noqa: F811
    from django.core.files.uploadedfile import SimpleUploadedFile

    from web.applications.models import Attachment

    settings.MEDIA_ROOT = str(tmp_path)
    case = make_case(agency_a, D(2025, 3, 3))
    good = Attachment(application=case, file=SimpleUploadedFile("证明.pdf", b"%PDF-1.4 x", "application/pdf"))
    filled = ["original_name", "content_type", "size"]  # read-only in the admin: clean() fills them
    good.full_clean(exclude=filled)
    good.save()
    assert (good.size, good.original_name, good.content_type) == (10, "证明.pdf", "application/pdf")
    bad = Attachment(application=case, file=SimpleUploadedFile("证明.pdf", b"MZ\x90\x00", "application/pdf"))
    with pytest.raises(ValidationError, match="不符"):
        bad.full_clean(exclude=filled)
