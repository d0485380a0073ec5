"""Two handlers deciding one case at the same moment: one wins, the other gets the conflict message.

Needs real row locks (PostgreSQL); SQLite serialises whole-database writes and is skipped.
"""

from __future__ import annotations

import datetime as dt
import threading
from typing import Any

import pytest
from django.db import connection, connections

from web.applications import domain
from web.applications.choices import EventKind, Outcome
from web.applications.models import Application, CaseEvent
from web.applications.tests.domain_fixtures import calendar, make_case  # noqa: F401

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL (set DATABASE_URL)"),
]


@pytest.mark.parametrize("round_", range(3))
def test_two_handlers_deciding_at_once(agency_a, owner, colleague, calendar, round_: int) -> None:  # noqa: F811
    case = make_case(agency_a, dt.date(2024, 2, 1), n=round_ + 1)
    copies = {"owner": Application.objects.get(pk=case.pk), "colleague": Application.objects.get(pk=case.pk)}
    users = {"owner": owner, "colleague": colleague}
    outcomes = {"owner": Outcome.GRANTED, "colleague": Outcome.UNABLE_1}
    barrier = threading.Barrier(2)
    results: dict[str, Any] = {}

    def act(who: str) -> None:
        try:
            barrier.wait(timeout=10)
            domain.decide(copies[who], users[who], outcomes[who], "条例第三十六条", dt.date(2024, 2, 20))
            results[who] = "ok"
        except domain.ConflictError as exc:
            results[who] = exc
        except Exception as exc:
            results[who] = exc
        finally:
            connections.close_all()

    threads = [threading.Thread(target=act, args=(who,)) for who in copies]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)

    winners = [who for who, r in results.items() if r == "ok"]
    losers = [r for r in results.values() if r != "ok"]
    assert len(winners) == 1, results
    assert len(losers) == 1 and isinstance(losers[0], domain.ConflictError), results
    assert str(losers[0]) == "该申请已被他人处理，请刷新后重试"
    decided = CaseEvent.objects.filter(application=case, kind=EventKind.DECIDED)
    assert decided.count() == 1
    assert decided.get().outcome == outcomes[winners[0]]
    assert Application.objects.get(pk=case.pk).version == 1
