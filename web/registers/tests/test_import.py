"""Bulk import of decisions: all or nothing, every bad row reported as 「第 N 行：…」."""

from __future__ import annotations

import datetime as dt
import io

import openpyxl
import pytest

from web.conftest import client_for
from web.registers.imports import ImportFileError, import_decisions
from web.registers.models import Decision

pytestmark = pytest.mark.django_db
HEADER = ["类别", "决定书文号", "决定日期", "事项名称"]


def xlsx(rows: list[list[object]]) -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list[str]], encoding: str) -> bytes:
    return "\n".join(",".join(r) for r in rows).encode(encoding)


def test_bad_rows_import_nothing_and_are_all_reported(agency_a) -> None:  # type: ignore[no-untyped-def]
    Decision.objects.create(
        agency=agency_a, kind="penalty", number="清市监罚〔2024〕1号", decided_on=dt.date(2024, 1, 2)
    )
    rows = [
        HEADER,
        ["行政许可", "清许〔2024〕1号", dt.date(2024, 3, 1), "食品经营许可"],  # row 2: fine
        ["行政审批", "清许〔2024〕2号", "2024-03-02", ""],  # row 3: unknown kind
        ["行政处罚", "", "2024-03-03", ""],  # row 4: no number
        ["行政处罚", "清市监罚〔2024〕2号", "2024-02-30", ""],  # row 5: impossible date
        [None, None, None, None],  # row 6: blank, skipped
        ["行政许可", "清许〔2024〕1号", "2024/3/9", ""],  # row 7: duplicate of row 2
        ["行政处罚", "清市监罚〔2024〕1号", "2024年3月10日", ""],  # row 8: already registered
        ["行政强制", "清强〔2024〕1号", "", ""],  # row 9: no date
    ]
    result = import_decisions(agency_a, "决定.xlsx", xlsx(rows))
    assert not result.ok and result.created == 0
    assert [e.split("：")[0] for e in result.errors] == [f"第 {n} 行" for n in (3, 4, 5, 7, 8, 9)]
    assert "行政审批" in result.errors[0]
    assert "决定书文号为空" in result.errors[1]
    assert "2024-02-30" in result.errors[2]
    assert "与第 2 行重复" in result.errors[3]
    assert "已登记过" in result.errors[4]
    assert "决定日期为空" in result.errors[5]
    assert Decision.objects.count() == 1  # nothing imported


def test_good_xlsx_and_gb18030_csv_import(agency_a) -> None:  # type: ignore[no-untyped-def]
    rows = [
        HEADER,
        ["行政许可", "清许〔2024〕1号", dt.datetime(2024, 3, 1, 0, 0), "食品经营许可"],
        ["penalty", "清罚〔2024〕7号", "2024.5.6", ""],
    ]
    assert import_decisions(agency_a, "a.xlsx", xlsx(rows)).created == 2
    csv_rows = [
        ["决定日期", "类别", "决定书文号"],
        ["2024-07-01", "行政强制", "清强〔2024〕3号"],
        ["2024-07-02", "其他对外管理服务事项", "清服〔2024〕1号"],
    ]
    assert import_decisions(agency_a, "b.csv", csv_bytes(csv_rows, "gb18030")).created == 2
    assert (
        import_decisions(
            agency_a,
            "c.csv",
            b"\xef\xbb\xbf" + csv_bytes([HEADER, ["行政处罚", "清罚〔2024〕8号", "2024-08-01", ""]], "utf-8"),
        ).created
        == 1
    )
    assert sorted(Decision.objects.values_list("kind", flat=True)) == [
        "coercion",
        "licensing",
        "other_service",
        "penalty",
        "penalty",
    ]
    assert Decision.objects.get(number="清罚〔2024〕7号").decided_on == dt.date(2024, 5, 6)


def test_unreadable_files_say_why(agency_a) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImportFileError, match="缺少列：决定日期"):
        import_decisions(agency_a, "a.csv", "类别,决定书文号\n行政许可,1\n".encode())
    with pytest.raises(ImportFileError, match="XLSX 或 CSV"):
        import_decisions(agency_a, "a.xls", b"whatever")
    with pytest.raises(ImportFileError, match="XLSX"):
        import_decisions(agency_a, "a.xlsx", b"not a zip")
    with pytest.raises(ImportFileError, match="没有可导入"):
        import_decisions(agency_a, "a.csv", ",".join(HEADER).encode())


def test_import_page(agency_a, owner, outsider, supervisor) -> None:  # type: ignore[no-untyped-def]
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile(
        "d.csv", csv_bytes([HEADER, ["行政许可", "X1", "2024-01-01", ""], ["许可", "X2", "2024-01-01", ""]], "utf-8")
    )
    page = client_for(owner).post("/work/registers/decisions/import/", {"agency": agency_a.pk, "file": bad})
    assert page.status_code == 200
    assert "未导入任何数据" in page.content.decode() and "第 3 行" in page.content.decode()
    assert not Decision.objects.exists()
    good = SimpleUploadedFile("d.csv", csv_bytes([HEADER, ["行政许可", "X1", "2024-01-01", ""]], "utf-8"))
    assert (
        client_for(owner).post("/work/registers/decisions/import/", {"agency": agency_a.pk, "file": good}).status_code
        == 302
    )
    assert Decision.objects.get().created_by == owner
    # Another agency's staff cannot import into agency A (not offered: form error, nothing saved).
    other = SimpleUploadedFile("d.csv", csv_bytes([HEADER, ["行政许可", "X9", "2024-01-01", ""]], "utf-8"))
    assert (
        client_for(outsider)
        .post("/work/registers/decisions/import/", {"agency": agency_a.pk, "file": other})
        .status_code
        == 200
    )
    assert Decision.objects.count() == 1
    assert client_for(supervisor).get("/work/registers/decisions/import/").status_code == 403
