"""The common intermediate form every input front-end produces and the extractor consumes.

A front-end (text, markdown, HTML, DOCX, PDF) turns a file into a `SourceDocument`: an ordered list of
rows, each a list of fragments of text with their provenance. A row from a real table structure (an HTML
<tr>, a DOCX table row, a pdfplumber table row) has one fragment per grid cell (merged cells expanded, the
continuation positions empty); a row of plain text has one fragment per separated cell (tabs, pipes) or a
single fragment for a whole line. The extractor never needs to know which front-end produced a document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

DocumentKind = Literal["pdf", "docx", "html", "text", "markdown"]
RowKind = Literal["text", "table_row"]


@dataclass(frozen=True, slots=True)
class Fragment:
    text: str
    page: int | None = None  # 1-based page (PDF)
    line: int | None = None  # 1-based line (text files)
    table: int | None = None  # 1-based table index in the document (HTML, DOCX, PDF tables)
    row: int | None = None  # 1-based row within that table
    column: int | None = None  # 1-based grid column within that table
    continuation: bool = False  # a grid position covered by a merged cell that started elsewhere


@dataclass(slots=True)
class Row:
    cells: list[Fragment]
    kind: RowKind = "text"

    @property
    def text(self) -> str:
        return "\t".join(c.text for c in self.cells if not c.continuation)


@dataclass(slots=True)
class SourceDocument:
    kind: DocumentKind
    rows: list[Row] = field(default_factory=list)
    path: str | None = None
    pages: int | None = None
    meta: dict[str, object] = field(default_factory=dict)


class UnreadableDocument(Exception):
    """The file cannot be read at all (empty, encrypted or corrupt PDF, corrupt DOCX).

    The message is one line of Chinese that says what is wrong; the CLI prints it and exits with status 2.
    Anything short of this (a readable file with no report in it) yields a report with findings instead.
    """
