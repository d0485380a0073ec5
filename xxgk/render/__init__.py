"""Renderers: the report as DOCX, PDF, HTML, XLSX or JSON.

`RENDERERS` is a plain dict from format name to `render(report, findings=None) -> bytes`. Each renderer
module is imported only when its format is asked for, so that rendering JSON does not load WeasyPrint.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Final

from xxgk.model.report import Finding, Report

RenderFunction = Callable[[Report, "list[Finding] | None"], bytes]

# format name → module under xxgk.render that defines `render`
_MODULES: Final[dict[str, str]] = {
    "docx": "xxgk.render.docx",
    "pdf": "xxgk.render.pdf",
    "html": "xxgk.render.html",
    "xlsx": "xxgk.render.xlsx",
    "json": "xxgk.render.json",
}

MEDIA_TYPES: Final[dict[str, str]] = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "pdf": "application/pdf",
    "html": "text/html; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "json": "application/json",
}

FORMAT_NAMES: Final[tuple[str, ...]] = tuple(_MODULES)


def _lazy(module: str) -> RenderFunction:
    def render(report: Report, findings: list[Finding] | None = None) -> bytes:
        function: RenderFunction = importlib.import_module(module).render
        return function(report, findings)

    render.__name__ = f"render_{module.rsplit('.', 1)[1]}"
    render.__doc__ = f"Render through {module}.render."
    return render


RENDERERS: dict[str, RenderFunction] = {name: _lazy(module) for name, module in _MODULES.items()}


def render(report: Report, to: str, findings: list[Finding] | None = None) -> bytes:
    """Render `report` in format `to` (a key of RENDERERS)."""
    try:
        function = RENDERERS[to]
    except KeyError:
        raise ValueError(f"未知的输出格式「{to}」（可选：{'、'.join(RENDERERS)}）") from None
    return function(report, findings)
