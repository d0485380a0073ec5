"""Parse+check time per corpus file, as a ratio to bare text extraction of the same file in the same run.

    .venv/bin/python bench/bench_parse.py [CORPUS_DIR] [--repeat N]

Baselines: pypdfium2 text of every page (PDF), python-docx opening the file (DOCX), lxml parsing the page
(HTML), reading the file as text (TXT, Markdown). Each timing is the best of N runs, baseline and
parser alternating, after a warm-up run.
Goal: at most 2× for PDF.
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path

import docx
import lxml.html
import pypdfium2

from xxgk.parse import parse_file

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
    ".pdf": ("pypdfium2 文本", bare_pdf),
    ".docx": ("python-docx 打开", bare_docx),
    ".html": ("lxml 解析", bare_html),
    ".htm": ("lxml 解析", bare_html),
    ".txt": ("读取文件", bare_text),
    ".md": ("读取文件", bare_text),
}


def best_pair(first: Callable[[], object], second: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best times of two functions run alternately, so that load on the machine hits both alike."""
    first(), second()  # warm-up: imports, caches
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(repeat):
        for function, out in ((first, times[0]), (second, times[1])):
            start = time.perf_counter()
            function()
            out.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    files = sorted(p for p in args.corpus.iterdir() if p.suffix.lower() in SUFFIXES and p.name != "README.md")
    print(f"{'file':36} {'baseline':18} {'bare ms':>9} {'parse+check ms':>15} {'ratio':>7}")
    worst_pdf = 0.0
    for path in files:
        label, bare = BASELINES[path.suffix.lower()]
        bare_time, parse_time = best_pair(
            lambda path=path, bare=bare: bare(path), lambda path=path: parse_file(path), args.repeat
        )
        ratio = parse_time / bare_time if bare_time else float("inf")
        if path.suffix.lower() == ".pdf":
            worst_pdf = max(worst_pdf, ratio)
        print(f"{path.name:36} {label:14} {bare_time * 1000:9.2f} {parse_time * 1000:15.2f} {ratio:7.1f}×")
    if worst_pdf:
        verdict = "met" if worst_pdf <= 2.0 else "NOT met"
        print(f"PDF goal ≤ 2.0× bare pypdfium2 text: worst {worst_pdf:.2f}× ({verdict})")


if __name__ == "__main__":
    main()
