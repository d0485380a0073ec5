"""Fuzzing `parse_file`: random bytes under every extension and mutated corpus files never crash it.

The only exception allowed out of `parse_file` is `UnreadableDocument` (with a Chinese message); every
other input yields a report that serialises to JSON. Bounded so that the suite stays fast.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import corpus_files
from xxgk.model import dumps
from xxgk.parse import parse_file
from xxgk.parse.document import UnreadableDocument

EXTENSIONS = [".pdf", ".docx", ".html", ".htm", ".txt", ".md", ""]
TEXT_SAMPLES = [p for p in corpus_files("*") if p.suffix in (".txt", ".md", ".html")]
BINARY_SAMPLES = [p for p in corpus_files("*") if p.suffix in (".pdf", ".docx")]
# About 200 examples in all: enough to shake out crashes, small enough for every test run.
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


def survive(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory(prefix="xxgk-fuzz-") as folder:
        path = Path(folder) / f"sample{suffix}"
        path.write_bytes(data)
        try:
            report = parse_file(path)
        except UnreadableDocument as exc:
            message = str(exc)
            assert message and any("\u4e00" <= ch <= "\u9fff" for ch in message), message
        else:
            assert dumps(report)


@FUZZ
@given(data=st.binary(max_size=4096), suffix=st.sampled_from(EXTENSIONS))
def test_random_bytes_under_every_extension(data: bytes, suffix: str) -> None:
    survive(data, suffix)


@settings(FUZZ, max_examples=40)
@given(
    text=st.text(
        alphabet=st.sampled_from("一二三四五六七八九十（）、.0123456789 \t\n|<>/总计行政许可第二十条项申请"),
        max_size=800,
    ),
    suffix=st.sampled_from(EXTENSIONS),
)
def test_random_report_like_text(text: str, suffix: str) -> None:
    survive(text.encode("utf-8"), suffix)


mutation = st.one_of(
    st.tuples(st.just("delete"), st.floats(0, 1), st.floats(0, 0.2)),
    st.tuples(st.just("duplicate"), st.floats(0, 1), st.floats(0, 0.2)),
    st.tuples(st.just("digits"), st.floats(0, 1), st.floats(0, 0.2)),
    st.tuples(st.just("truncate"), st.floats(0, 1), st.just(0.0)),
)


def mutate(data: bytes, steps: list[tuple[str, float, float]]) -> bytes:
    for kind, where, size in steps:
        start = int(where * len(data))
        end = min(len(data), start + int(size * len(data)))
        if kind == "delete":
            data = data[:start] + data[end:]
        elif kind == "duplicate":
            data = data[:end] + data[start:end] + data[end:]
        elif kind == "digits":
            swapped = bytes(48 + (b - 48 + 7) % 10 if 48 <= b <= 57 else b for b in data[start:end])
            data = data[:start] + swapped + data[end:]
        else:
            data = data[:start]
    return data


@pytest.mark.corpus
@pytest.mark.skipif(not TEXT_SAMPLES, reason="../shared/corpus is not present")
@settings(FUZZ, max_examples=70)
@given(index=st.integers(0, max(len(TEXT_SAMPLES) - 1, 0)), steps=st.lists(mutation, min_size=1, max_size=4))
def test_mutated_corpus_texts(index: int, steps: list[tuple[str, float, float]]) -> None:
    sample = TEXT_SAMPLES[index]
    survive(mutate(sample.read_bytes(), steps), sample.suffix)


@pytest.mark.corpus
@pytest.mark.skipif(not BINARY_SAMPLES, reason="../shared/corpus is not present")
@settings(FUZZ, max_examples=30)
@given(index=st.integers(0, max(len(BINARY_SAMPLES) - 1, 0)), steps=st.lists(mutation, min_size=1, max_size=3))
def test_mutated_corpus_pdf_and_docx(index: int, steps: list[tuple[str, float, float]]) -> None:
    sample = BINARY_SAMPLES[index]
    survive(mutate(sample.read_bytes(), steps), sample.suffix)
