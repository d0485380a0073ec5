"""PDF: A4 pages with page numbers, CJK glyphs from Noto CJK through the fontconfig aliases."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from xxgk.model import loads
from xxgk.render.fonts import fontconfig_file
from xxgk.render.pdf import render


@pytest.mark.corpus
def test_a4_pages_numbers_and_cjk_fonts(corpus_dir: Path) -> None:
    report = loads((corpus_dir / "huaian-gov-2024.gold.json").read_bytes())
    with pdfplumber.open(io.BytesIO(render(report))) as pdf:
        assert len(pdf.pages) >= 2
        fonts = set()
        for number, page in enumerate(pdf.pages, start=1):
            assert (round(page.width), round(page.height)) == (595, 842)
            text = page.extract_text()
            assert f"— {number} —" in text
            fonts |= {char["fontname"].split("+", 1)[-1] for char in page.chars}
            # Every glyph drawn came from a CJK font (no fallback box glyphs from a Latin-only font).
            assert all("CJK" in char["fontname"] for char in page.chars if ord(char["text"]) > 0x2E80)
        first = pdf.pages[0].extract_text().replace("\n", "")
    assert "淮安市人民政府2024年政府信息公开工作年度报告" in first
    assert any("Serif-CJK" in f for f in fonts) and any("Sans-CJK" in f for f in fonts)


@pytest.mark.skipif(shutil.which("fc-match") is None, reason="fontconfig tools not installed")
@pytest.mark.parametrize(
    ("family", "expected"),
    [
        ("仿宋", "Noto Serif CJK SC"),
        ("黑体", "Noto Sans CJK SC"),
        ("宋体", "Noto Serif CJK SC"),
        ("方正小标宋简体", "Noto Serif CJK SC"),
    ],
)
def test_customary_font_names_resolve_without_the_user_configuration(
    family: str, expected: str, tmp_path: Path
) -> None:
    # A HOME without any user fontconfig directory: only the renderer's configuration can make this work.
    env = {
        **os.environ,
        "HOME": str(tmp_path),
        "XDG_CONFIG_HOME": str(tmp_path),
        "FONTCONFIG_FILE": str(fontconfig_file()),
    }
    result = subprocess.run(
        ["fc-match", "-f", "%{family}", family], capture_output=True, text=True, env=env, check=True
    )
    assert expected in result.stdout
