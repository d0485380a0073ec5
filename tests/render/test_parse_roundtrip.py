"""What we publish, our own parser reads back: every table value of a rendered report survives
DOCX, HTML and PDF → `parse_file`."""

from __future__ import annotations

from pathlib import Path

import pytest

from xxgk.model import loads
from xxgk.parse import parse_file
from xxgk.render import RENDERERS

REPORTS = ("huaian-gov-2024", "shapotou-yjj-2020", "zhanhe-yjj-2022")


@pytest.mark.corpus
@pytest.mark.parametrize("fmt", ["docx", "html", "pdf"])
@pytest.mark.parametrize("name", REPORTS)
def test_parser_reads_the_rendered_report_back(name: str, fmt: str, corpus_dir: Path, tmp_path: Path) -> None:
    report = loads((corpus_dir / f"{name}.gold.json").read_bytes())
    path = tmp_path / f"{name}.{fmt}"
    path.write_bytes(RENDERERS[fmt](report, None))
    back = parse_file(path)
    assert back.format == report.format
    assert {k: c.display() for k, c in back.table1.items()} == {k: c.display() for k, c in report.table1.items()}
    for key, cells in report.table2.items():
        assert [back.t2(key, i).display() for i in range(7)] == [c.display() for c in cells], key
    assert [back.t3(i).display() for i in range(15)] == [report.t3(i).display() for i in range(15)]
