"""Reports we have never seen: the gold figures rendered to PDF by our own renderer, extracted to text the
way third-party tools do (`pdftotext -layout`, `-raw`), and parsed back. A guard against rules that only
fit the corpus files."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from xxgk.model import from_dict
from xxgk.model import labels as L
from xxgk.model.report import Cell, Part, Report
from xxgk.parse import parse_file

pytestmark = [pytest.mark.corpus, pytest.mark.slow]

PDFTOTEXT = shutil.which("pdftotext")


def gold_report(name: str) -> Report:
    path = CORPUS / f"{name}.gold.json"
    if not path.exists():
        pytest.skip(f"{path.name} is not in the corpus")
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("defects", "notes"):
        data.pop(key, None)
    report = from_dict(data)
    report.parts = [Part(n + 1, h, "（文字描述）") for n, h in enumerate(L.PART_HEADINGS)]
    return report


def values(cells: list[Cell]) -> list[object]:
    return [c.value if c.is_number else None for c in cells]


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("mode", ["-layout", "-raw"])
@pytest.mark.parametrize("name", ["huaian-gov-2024", "shapotou-yjj-2020"])
def test_rendered_pdf_text_parses_back(tmp_path: Path, name: str, mode: str) -> None:
    from xxgk.render import render

    source = gold_report(name)
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(render(source, "pdf"))
    text = tmp_path / "report.txt"
    subprocess.run([str(PDFTOTEXT), mode, str(pdf), str(text)], check=True)
    report = parse_file(text, rules=False)
    assert (report.year, report.format) == (source.year, source.format)
    assert {k: values([c]) for k, c in report.table1.items()} == {k: values([c]) for k, c in source.table1.items()}
    assert {k: values(v) for k, v in report.table2.items()} == {k: values(v) for k, v in source.table2.items()}
    assert report.table3 is not None and source.table3 is not None
    got, want = values(report.table3), values(source.table3)
    if mode == "-raw" and None in want:
        # plain reading-order text keeps no position: blank cells cannot be told apart, the parser says so
        assert [v for v in got if v is not None] == [v for v in want if v is not None]
        assert any(f.code == "PARSE-T3-SHORT" for f in report.findings)
    else:
        assert got == want
