"""Storing an uploaded attachment of a case. The content type recorded is the one read from the file's
first bytes (validators.sniff_kind), never the browser's claim or the file name."""

from __future__ import annotations

import uuid
from pathlib import PurePath
from typing import Any

from django.core.files.uploadedfile import UploadedFile

from web.applications.models import Application, Attachment
from web.applications.validators import sniff_kind

MIME = {
    "pdf": "application/pdf",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
SUFFIX = {"pdf": ".pdf", "jpeg": ".jpg", "png": ".png", "docx": ".docx"}


def save_attachment(case: Application, upload: UploadedFile, actor: Any, description: str = "") -> Attachment:
    """Save an already validated upload; the stored file name is random (the original is kept as text)."""
    upload.seek(0)
    kind = sniff_kind(upload.read(16), upload) or "pdf"
    upload.seek(0)
    original = PurePath(upload.name or "附件").name[:200]
    upload.name = uuid.uuid4().hex + SUFFIX[kind]
    return Attachment.objects.create(
        application=case,
        file=upload,
        original_name=original,
        content_type=MIME[kind],
        size=upload.size or 0,
        description=description,
        uploaded_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
