"""JSON: the §J form of the report (`xxgk.model.dumps`), with the findings of the check when given."""

from __future__ import annotations

import dataclasses

from xxgk.model import dumps
from xxgk.model.report import Finding, Report


def render(report: Report, findings: list[Finding] | None = None) -> bytes:
    if findings is not None:
        report = dataclasses.replace(report, findings=list(findings))
    return (dumps(report) + "\n").encode("utf-8")
