"""`xxgk parse`: JSON output that round-trips, a Chinese summary, and one-line errors for unreadable files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import CORPUS
from xxgk.cli import main
from xxgk.model import loads


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "xxgk.cli", *args], capture_output=True, text=True, check=False)


def test_empty_file_is_a_one_line_chinese_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    proc = run_cli("parse", str(path))
    assert proc.returncode == 2
    assert proc.stderr.strip().splitlines() == ["xxgk：错误：empty.txt：文件为空"]
    assert proc.stdout == ""


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(tmp_path / "nope.md")]) == 2
    assert "文件不存在" in capsys.readouterr().err


def test_binary_junk_with_a_text_extension(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "junk.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("xxgk：错误：") and err.count("\n") == 1


@pytest.mark.corpus
def test_json_output_has_findings_and_provenance_and_round_trips(corpus_dir: Path) -> None:
    proc = run_cli("parse", "--json", str(corpus_dir / "shanting-yjj-2021.txt"))
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["year"] == 2021 and data["format"] == "2021"
    assert any(f["code"] == "PARSE-T2-LABEL-MISSING" for f in data["findings"])
    assert any(f["code"] == "STRUCT-04" for f in data["findings"])  # the rules ran too
    assert data["provenance"]["table2"]["refused_4"][0]["line"] == 171
    assert data["provenance"]["table2"]["refused_4"][0]["label_status"] == "positional"
    report = loads(proc.stdout)
    assert report.table1["行政处罚/本年处理决定数量"].value == 78


@pytest.mark.corpus
def test_summary_in_chinese(corpus_dir: Path) -> None:
    proc = run_cli("parse", str(corpus_dir / "zhanhe-yjj-2022.txt"))
    assert proc.returncode == 0, proc.stderr
    for text in ("年度：2022", "湛河区应急管理局", "2021 年格式", "表二", "PARSE-T1-ROW-MISSING"):
        assert text in proc.stdout


@pytest.mark.corpus
@pytest.mark.parametrize("name", ["shapotou-yjj-2020.txt", "shanghai-kewei-2024.md", "shuyang-gov-2025.md"])
def test_json_of_every_text_sample_reads_back(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{name} is not in the corpus")
    proc = run_cli("parse", "--json", str(path))
    assert proc.returncode == 0, proc.stderr
    loads(proc.stdout)


def test_corrupt_pdf_error_names_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.7\n" + b"\x00garbage" * 50)
    assert main(["parse", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("xxgk：错误：broken.pdf：") and err.count("\n") == 1


def test_html_with_control_characters_is_unreadable_not_a_crash(tmp_path: Path) -> None:
    # random bytes under .html once made the HTML parser raise ValueError out of parse_file
    path = tmp_path / "junk.html"
    path.write_bytes(b"<html>\xf7z\xcfG\x01\xf5\xd6\xc8;\xaePM\x8f\xbb\xc8|\xec\xcc\x08]o\xe1 \xaf\x9fs!")
    from xxgk.parse import parse_file
    from xxgk.parse.document import UnreadableDocument

    try:
        parse_file(path)
    except UnreadableDocument as exc:
        assert str(exc).startswith("junk.html：")
