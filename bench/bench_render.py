"""Rendering speed: one busy report (淮安市人民政府 2024, 3119 applications) to DOCX, PDF, HTML and XLSX.

Medians over several runs after a warm-up, printed as ratios against two baselines measured in the same
run: python-docx saving an empty document, and WeasyPrint rendering a one-line page. The goal is all four
formats of one report in under a second together; the total is printed beside it.

    .venv/bin/python bench/bench_render.py [--runs N] [REPORT.gold.json]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REPORT = ROOT.parent / "shared" / "corpus" / "huaian-gov-2024.gold.json"
FORMATS = ("docx", "pdf", "html", "xlsx")
GOAL_SECONDS = 1.0


def median_seconds(function: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of `function` (CPU time shows the cost when other processes
    compete for the cores; the goal itself is wall-clock)."""
    function()  # warm-up: imports, font loading, caches
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        function()
        wall.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
    return statistics.median(wall), statistics.median(cpu)


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
    base_docx, base_docx_cpu = median_seconds(empty_docx, args.runs)
    base_pdf, base_pdf_cpu = median_seconds(one_line_pdf, args.runs)
    print(f"report: {args.report.name}, {args.runs} runs each, medians after a warm-up; load average {load()}")
    print(
        f"baseline A  python-docx empty document save   {base_docx * 1000:8.1f} ms  (CPU {base_docx_cpu * 1000:.1f} ms)"
    )
    print(
        f"baseline B  WeasyPrint one-line page           {base_pdf * 1000:8.1f} ms  (CPU {base_pdf_cpu * 1000:.1f} ms)"
    )
    print(f"{'format':<8}{'median ms':>12}{'× A':>8}{'× B':>8}{'CPU ms':>10}{'size KiB':>10}")
    total = total_cpu = 0.0
    for fmt in FORMATS:
        render = RENDERERS[fmt]
        size = len(render(report, None))
        seconds, cpu = median_seconds(lambda render=render: render(report, None), args.runs)
        total, total_cpu = total + seconds, total_cpu + cpu
        ratios = f"{seconds / base_docx:8.1f}{seconds / base_pdf:8.1f}"
        print(f"{fmt:<8}{seconds * 1000:12.1f}{ratios}{cpu * 1000:10.1f}{size / 1024:10.1f}")
    verdict = "met" if total < GOAL_SECONDS else "NOT met"
    print(
        f"all four formats together: {total * 1000:.1f} ms ({total / base_pdf:.1f} × B; CPU {total_cpu * 1000:.1f} ms)"
    )
    print(f"goal: under {GOAL_SECONDS:.0f} s wall-clock together: {verdict}")


def load() -> str:
    try:
        return " ".join(f"{value:.1f}" for value in os.getloadavg())
    except OSError:
        return "unknown"
    return 0


if __name__ == "__main__":
    sys.exit(main())
