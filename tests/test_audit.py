"""`xxgk audit`: a folder of real reports plus broken files, parsed in parallel, read back from the workbook."""

from __future__ import annotations

import json
import os
import shutil
import signal
from pathlib import Path

import openpyxl
import pytest

from xxgk.audit import audit_files, collect_files
from xxgk.cli import main


@pytest.fixture
def batch(corpus_dir: Path, tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    for name in ("huaian-gov-2024.pdf", "official-template-2021.docx", "pingtan-2021.html", "zhanhe-yjj-2022.txt"):
        shutil.copy(corpus_dir / name, folder / name)
    shutil.copy(corpus_dir / "pingtan-2023.txt", folder / "sub" / "pingtan-2023.txt")
    # A PDF saved without an extension is found by its bytes; a JSON file is not a report.
    shutil.copy(corpus_dir / "huaian-gov-2024.pdf", folder / "sub" / "download")
    shutil.copy(corpus_dir / "pingtan-2023.gold.json", folder / "sub" / "pingtan-2023.gold.json")
    (folder / "empty.pdf").write_bytes(b"")
    (folder / "broken.docx").write_bytes(b"PK\x03\x04 this is not a zip")
    (folder / ".hidden.txt").write_text("一、总体情况", encoding="utf-8")
    return folder


def test_collect_files_walks_folders(batch: Path) -> None:
    names = sorted(p.relative_to(batch).as_posix() for p in collect_files([batch]))
    assert names == [
        "broken.docx",
        "empty.pdf",
        "huaian-gov-2024.pdf",
        "official-template-2021.docx",
        "pingtan-2021.html",
        "sub/download",
        "sub/pingtan-2023.txt",
        "zhanhe-yjj-2022.txt",
    ]


@pytest.mark.corpus
def test_audit_writes_workbook_and_keeps_going_after_bad_files(
    batch: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "audit.xlsx"
    status = main(["audit", str(batch), "--out", str(out), "--workers", "2"])
    assert status == 1  # the unreadable files (and the template's blank cells) are errors
    printed = capsys.readouterr().out
    assert "淮安市人民政府" in printed and "无法读取" in printed
    book = openpyxl.load_workbook(out, read_only=True)
    assert book.sheetnames == ["汇总", "问题清单", "提取数据"]
    summary = [list(r) for r in book["汇总"].iter_rows(values_only=True)]
    assert summary[0][:6] == ["文件", "机关", "年度", "格式", "错误", "警告"]
    by_name = {Path(r[0]).name: r for r in summary[1:]}
    assert len(by_name) == 8
    assert by_name["huaian-gov-2024.pdf"][1:4] == ["淮安市人民政府", 2024, "2021"]
    assert by_name["download"][1:4] == ["淮安市人民政府", 2024, "2021"]
    assert "文件为空" in by_name["empty.pdf"][7]
    assert "DOCX 文件已损坏" in by_name["broken.docx"][7]
    issues = [r for r in book["问题清单"].iter_rows(values_only=True)][1:]
    assert any(Path(r[0]).name == "empty.pdf" and r[1] == "READ-ERROR" for r in issues)
    figures = [r for r in book["提取数据"].iter_rows(values_only=True)][1:]
    huaian = {(r[3], r[4], r[5]): r[6] for r in figures if Path(r[0]).name == "huaian-gov-2024.pdf"}
    assert huaian[("表二", "一、本年新收", "总计")] == 3119
    assert huaian[("表三", "行政复议", "总计")] == 351
    assert huaian[("表一", "行政事业性收费", "本年收费金额（单位：万元）")] == pytest.approx(96171.6)
    template = [r for r in figures if Path(r[0]).name == "official-template-2021.docx"]
    assert template and all(r[6] is None for r in template)  # blank cells stay blank


@pytest.mark.corpus
def test_audit_json_streams_one_object_per_file(batch: Path, capsys: pytest.CaptureFixture[str]) -> None:
    main(["audit", str(batch / "sub"), "--json", "--workers", "0"])
    results = json.loads(capsys.readouterr().out)
    assert [Path(r["file"]).name for r in results] == ["download", "pingtan-2023.txt"]
    pingtan = results[1]
    assert pingtan["year"] == 2023 and pingtan["error"] is None
    assert any(f["code"] == "PARSE-RT-01" for f in pingtan["findings"])


@pytest.mark.corpus
def test_parallel_and_serial_audits_agree(batch: Path) -> None:
    files = list(collect_files([batch]))
    serial = [(r.path, r.error, r.year, r.errors, r.warnings, len(r.figures)) for r in audit_files(files, workers=0)]
    parallel = [(r.path, r.error, r.year, r.errors, r.warnings, len(r.figures)) for r in audit_files(files, workers=2)]
    assert serial == parallel


def test_audit_bad_usage(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(tmp_path / "nowhere")]) == 2
    assert "不存在" in capsys.readouterr().err
    (tmp_path / "notes.json").write_text("{}", encoding="utf-8")
    assert main(["audit", str(tmp_path)]) == 2
    assert "没有找到可审查的年度报告文件" in capsys.readouterr().err
    (tmp_path / "report.txt").write_text("一、总体情况", encoding="utf-8")
    assert main(["audit", str(tmp_path), "--out", str(tmp_path / "x.csv")]) == 2
    assert "应为 .xlsx" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def _worker_pids() -> list[int]:
    """The audit's worker processes: children of this process's multiprocessing fork server."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
    servers = [pid for pid, parent in parents.items() if parent == os.getpid()]
    return [pid for pid, parent in parents.items() if parent in servers]


@pytest.mark.corpus
def test_a_killed_worker_loses_no_file(corpus_dir: Path) -> None:
    files = [corpus_dir / "pingtan-2021.txt"] * 12
    results = []
    killed = False
    for result in audit_files(files, workers=2):
        results.append(result)
        if not killed:
            workers = _worker_pids()
            assert workers
            os.kill(workers[0], signal.SIGKILL)
            killed = True
    assert len(results) == 12
    assert all(r.error is None and r.year == 2021 for r in results)


@pytest.mark.corpus
def test_audit_of_the_whole_corpus_matches_the_gold_years_and_formats(corpus_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "audit.xlsx"
    main(["audit", str(corpus_dir), "--out", str(out)])
    book = openpyxl.load_workbook(out, read_only=True)
    rows = {Path(r[0]).name: r for r in list(book["汇总"].iter_rows(values_only=True))[1:]}
    reports = [p for p in corpus_dir.iterdir() if p.suffix in {".pdf", ".docx", ".html", ".txt", ".md"}]
    assert set(rows) == {p.name for p in reports}
    for path in reports:
        gold_path = path.with_name(path.name.rsplit(".", 1)[0] + ".gold.json")
        if not gold_path.exists():
            continue
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        assert rows[path.name][7] in (None, ""), path.name  # read without error
        assert rows[path.name][2] == gold["year"] and rows[path.name][3] == gold["format"], path.name
