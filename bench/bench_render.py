"""Rendering speed: one busy report (淮安市人民政府 2024, 3119 applications) to DOCX, PDF, HTML and XLSX.

Medians over several runs after a warm-up, printed as ratios against two baselines measured in the same
run: python-docx saving an empty document, and WeasyPrint rendering a one-line page. The goal is all four
formats of one report in under a second together; the total is printed beside it.

    .venv/bin/python bench/bench_render.py [--runs N] [REPORT.gold.json]
"""

from __future__ import annotations

import argparse
import io
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = ROOT.parent / "shared" / "corpus" / "huaian-gov-2024.gold.json"
FORMATS = ("docx", "pdf", "html", "xlsx")
GOAL_SECONDS = 1.0


def median_seconds(function: Callable[[], object], runs: int) -> float:
    function()  # warm-up: imports, font loading, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def empty_docx() -> bytes:
    import docx

    out = io.BytesIO()
    docx.Document().save(out)
    return out.getvalue()


def one_line_pdf() -> bytes:
    from xxgk.render.fonts import ensure_fontconfig

    ensure_fontconfig()
    from weasyprint import HTML

    pdf: bytes = HTML(string='<html lang="zh-CN"><p>政府信息公开工作年度报告</p></html>').write_pdf()
    return pdf


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", nargs="?", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.report.is_file():
        print(f"bench_render: {args.report} not found", file=sys.stderr)
        return 2

    from xxgk.model import loads
    from xxgk.render import RENDERERS

    report = loads(args.report.read_bytes())
    base_docx = median_seconds(empty_docx, args.runs)
    base_pdf = median_seconds(one_line_pdf, args.runs)
    print(f"report: {args.report.name}, {args.runs} runs each, medians after a warm-up")
    print(f"baseline A  python-docx empty document save   {base_docx * 1000:8.1f} ms")
    print(f"baseline B  WeasyPrint one-line page           {base_pdf * 1000:8.1f} ms")
    print(f"{'format':<8}{'median ms':>12}{'× A':>10}{'× B':>10}{'size KiB':>10}")
    total = 0.0
    for fmt in FORMATS:
        render = RENDERERS[fmt]
        size = len(render(report, None))
        seconds = median_seconds(lambda render=render: render(report, None), args.runs)
        total += seconds
        print(f"{fmt:<8}{seconds * 1000:12.1f}{seconds / base_docx:10.1f}{seconds / base_pdf:10.1f}{size / 1024:10.1f}")
    verdict = "met" if total < GOAL_SECONDS else "NOT met"
    print(f"all four formats together: {total * 1000:.1f} ms ({total / base_pdf:.1f} × B)", end="; ")
    print(f"goal < {GOAL_SECONDS:.0f} s {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
