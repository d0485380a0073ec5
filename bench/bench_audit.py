"""Audit throughput with 1 and 2 worker processes, and the audit's peak memory at 100 vs 500 files.

    .venv/bin/python bench/bench_audit.py [CORPUS_DIR] [--files 500] [--small 100]

The corpus reports are copied round-robin into a temporary folder (NAME-0001.pdf …) and audited by the
real command (`xxgk audit DIR --out audit.xlsx --workers N`) in a subprocess. Peak memory is the largest
sum of resident set sizes of the command and all its descendants (the worker processes), sampled from
/proc every 10 ms, and the CPU time is the sum over those processes (so it means something on a busy
machine, where wall-clock throughput does not). Printed as ratios: 2-worker speed-up over 1 worker, and
peak memory at the large batch over the small one (flat memory: close to 1).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SUFFIXES = {".pdf", ".docx", ".html", ".txt", ".md"}
XXGK = Path(sys.executable).parent / "xxgk"


def _children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        tree.setdefault(int(fields[1]), []).append(int(entry))
    return tree


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0
    return int(fields[11]) + int(fields[12])  # utime + stime


def tree_sample(root: int, cpu: dict[int, int]) -> int:
    """RSS (KiB) of `root` and its descendants now; records each process's CPU ticks so far in `cpu`."""
    tree = _children()
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += _rss_kib(pid)
        cpu[pid] = max(cpu.get(pid, 0), _cpu_ticks(pid))
        stack.extend(tree.get(pid, []))
    return total


def run_audit(folder: Path, workers: int, out: Path) -> tuple[float, float, int]:
    """Wall time, CPU time (all processes) and peak memory (KiB over the process tree) of one audit."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [str(XXGK), "audit", str(folder), "--out", str(out), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    peak = 0
    cpu: dict[int, int] = {}
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, tree_sample(process.pid, cpu))
            time.sleep(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    process.wait()
    done.set()
    sampler.join()
    if process.returncode not in (0, 1):
        raise SystemExit(f"xxgk audit failed with status {process.returncode}")
    return time.perf_counter() - start, sum(cpu.values()) / os.sysconf("SC_CLK_TCK"), peak


def fill(folder: Path, sources: list[Path], count: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        source = sources[index % len(sources)]
        shutil.copy(source, folder / f"{source.stem}-{index:04d}{source.suffix}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--small", type=int, default=100)
    args = parser.parse_args()
    sources = sorted(p for p in args.corpus.iterdir() if p.suffix in SUFFIXES and p.name != "README.md")
    with tempfile.TemporaryDirectory(prefix="xxgk-bench-audit-") as tmp:
        big, small = Path(tmp) / "big", Path(tmp) / "small"
        fill(big, sources, args.files)
        fill(small, sources, args.small)
        out = Path(tmp) / "audit.xlsx"
        print(f"{args.files} files from {len(sources)} corpus reports; {os.cpu_count()} CPUs")
        print(f"load average before: {os.getloadavg()[0]:.1f} (wall-clock speed-up needs idle CPUs)")
        one, cpu_one, peak_one = run_audit(big, 1, out)
        print(
            f"1 worker : {one:6.1f} s wall, {args.files / one:6.1f} files/s, "
            f"{cpu_one * 1000 / args.files:6.1f} CPU ms/file, peak memory {peak_one / 1024:6.1f} MiB"
        )
        two, cpu_two, peak_big = run_audit(big, 2, out)
        print(
            f"2 workers: {two:6.1f} s wall, {args.files / two:6.1f} files/s, "
            f"{cpu_two * 1000 / args.files:6.1f} CPU ms/file, peak memory {peak_big / 1024:6.1f} MiB"
        )
        print(f"speed-up 2 workers / 1 worker: {one / two:.2f}× wall clock")
        _, _, peak_small = run_audit(small, 2, out)
        print(
            f"peak memory, 2 workers: {args.small} files {peak_small / 1024:.1f} MiB, "
            f"{args.files} files {peak_big / 1024:.1f} MiB → ratio {peak_big / peak_small:.2f}× (flat ≈ 1)"
        )


if __name__ == "__main__":
    main()
