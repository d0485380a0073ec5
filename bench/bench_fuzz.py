"""Parser fuzz run: at least 100,000 generated inputs through the front-ends, the extractor and the rules.

    .venv/bin/python bench/bench_fuzz.py [--count 100000] [--workers 2] [--seed 20261122] [CORPUS_DIR]

Not part of the test suite (it takes minutes); `tests/parse/test_fuzz.py` is the small version that runs
in every build. Each input is one of:

- random bytes, read as whatever the sniffer says they are (like `parse_file` does);
- random bytes forced through one front-end (PDF, DOCX, HTML, text), whatever the sniffer says;
- random report-like text (statutory words, digits, separators) as text, markdown and HTML;
- a corpus text (TXT, Markdown, HTML) mutated by deletions, duplications, digit swaps and cuts;
- a corpus PDF or DOCX mutated the same way (fewer: they are slow to read).

The only exception allowed out of a front-end is `UnreadableDocument` with a Chinese message. The extractor
never raises by contract: it turns an internal error into a PARSE-INTERNAL finding, so such findings (and
PARSE-RULES-FAILED) are counted as failures too. Every report must serialise to §J JSON.
Seeded: the same seed gives the same inputs. Prints counts per input kind and the failures found.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from xxgk.model import dumps
from xxgk.parse.document import SourceDocument, UnreadableDocument
from xxgk.parse.docx import parse_docx_bytes
from xxgk.parse.extract import extract
from xxgk.parse.html import parse_html_bytes
from xxgk.parse.pdf import parse_pdf_bytes
from xxgk.parse.sniff import sniff_kind
from xxgk.parse.text import decode, text_to_document
from xxgk.rules import check

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
TEXT_SUFFIXES = (".txt", ".md", ".html", ".htm")
BINARY_SUFFIXES = (".pdf", ".docx")
HIDDEN_FAILURES = ("PARSE-INTERNAL", "PARSE-RULES-FAILED")
PROGRESS_EVERY = 5000
REPORT_ALPHABET = (
    "一二三四五六七八九十零百千（）()、.．0123456789 \t\n|<>/-—"
    "总计合计本年新收到上年结转行政许可处罚第二十条项件申请万元"
)

# Share of each input kind (weights add up to 100); mutated PDF/DOCX are the slow ones.
MIX: tuple[tuple[str, int], ...] = (
    ("random-sniffed", 35),
    ("random-forced", 30),
    ("report-like-text", 15),
    ("mutated-text", 18),
    ("mutated-binary", 2),
)


def _text_document(data: bytes, kind: str) -> SourceDocument:
    return text_to_document(decode(data, "fuzz"), kind="markdown" if kind == "markdown" else "text")


READERS: dict[str, Callable[[bytes], SourceDocument]] = {
    "pdf": parse_pdf_bytes,
    "docx": parse_docx_bytes,
    "html": parse_html_bytes,
    "text": lambda data: _text_document(data, "text"),
    "markdown": lambda data: _text_document(data, "markdown"),
}


def mutate(data: bytes, rng: random.Random) -> bytes:
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        start = rng.randrange(len(data))
        end = min(len(data), start + rng.randint(1, max(1, len(data) // 20)))
        step = rng.choice(("delete", "duplicate", "digits", "truncate", "bytes"))
        if step == "delete":
            data = data[:start] + data[end:]
        elif step == "duplicate":
            data = data[:end] + data[start:end] + data[end:]
        elif step == "digits":
            swapped = bytes(48 + (b - 48 + 7) % 10 if 48 <= b <= 57 else b for b in data[start:end])
            data = data[:start] + swapped + data[end:]
        elif step == "truncate":
            data = data[:start]
        else:
            data = data[:start] + rng.randbytes(end - start) + data[end:]
    return data


@dataclass
class Outcome:
    counts: Counter[str] = field(default_factory=Counter)
    unreadable: Counter[str] = field(default_factory=Counter)
    failures: Counter[str] = field(default_factory=Counter)  # signature → how many inputs
    examples: dict[str, str] = field(default_factory=dict)  # signature → one full description

    def merge(self, other: Outcome) -> None:
        self.counts.update(other.counts)
        self.unreadable.update(other.unreadable)
        self.failures.update(other.failures)
        for signature, example in other.examples.items():
            self.examples.setdefault(signature, example)

    def fail(self, category: str, description: str) -> None:
        # The last line of a traceback (the exception and its message) tells failures apart.
        lines = description.strip().splitlines()
        signature = f"{category.split('-')[0]}…{lines[-1][:160]}"
        self.failures[signature] += 1
        self.examples.setdefault(signature, f"[{category}] {description}")


def _one(data: bytes, kind: str | None) -> str | None:
    """Run one input; None when it passed, else a description of the failure."""
    try:
        if kind is None:
            kind = sniff_kind(data)
            if kind is None:
                return "unreadable"  # parse_file answers UnreadableDocument for unknown bytes
        document = READERS[kind](data)
    except UnreadableDocument as exc:
        message = str(exc)
        if not any("\u4e00" <= ch <= "\u9fff" for ch in message):
            return f"UnreadableDocument without a Chinese message: {message!r}"
        return "unreadable"
    except Exception:
        return f"front-end {kind}: {traceback.format_exc(limit=4)}"
    try:
        report = extract(document)
        report.findings.extend(check(report))
        dumps(report)
    except Exception:
        return f"extract/check/dumps after {kind}: {traceback.format_exc(limit=4)}"
    hidden = [f for f in report.findings if f.code in HIDDEN_FAILURES]
    if hidden:
        return f"{hidden[0].code} after {kind}: {hidden[0].message}"
    return None


def _input(rng: random.Random, samples: dict[str, list[tuple[str, bytes]]]) -> tuple[str, bytes, str | None]:
    category = rng.choices([name for name, _ in MIX], weights=[weight for _, weight in MIX])[0]
    if category == "random-sniffed":
        head = rng.choice((b"", b"%PDF-1.7\n", b"PK\x03\x04", b"<html><table><tr><td>", "# 年度\n".encode()))
        return category, head + rng.randbytes(rng.randint(0, 2048)), None
    if category == "random-forced":
        kind = rng.choice(list(READERS))
        return f"{category}-{kind}", rng.randbytes(rng.randint(1, 2048)), kind
    if category == "report-like-text":
        text = "".join(rng.choice(REPORT_ALPHABET) for _ in range(rng.randint(1, 1200)))
        kind = rng.choice(("text", "markdown", "html"))
        data = text.encode("utf-8")
        if kind == "html":
            data = b"<html><body><table><tr><td>" + data.replace(b"\t", b"</td><td>").replace(b"\n", b"</tr><tr><td>")
        return f"{category}-{kind}", data, kind
    pool = samples["binary" if category == "mutated-binary" else "text"]
    if not pool:
        return "random-sniffed", rng.randbytes(rng.randint(0, 2048)), None
    kind, data = rng.choice(pool)
    return f"{category}-{kind}", mutate(data, rng), kind


def _run(job: tuple[int, int, str]) -> Outcome:
    seed, count, corpus = job
    samples = load_samples(Path(corpus))
    rng = random.Random(seed)
    outcome = Outcome()
    started = time.perf_counter()
    for done in range(1, count + 1):
        category, data, kind = _input(rng, samples)
        outcome.counts[category] += 1
        result = _one(data, kind)
        if result == "unreadable":
            outcome.unreadable[category] += 1
        elif result is not None:
            outcome.fail(category, result)
        if done % PROGRESS_EVERY == 0:  # a long run shows where it is (and what it found so far)
            failed = sum(outcome.failures.values())
            rate = done / (time.perf_counter() - started)
            where = f"进程 {seed % 1000}：已运行 {done}/{count} 个输入"
            print(f"  {where}，失败 {failed} 个（{rate:.0f} 个/秒）", flush=True)
    return outcome


def load_samples(corpus: Path) -> dict[str, list[tuple[str, bytes]]]:
    samples: dict[str, list[tuple[str, bytes]]] = {"text": [], "binary": []}
    if not corpus.is_dir():
        return samples
    for path in sorted(corpus.iterdir()):
        suffix = path.suffix.lower()
        if suffix in TEXT_SUFFIXES or suffix in BINARY_SUFFIXES:
            kind = {".txt": "text", ".md": "markdown", ".htm": "html"}.get(suffix, suffix[1:])
            samples["binary" if suffix in BINARY_SUFFIXES else "text"].append((kind, path.read_bytes()))
    return samples


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS))
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seed", type=int, default=20261122)
    args = parser.parse_args()

    samples = load_samples(Path(args.corpus))
    print(f"语料：文本 {len(samples['text'])} 份，PDF/DOCX {len(samples['binary'])} 份（{args.corpus}）", flush=True)
    share = [args.count // args.workers + (1 if i < args.count % args.workers else 0) for i in range(args.workers)]
    jobs = [(args.seed * 1000 + i, n, args.corpus) for i, n in enumerate(share)]
    started = time.perf_counter()
    total = Outcome()
    with multiprocessing.get_context("fork").Pool(args.workers) as pool:
        for outcome in pool.imap_unordered(_run, jobs):
            total.merge(outcome)
    elapsed = time.perf_counter() - started

    print(f"{'输入类别':<36}{'数量':>9}{'不可读':>9}")
    for category in sorted(total.counts):
        print(f"{category:<36}{total.counts[category]:>9}{total.unreadable[category]:>9}")
    inputs = sum(total.counts.values())
    print(f"合计 {inputs} 个输入，不可读（UnreadableDocument）{sum(total.unreadable.values())} 个，")
    failed = sum(total.failures.values())
    print(f"其他异常或内部错误 {failed} 个；用时 {elapsed:.0f} 秒（{inputs / elapsed:.0f} 个/秒）")
    for signature, count in total.failures.most_common():
        print(f"\n失败 {count} 次：{total.examples[signature]}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
