"""PDF: the HTML page printed by WeasyPrint (A4, page numbers in the footer, Noto CJK for the customary
Chinese font names through the fontconfig aliases)."""

from __future__ import annotations

from xxgk.render.fonts import ensure_fontconfig

ensure_fontconfig()  # before WeasyPrint loads pango and with it fontconfig

from weasyprint import HTML  # noqa: E402

from xxgk.model.report import Finding, Report  # noqa: E402
from xxgk.render.html import page  # noqa: E402
from xxgk.render.layout import build_layout  # noqa: E402


def render(report: Report, findings: list[Finding] | None = None) -> bytes:
    """The report as a PDF file (findings are not part of the published document)."""
    layout = build_layout(report)
    document = HTML(string=page(layout))
    pdf: bytes = document.write_pdf(
        # subset the fonts (harfbuzz-subset makes this fast); keep the document small for portals
        optimize_images=False,
        metadata=True,
    )
    return pdf
