"""Upload intake: kinds by content, size limits, ZIP bombs and path traversal."""

from __future__ import annotations

import io
import zipfile

import pytest

from web.audits import files

HTML = "<html><body><p>江州市某局2025年政府信息公开工作年度报告</p></body></html>".encode()


def _zip(members: dict[str, bytes], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_kinds_are_read_from_the_bytes_not_the_name() -> None:
    assert files.kind_of("report.txt", b"%PDF-1.7\n...") == "pdf"
    assert files.kind_of("report.pdf", HTML) == "html"
    assert files.kind_of("r.json", b'{"year": 2025}') == "json"
    assert files.kind_of("r.exe", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff") is None
    docx = _zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"})
    assert files.kind_of("x.zip", docx) == "docx"


def test_a_zip_is_unpacked_and_bad_members_are_reported() -> None:
    archive = _zip(
        {
            "reports/a.html": HTML,
            "../../etc/passwd.html": HTML,
            "__MACOSX/._a.html": b"junk",
            "b.bin": b"\x00\x01\x02\x03" * 100,
        }
    )
    got = {i.name: i for i in files.intake([("upload.zip", archive)])}
    assert got["a.html"].kind == "html" and got["a.html"].data == HTML
    assert "越出压缩包" in got["../../etc/passwd.html"].problem
    assert got["b.bin"].kind is None and "不是可识别的年报文件" in got["b.bin"].problem
    assert not any("MACOSX" in name for name in got)


def test_zip_bombs_are_refused() -> None:
    bomb = _zip({"big.txt": b"0" * (5 * 1024 * 1024)})  # ~5 MB of zeros compress about 1000:1
    (item,) = files.intake([("bomb.zip", bomb)])
    assert item.kind is None and "压缩炸弹" in item.problem


def test_limits_on_counts_and_sizes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILES", 3)
    with pytest.raises(files.UploadRejected, match="超过上限 3 个"):
        files.intake([("many.zip", _zip({f"{i}.html": HTML for i in range(5)}))])
    with pytest.raises(files.UploadRejected, match="最多上传 3 个"):
        files.intake([(f"{i}.html", HTML) for i in range(5)])
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 10)
    (item,) = files.intake([("a.html", HTML)])
    assert item.kind is None and "MB" in item.problem and item.data == b""
    monkeypatch.setattr(files, "MAX_UNPACKED_BYTES", 100)
    with pytest.raises(files.UploadRejected, match="解压后超过"):
        files.intake([("big.zip", _zip({"a.html": HTML * 10}, zipfile.ZIP_STORED))])


def test_empty_file() -> None:
    (item,) = files.intake([("empty.pdf", b"")])
    assert item.kind is None and item.problem == "文件为空"
