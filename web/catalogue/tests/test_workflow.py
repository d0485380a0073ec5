"""The publishing workflow: draft → 保密审查 (by another staff member) → approval → published, with
rejections carrying reasons, every step in the item's history and the change log."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from web.accounts.models import ChangeLog
from web.catalogue.models import Item, ItemEvent, Status, Validity, WorkflowError
from web.catalogue.search import items_matching
from web.catalogue.tests.conftest import make_item

pytestmark = pytest.mark.django_db
TODAY = dt.date(2025, 10, 9)


def test_full_path_with_a_rejection(agency_a, owner, colleague, approver) -> None:  # type: ignore[no-untyped-def]
    item = make_item(agency_a, owner)
    item.submit(owner)
    assert item.status == Status.REVIEW
    item.review(colleague, passed=False, reason="含个人身份证号码")
    assert item.status == Status.DRAFT and item.rejection_reason == "含个人身份证号码"
    item.submit(owner)
    item.review(colleague, passed=True)
    assert item.status == Status.APPROVAL and item.reviewer == colleague
    item.approve(approver, passed=True, today=TODAY)
    item.refresh_from_db()
    assert item.status == Status.PUBLISHED and item.published_on == TODAY and item.approver == approver
    assert item.index_no == f"{agency_a.pk:06d}/2025-00001"
    actions = list(item.events.values_list("action", flat=True))
    assert actions == ["submit", "review_reject", "submit", "review_pass", "approve"]
    rejected = item.events.get(action=ItemEvent.Action.REVIEW_REJECT)
    assert rejected.note == "含个人身份证号码" and rejected.actor == colleague
    logged = ChangeLog.objects.filter(object_type="catalogue.item", object_id=str(item.pk))
    assert logged.count() == 5


def test_author_cannot_review_own_item(agency_a, owner) -> None:  # type: ignore[no-untyped-def]
    item = make_item(agency_a, owner)
    item.submit(owner)
    with pytest.raises(WorkflowError, match="起草人以外"):
        item.review(owner, passed=True)
    # …and the database refuses it too.
    with pytest.raises(IntegrityError), transaction.atomic():
        Item.objects.filter(pk=item.pk).update(reviewer=owner)


def test_transitions_out_of_order_and_rejections_without_reason(agency_a, owner, colleague, approver) -> None:  # type: ignore[no-untyped-def]
    item = make_item(agency_a, owner)
    with pytest.raises(WorkflowError):
        item.approve(approver, passed=True, today=TODAY)
    with pytest.raises(WorkflowError):
        item.review(colleague, passed=True)
    item.submit(owner)
    with pytest.raises(WorkflowError, match="退回理由"):
        item.review(colleague, passed=False, reason="  ")
    with pytest.raises(WorkflowError):
        item.submit(owner)
    item.review(colleague, passed=True)
    item.approve(approver, passed=False, reason="标题不规范", today=TODAY)
    assert item.status == Status.DRAFT and item.reviewer is None  # the review is redone after changes


def test_policy_without_interpretation_is_flagged(agency_a, owner) -> None:  # type: ignore[no-untyped-def]
    policy = make_item(agency_a, owner, is_policy=True, status=Status.PUBLISHED, published_on=TODAY)
    assert policy.lacks_interpretation()
    assert list(Item.objects.policies_without_interpretation()) == [policy]
    draft = make_item(agency_a, owner, title="解读", interprets=policy)
    assert policy.lacks_interpretation()  # a draft interpretation does not count
    draft.status = Status.PUBLISHED
    draft.save()
    assert not policy.lacks_interpretation()
    assert list(Item.objects.policies_without_interpretation()) == []


def test_validity_change_is_logged(agency_a, owner) -> None:  # type: ignore[no-untyped-def]
    item = make_item(agency_a, owner, status=Status.PUBLISHED, published_on=TODAY)
    item.set_validity(owner, Validity.REPEALED, "被新办法替代")
    assert item.events.last().note == "废止，被新办法替代"  # type: ignore[union-attr]


def test_search_and_items_matching(agency_a, agency_b, owner, outsider) -> None:  # type: ignore[no-untyped-def]
    published = {"status": Status.PUBLISHED, "published_on": TODAY}
    a = make_item(agency_a, owner, title="清河区最低生活保障实施办法", body="低保标准每月 900 元", **published)
    make_item(agency_a, owner, title="防汛应急预案", doc_no="清政办发〔2025〕3号", **published)
    make_item(agency_a, owner, title="最低生活保障审批表（草稿）")  # not published
    make_item(agency_b, outsider, title="财政局最低生活保障资金", **published)
    assert list(Item.objects.search("最低生活保障").filter(agency=agency_a).published()) == [a]
    assert Item.objects.search("清政办发〔2025〕3号").count() == 1
    assert Item.objects.search("低保 900").count() == 1
    # Applications are sentences without spaces; filler words of the request are ignored.
    assert items_matching(agency_a, "请公开清河区最低生活保障的实施办法，谢谢。") == [a]
    assert items_matching(agency_a, "申请公开清政办发〔2025〕3号文件") == [Item.objects.get(title="防汛应急预案")]
    assert items_matching(agency_a, "申请公开2024年本区道路维修合同") == []
    assert items_matching(agency_a, "请公开相关信息") == []
    assert items_matching(agency_a, "") == []
