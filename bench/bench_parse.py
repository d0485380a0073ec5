"""Parse+check time per corpus file, as a ratio to bare text extraction of the same file in the same run.

    .venv/bin/python bench/bench_parse.py [CORPUS_DIR] [--repeat N]

Baselines: pypdfium2 text of every page (PDF), python-docx opening the file (DOCX), lxml parsing the page
(HTML), reading the file as text (TXT, Markdown). Each timing is the best of N runs, the baseline, the
front-end alone and the whole parse+check alternating, after a warm-up run; times are CPU time of this
process, so that other work on a shared machine does not skew the ratios. The front-end column shows how
much of the cost is reading the file into rows, the rest is extraction and the rules. Goal: at most 2×
for PDF.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import docx
import lxml.html
import pypdfium2

from xxgk.parse import parse_file, read_document

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = {".pdf", ".docx", ".html", ".htm", ".txt", ".md"}


def bare_pdf(path: Path) -> None:
    document = pypdfium2.PdfDocument(path)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_bounded()
            textpage.close()
            page.close()
    finally:
        document.close()


def bare_docx(path: Path) -> None:
    docx.Document(str(path))


def bare_html(path: Path) -> None:
    lxml.html.fromstring(path.read_bytes())


def bare_text(path: Path) -> None:
    path.read_text(encoding="utf-8", errors="replace")


BASELINES: dict[str, tuple[str, Callable[[Path], None]]] = {
    ".pdf": ("pypdfium2 text", bare_pdf),
    ".docx": ("python-docx open", bare_docx),
    ".html": ("lxml parse", bare_html),
    ".htm": ("lxml parse", bare_html),
    ".txt": ("read file", bare_text),
    ".md": ("read file", bare_text),
}


def best_of(functions: list[Callable[[], object]], repeat: int) -> list[float]:
    """Best time of each function, run in turn, so that load on the machine hits them alike."""
    for function in functions:
        function()  # warm-up: imports, caches
    best = [float("inf")] * len(functions)
    for _ in range(repeat):
        for index, function in enumerate(functions):
            start = time.process_time()
            function()
            best[index] = min(best[index], time.process_time() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.suffix.lower() in SUFFIXES and p.name != "README.md")
    print(f"{'file':32} {'baseline':17} {'bare ms':>8} {'front-end':>10} {'parse+check ms':>15} {'ratio':>8}")
    worst_pdf = 0.0
    for path in files:
        label, bare = BASELINES[path.suffix.lower()]
        bare_time, front_time, parse_time = best_of(
            [lambda: bare(path), lambda: read_document(path), lambda: parse_file(path)],  # noqa: B023
            args.repeat,
        )
        ratio = parse_time / bare_time
        if path.suffix.lower() == ".pdf":
            worst_pdf = max(worst_pdf, ratio)
        print(
            f"{path.name:32} {label:17} {bare_time * 1000:8.2f} {front_time / bare_time:9.2f}× "
            f"{parse_time * 1000:15.2f} {ratio:7.2f}×"
        )
    if worst_pdf:
        verdict = "met" if worst_pdf <= 2.0 else "NOT met"
        print(f"PDF goal: parse+check ≤ 2.0× bare pypdfium2 text; worst {worst_pdf:.2f}× ({verdict})")


if __name__ == "__main__":
    main()
