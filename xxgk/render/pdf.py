"""PDF: the HTML page printed by WeasyPrint (A4, page numbers in the footer, Noto CJK for the customary
Chinese font names through the fontconfig aliases)."""

from __future__ import annotations

from xxgk.render.fonts import ensure_fontconfig

ensure_fontconfig()  # before WeasyPrint loads pango and with it fontconfig

from weasyprint import HTML  # noqa: E402
from weasyprint.urls import URLFetcher  # noqa: E402

from xxgk.model.report import Finding, Report  # noqa: E402
from xxgk.render.html import page  # noqa: E402
from xxgk.render.layout import build_layout  # noqa: E402


class OfflineFetcher(URLFetcher):
    """Refuses every URL. The page is self-contained, so nothing is ever fetched; and WeasyPrint's default
    fetcher builds an SSL context (loading the CA store) for every document, which costs more than laying
    out the report itself."""

    def __init__(self) -> None:
        super(URLFetcher, self).__init__()  # the bare opener, without the network handlers

    def fetch(self, url: str, headers: object = None) -> object:
        raise ValueError(f"年度报告页面不引用外部资源，拒绝读取：{url}")


FETCHER = OfflineFetcher()


def render(report: Report, findings: list[Finding] | None = None) -> bytes:
    """The report as a PDF file (findings are not part of the published document)."""
    layout = build_layout(report)
    document = HTML(string=page(layout, for_print=True), url_fetcher=FETCHER)
    # Fonts are subset (harfbuzz-subset makes that fast), so the file stays small for portals.
    pdf: bytes = document.write_pdf()
    return pdf
