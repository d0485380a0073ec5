"""table1_for against hand counts, for a 2019-format and a 2021-format year."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from web.registers.models import Decision, DocumentKind, FeeIncome, Matter, NormativeDocument, Procurement
from web.registers.tables import table1_for
from xxgk.model import labels as L
from xxgk.model.formats import FORMAT_2019, FORMAT_2021, table1_key

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def registers(agency_a, agency_b):  # type: ignore[no-untyped-def]
    def doc(
        no: str, issued: dt.date, published: dt.date | None, repealed: dt.date | None, kind: str = "normative"
    ) -> None:
        NormativeDocument.objects.create(
            agency=agency_a,
            kind=kind,
            title=no,
            doc_no=no,
            issued_on=issued,
            published_on=published,
            repealed_on=repealed,
        )

    doc("D1", D(2019, 3, 1), D(2019, 3, 10), None)
    doc("D2", D(2019, 12, 30), D(2020, 1, 5), D(2021, 6, 1))
    doc("D3", D(2018, 5, 1), D(2018, 5, 3), D(2019, 7, 1))
    doc("D4", D(2021, 2, 1), None, None)
    doc("D5", D(2021, 12, 31), D(2021, 12, 31), D(2022, 1, 1))
    doc("R1", D(2020, 4, 1), D(2020, 4, 2), None, kind=DocumentKind.RULE)
    NormativeDocument.objects.create(agency=agency_b, kind="normative", title="B", doc_no="B1", issued_on=D(2019, 1, 1))

    def matter(kind: str, name: str, established: dt.date, abolished: dt.date | None = None) -> None:
        Matter.objects.create(agency=agency_a, kind=kind, name=name, established_on=established, abolished_on=abolished)

    matter("licensing", "M1", D(2015, 1, 1))
    matter("licensing", "M2", D(2019, 5, 1))
    matter("licensing", "M3", D(2015, 1, 1), D(2019, 10, 1))
    matter("licensing", "M4", D(2020, 3, 1))
    matter("other_service", "O1", D(2016, 1, 1))
    matter("penalty", "P1", D(2015, 1, 1))
    matter("penalty", "P2", D(2020, 1, 1), D(2020, 12, 31))  # abolished on 31 Dec: not in force at year end
    matter("fee", "F1", D(2015, 1, 1))
    matter("fee", "F2", D(2015, 1, 1), D(2019, 1, 1))

    def decision(kind: str, no: str, day: dt.date, agency=agency_a) -> None:  # type: ignore[no-untyped-def]
        Decision.objects.create(agency=agency, kind=kind, number=no, decided_on=day)

    decision("licensing", "L1", D(2019, 1, 1))
    decision("licensing", "L2", D(2019, 6, 1))
    decision("licensing", "L3", D(2019, 12, 31))
    decision("licensing", "L4", D(2020, 1, 1))
    decision("other_service", "S1", D(2019, 8, 8))
    decision("penalty", "P1", D(2020, 2, 2))
    decision("penalty", "P2", D(2020, 11, 2))
    decision("coercion", "C1", D(2021, 5, 5))
    decision("penalty", "PB", D(2021, 5, 5), agency_b)

    FeeIncome.objects.create(agency=agency_a, year=2021, item="甲", amount=Decimal("12.3456"))
    FeeIncome.objects.create(agency=agency_a, year=2021, item="乙", amount=Decimal("0.0001"))
    FeeIncome.objects.create(agency=agency_a, year=2021, item="丙", amount=Decimal("100"))
    FeeIncome.objects.create(agency=agency_b, year=2021, item="甲", amount=Decimal("5"))
    Procurement.objects.create(agency=agency_a, project="A", contracted_on=D(2019, 4, 1), amount=Decimal("10.5"))
    Procurement.objects.create(agency=agency_a, project="B", contracted_on=D(2019, 9, 1), amount=Decimal("3.25"))
    return agency_a


def k(row: str, col: str) -> str:
    return table1_key(row, col)


def test_2019_format_year_2019(registers) -> None:  # type: ignore[no-untyped-def]
    table = table1_for(registers, 2019)
    assert list(table) == list(FORMAT_2019.table1_keys)
    expected = {
        k(L.T1_ROW_RULES, L.T1_COL_NEW_MADE): 0,
        k(L.T1_ROW_RULES, L.T1_COL_NEW_PUBLISHED): 0,
        k(L.T1_ROW_RULES, L.T1_COL_TOTAL_PUBLISHED): 0,
        k(L.T1_ROW_NORMATIVE_2019, L.T1_COL_NEW_MADE): 2,  # D1, D2
        k(L.T1_ROW_NORMATIVE_2019, L.T1_COL_NEW_PUBLISHED): 1,  # D1 (D2 published in 2020)
        k(L.T1_ROW_NORMATIVE_2019, L.T1_COL_TOTAL_PUBLISHED): 1,  # D1 (D3 repealed in 2019)
        k(L.T1_ROW_LICENSING, L.T1_COL_PREVIOUS_ITEMS): 2,  # M1, M3
        k(L.T1_ROW_LICENSING, L.T1_COL_CHANGE): 0,  # M1, M2 at the end of 2019
        k(L.T1_ROW_LICENSING, L.T1_COL_DECISIONS_2019): 3,
        k(L.T1_ROW_OTHER_SERVICES, L.T1_COL_PREVIOUS_ITEMS): 1,
        k(L.T1_ROW_OTHER_SERVICES, L.T1_COL_CHANGE): 0,
        k(L.T1_ROW_OTHER_SERVICES, L.T1_COL_DECISIONS_2019): 1,
        k(L.T1_ROW_PENALTY, L.T1_COL_PREVIOUS_ITEMS): 1,
        k(L.T1_ROW_PENALTY, L.T1_COL_CHANGE): 0,
        k(L.T1_ROW_PENALTY, L.T1_COL_DECISIONS_2019): 0,
        k(L.T1_ROW_COERCION, L.T1_COL_PREVIOUS_ITEMS): 0,
        k(L.T1_ROW_COERCION, L.T1_COL_CHANGE): 0,
        k(L.T1_ROW_COERCION, L.T1_COL_DECISIONS_2019): 0,
        k(L.T1_ROW_FEES, L.T1_COL_PREVIOUS_ITEMS): 2,  # F1, F2
        k(L.T1_ROW_FEES, L.T1_COL_CHANGE): -1,  # F2 abolished
        k(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_ITEMS): 2,
        k(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_AMOUNT): Decimal("13.7500"),
    }
    assert table == expected
    assert str(table[k(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_AMOUNT)]) == "13.7500"


def test_2019_format_year_2020(registers) -> None:  # type: ignore[no-untyped-def]
    table = table1_for(registers, 2020)
    assert table[k(L.T1_ROW_RULES, L.T1_COL_NEW_MADE)] == 1
    assert table[k(L.T1_ROW_RULES, L.T1_COL_TOTAL_PUBLISHED)] == 1
    assert table[k(L.T1_ROW_NORMATIVE_2019, L.T1_COL_NEW_MADE)] == 0
    assert table[k(L.T1_ROW_NORMATIVE_2019, L.T1_COL_NEW_PUBLISHED)] == 1  # D2
    assert table[k(L.T1_ROW_NORMATIVE_2019, L.T1_COL_TOTAL_PUBLISHED)] == 2  # D1, D2
    assert table[k(L.T1_ROW_LICENSING, L.T1_COL_PREVIOUS_ITEMS)] == 2
    assert table[k(L.T1_ROW_LICENSING, L.T1_COL_CHANGE)] == 1  # M4
    assert table[k(L.T1_ROW_LICENSING, L.T1_COL_DECISIONS_2019)] == 1
    assert table[k(L.T1_ROW_PENALTY, L.T1_COL_CHANGE)] == 0  # P2 came and went within the year
    assert table[k(L.T1_ROW_PENALTY, L.T1_COL_DECISIONS_2019)] == 2
    assert table[k(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_ITEMS)] == 0
    assert table[k(L.T1_ROW_PROCUREMENT, L.T1_COL_PROCUREMENT_AMOUNT)] == Decimal("0.0000")


def test_2021_format_year_2021(registers) -> None:  # type: ignore[no-untyped-def]
    table = table1_for(registers, 2021)
    assert table == {
        k(L.T1_ROW_RULES, L.T1_COL_ISSUED): 0,
        k(L.T1_ROW_RULES, L.T1_COL_REPEALED): 0,
        k(L.T1_ROW_RULES, L.T1_COL_IN_FORCE): 1,
        k(L.T1_ROW_NORMATIVE_2021, L.T1_COL_ISSUED): 2,  # D4, D5
        k(L.T1_ROW_NORMATIVE_2021, L.T1_COL_REPEALED): 1,  # D2
        k(L.T1_ROW_NORMATIVE_2021, L.T1_COL_IN_FORCE): 3,  # D1, D4, D5
        k(L.T1_ROW_LICENSING, L.T1_COL_DECISIONS_2021): 0,
        k(L.T1_ROW_PENALTY, L.T1_COL_DECISIONS_2021): 0,  # agency B's penalty is not ours
        k(L.T1_ROW_COERCION, L.T1_COL_DECISIONS_2021): 1,
        k(L.T1_ROW_FEES, L.T1_COL_FEE_AMOUNT): Decimal("112.3457"),
    }
    assert list(table) == list(FORMAT_2021.table1_keys)
    amount = table[k(L.T1_ROW_FEES, L.T1_COL_FEE_AMOUNT)]
    assert isinstance(amount, Decimal) and amount.as_tuple().exponent == -4


def test_2022_cross_year_rule_holds_and_empty_year_is_zero(registers) -> None:  # type: ignore[no-untyped-def]
    y21, y22 = table1_for(registers, 2021), table1_for(registers, 2022)
    row = L.T1_ROW_NORMATIVE_2021
    # T1-03: in force(Y) = in force(Y-1) + issued(Y) − repealed(Y)
    assert y22[k(row, L.T1_COL_IN_FORCE)] == (
        y21[k(row, L.T1_COL_IN_FORCE)] + y22[k(row, L.T1_COL_ISSUED)] - y22[k(row, L.T1_COL_REPEALED)]  # type: ignore[operator]
    )
    assert y22[k(L.T1_ROW_FEES, L.T1_COL_FEE_AMOUNT)] == Decimal("0.0000")
