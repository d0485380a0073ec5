"""Fixtures of the batch audit tests: a few real published reports and a corrupt one."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

CORPUS = Path(__file__).resolve().parents[3].parent / "shared" / "corpus"
SAMPLE = ("pingtan-2023.html", "shanting-yjj-2021.txt", "huaian-gov-2024.pdf", "official-template-2021.docx")
IMMEDIATE = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def corpus_paths() -> list[Path]:
    """Every published report of the corpus (not the gold JSON, not the README)."""
    if not CORPUS.is_dir():
        return []
    return sorted(p for p in CORPUS.iterdir() if p.suffix not in (".json", "") and p.name != "README.md")


@pytest.fixture
def sample_uploads() -> list[SimpleUploadedFile]:
    if not CORPUS.is_dir():
        pytest.skip("../shared/corpus is not present")
    uploads = [SimpleUploadedFile(name, (CORPUS / name).read_bytes()) for name in SAMPLE]
    # A PDF cut off after its first kilobyte: the header says PDF, the body is broken.
    uploads.append(SimpleUploadedFile("broken.pdf", (CORPUS / "huaian-gov-2024.pdf").read_bytes()[:1024]))
    uploads.append(SimpleUploadedFile("notes.bin", b"\x00\x01\x02\x03\x04" * 50))
    return uploads
