"""The actions of a case as data: which form, which lifecycle event (to ask the state machine whether the
action is valid now), who may do it, and the one domain call it makes. The case page shows the forms of the
valid actions only; `act` handles their POST.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.views.decorators.http import require_POST

from web.accounts.permissions import can_approve, require_act, require_approve
from web.applications import domain
from web.applications.choices import EventKind, FeeMethodChoice
from web.applications.forms import (
    ActionForm,
    ConsultationForm,
    CorrectionForm,
    DecideForm,
    ExtensionForm,
    FeeForm,
)
from web.applications.lifecycle import CaseView, TransitionError
from web.applications.models import Application
from xxgk.fees import PAGE_BANDS, fee_amount

Call = Callable[[Application, Any, dict[str, Any]], Any]


def _common(data: dict[str, Any]) -> dict[str, Any]:
    return {"document_ref": data.get("document_ref", ""), "note": data.get("note", "")}


@dataclass(frozen=True)
class Action:
    name: str
    label: str  # the summary of the form, e.g. 一次性告知补正
    button: str
    event: str  # the EventKind the state machine is asked about
    form: type[ActionForm]
    call: Call
    done: str  # the success message
    approver_only: bool = False
    confirm: str = ""
    explain: str = ""


ACTIONS: dict[str, Action] = {
    a.name: a
    for a in (
        Action(
            "request_correction",
            "补正：一次性告知补正（条例第三十条）",
            "发出补正通知",
            EventKind.CORRECTION_REQUESTED,
            CorrectionForm,
            lambda c, u, d: domain.request_correction(
                c, u, d["items"], d["date"], period_days=d["period_days"], **_common(d)
            ),
            "已登记补正通知，答复期限在收到补正前停止计算。可下载补正通知书。",
            explain="须在收到申请之日起7个工作日内一次性列明全部需要补正的事项。",
        ),
        Action(
            "receive_correction",
            "补正到达：收到补正的申请",
            "登记收到补正",
            EventKind.CORRECTION_RECEIVED,
            ActionForm,
            lambda c, u, d: domain.receive_correction(c, u, d["date"], **_common(d)),
            "已登记收到补正，答复期限自收到补正之日起重新计算。",
        ),
        Action(
            "lapse_correction",
            "逾期未补正：视为放弃申请",
            "登记逾期未补正",
            EventKind.CORRECTION_LAPSED,
            ActionForm,
            lambda c, u, d: domain.lapse_correction(c, u, d["date"], **_common(d)),
            "已登记逾期未补正，该申请视为放弃（表二（六）1）。",
            confirm="确认申请人无正当理由逾期未补正、视为放弃申请？",
        ),
        Action(
            "start_third_party",
            "第三方征询开始（条例第三十二条）",
            "登记征求第三方意见",
            EventKind.THIRD_PARTY_STARTED,
            ConsultationForm,
            lambda c, u, d: domain.start_third_party_consultation(c, u, d["date"], party=d["party"], **_common(d)),
            "已登记书面征求第三方意见，征询期间不计入答复期限。可下载第三方意见征询函。",
            explain="第三方自收到征询函之日起15个工作日内提出意见；征询时间不计入答复期限（第三十三条第三款）。",
        ),
        Action(
            "end_third_party",
            "第三方征询结束",
            "登记征询结束",
            EventKind.THIRD_PARTY_ENDED,
            ActionForm,
            lambda c, u, d: domain.end_third_party_consultation(c, u, d["date"], **_common(d)),
            "已登记第三方意见征询结束，答复期限恢复计算。",
        ),
        Action(
            "start_agency",
            "他机关征询开始（条例第三十四条）",
            "登记征求其他机关意见",
            EventKind.AGENCY_STARTED,
            ConsultationForm,
            lambda c, u, d: domain.start_agency_consultation(c, u, d["date"], party=d["party"], **_common(d)),
            "已登记征求其他机关意见，征询期间不计入答复期限。",
        ),
        Action(
            "end_agency",
            "他机关征询结束",
            "登记征询结束",
            EventKind.AGENCY_ENDED,
            ActionForm,
            lambda c, u, d: domain.end_agency_consultation(c, u, d["date"], **_common(d)),
            "已登记其他机关意见征询结束，答复期限恢复计算。",
        ),
        Action(
            "extend",
            "延期答复（须负责人同意，条例第三十三条第二款）",
            "同意延期",
            EventKind.EXTENSION_APPROVED,
            ExtensionForm,
            lambda c, u, d: domain.approve_extension(c, u, u, d["days"], d["date"], **_common(d)),
            "已批准延期答复。请向申请人送达延期答复告知书。",
            approver_only=True,
            explain="只有政府信息公开工作机构负责人可以批准；延期只能批准一次，最长20个工作日。",
        ),
        Action(
            "notify_fee",
            "收费通知（信息处理费）",
            "发出收费通知",
            EventKind.FEE_NOTIFIED,
            FeeForm,
            lambda c, u, d: domain.notify_fee(c, u, d["method"], d["date"], quantity=d.get("quantity"), **_common(d)),
            "已登记收费通知。申请人应自收到通知次日起20个工作日内缴费。",
        ),
        Action(
            "record_fee_paid",
            "缴费：申请人已缴纳信息处理费",
            "登记已缴费",
            EventKind.FEE_PAID,
            ActionForm,
            lambda c, u, d: domain.record_fee_paid(c, u, d["date"], **_common(d)),
            "已登记缴费，答复期限恢复计算。",
        ),
        Action(
            "lapse_fee",
            "逾期未缴费：视为放弃申请",
            "登记逾期未缴费",
            EventKind.FEE_LAPSED,
            ActionForm,
            lambda c, u, d: domain.lapse_fee(c, u, d["date"], **_common(d)),
            "已登记逾期未缴费，该申请视为放弃（表二（六）2）。",
            confirm="确认申请人逾期未缴纳信息处理费、视为放弃申请？",
        ),
        Action(
            "decide",
            "作出答复",
            "作出答复",
            EventKind.DECIDED,
            DecideForm,
            lambda c, u, d: domain.decide(c, u, d["outcome"], d["basis"], d["date"], **_common(d)),
            "已作出答复。请下载答复书送达申请人。",
            explain="选择唯一的办理结果；答复书将引用相应条款并告知行政复议（60日内）、行政诉讼（6个月内）的权利。",
        ),
        Action(
            "close",
            "结案：办结归档",
            "办结归档",
            EventKind.CLOSED,
            ActionForm,
            lambda c, u, d: domain.close(c, u, d["date"], **_common(d)),
            "已办结归档。",
        ),
        Action(
            "withdraw",
            "撤回：申请人撤回申请",
            "登记撤回",
            EventKind.WITHDRAWN,
            ActionForm,
            lambda c, u, d: domain.withdraw(c, u, d["date"], **_common(d)),
            "已登记申请人撤回申请（表二（六）3）。",
            confirm="确认申请人已撤回该申请？撤回后不能再办理。",
        ),
    )
}


def is_valid_now(view: CaseView, action: Action, day: dt.date) -> bool:
    """Ask the state machine (with neutral placeholders for the values the clerk has not chosen yet)."""
    try:
        view.check(action.event, max(day, view.last_date or day), outcome="granted", days=1)
    except TransitionError:
        return False
    return not (action.name == "notify_fee" and view.fee_notified_on is not None)


def _fee_explain(case: Application) -> str:
    from web.applications.hints import month_ordinal

    nth = month_ordinal(case)
    per_request = fee_amount(FeeMethodChoice.PER_REQUEST, nth)
    bands = "；".join(f"{lo}–{hi}页 {rate}元/页" if hi else f"{lo}页以上 {rate}元/页" for lo, hi, rate in PAGE_BANDS)
    free = "（每月前10件免费，本件无须收费）" if per_request == Decimal(0) else ""
    return f"按件计收：本件为申请人本自然月第{nth}件，应收 {per_request} 元{free}。按量计收（超额累进）：{bands}。"


def actions_for(
    request: HttpRequest, case: Application, view: CaseView, day: dt.date, *, bound: dict[str, Any] | None = None
) -> list[dict[str, Any]]:
    """The forms of the actions valid now; the approver-only ones only for approvers."""
    approver = can_approve(request.user, case.agency_id)
    out = []
    for action in ACTIONS.values():
        if action.approver_only and not approver:
            if is_valid_now(view, action, day):
                out.append(
                    {
                        "name": action.name,
                        "label": action.label,
                        "note": "须由本机关政府信息公开工作机构负责人登录后批准。",
                    }
                )
            continue
        if not is_valid_now(view, action, day):
            continue
        if bound and bound.get("name") == action.name:
            form = bound["form"]
        else:
            form = action.form(initial={"version": case.version, "date": day}, prefix=action.name)
        explain = _fee_explain(case) if action.name == "notify_fee" else action.explain
        out.append(
            {
                "name": action.name,
                "label": action.label,
                "button": action.button,
                "form": form,
                "url": reverse("applications:act", args=[case.pk, action.name]),
                "confirm": action.confirm,
                "explain": explain,
                "open": bool(bound and bound.get("name") == action.name),
            }
        )
    return out


@login_required
@require_POST
def act(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """One action on a case: permission → form → one domain call → redirect with a Chinese message."""
    from web.applications.views import render_detail, visible_case

    spec = ACTIONS.get(action)
    if spec is None:
        raise Http404("没有这种办理事项")
    case = visible_case(request, pk)
    require_act(request.user, case)
    if spec.approver_only:
        require_approve(request.user, case.agency)
    form = spec.form(request.POST, prefix=spec.name)
    if not form.is_valid():
        messages.error(request, f"“{spec.button}”未办理：请按提示修改后重新提交。")
        return render_detail(request, case, bound={"name": spec.name, "form": form})
    data = form.cleaned_data
    case.version = data["version"]  # the version the clerk saw: a change by someone else since then conflicts
    try:
        spec.call(case, request.user, data)
    except domain.ConflictError:
        messages.error(request, "该申请已被他人处理，您看到的不是最新情况。请查看最新办理记录后再决定是否办理。")
        return redirect("applications:detail", pk=case.pk)
    except TransitionError as exc:
        form.add_error(None, str(exc))
        messages.error(request, f"“{spec.button}”未办理：{exc}")
        fresh = visible_case(request, pk)
        return render_detail(request, fresh, bound={"name": spec.name, "form": form})
    messages.success(request, spec.done)
    return redirect("applications:detail", pk=case.pk)
