"""Back up the whole system into one archive: every table (Django's portable JSON dump, so a backup
taken on PostgreSQL restores on PostgreSQL or SQLite alike) and every uploaded file.

    manage.py backup xxgk-2026-01-31.tar.gz

For very large production databases use PostgreSQL's own tools as well (docs/configuration.md).
"""

from __future__ import annotations

import io
import json
import tarfile
import time
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

FORMAT_VERSION = 1
# Data that is rebuilt, not backed up: sessions expire, content types and permissions are recreated by
# migrate, and the admin's own action log is not the system's change log.
EXCLUDED = ("contenttypes", "auth.permission", "sessions", "admin.logentry")


class Command(BaseCommand):
    help = "备份：所有数据表和上传文件打包为一个 .tar.gz 文件。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="备份文件路径（.tar.gz）")

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.parent.is_dir():
            raise CommandError(f"目录不存在：{archive.parent}")
        data = io.StringIO()
        call_command(
            "dumpdata",
            exclude=list(EXCLUDED),
            natural_foreign=True,
            natural_primary=False,
            stdout=data,
            verbosity=0,
        )
        payload = data.getvalue().encode("utf-8")
        manifest = {"format": FORMAT_VERSION, "created": time.strftime("%Y-%m-%dT%H:%M:%S%z")}
        media_root = Path(settings.MEDIA_ROOT)
        tmp = archive.with_name(archive.name + ".partial")
        with tarfile.open(tmp, "w:gz") as tar:
            _add_bytes(tar, "manifest.json", json.dumps(manifest).encode())
            _add_bytes(tar, "data.json", payload)
            if media_root.is_dir():
                for path in sorted(p for p in media_root.rglob("*") if p.is_file()):
                    tar.add(path, arcname=f"media/{path.relative_to(media_root).as_posix()}")
        tmp.replace(archive)
        count = len(json.loads(payload))
        self.stdout.write(self.style.SUCCESS(f"已备份 {count} 条记录到 {archive}"))


def _add_bytes(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(content))
