"""Back up the whole system into one archive: every table (Django's portable JSON dump, so a backup
taken on PostgreSQL restores on PostgreSQL or SQLite alike) and every uploaded file.

    manage.py backup xxgk-2026-01-31.tar.gz

For very large production databases use PostgreSQL's own tools as well (docs/configuration.md).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import tarfile
import time
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.core.serializers.json import DjangoJSONEncoder

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
        records = serializers.serialize(
            "python", _all_rows(), use_natural_foreign_keys=True, use_natural_primary_keys=False
        )
        payload = json.dumps(records, cls=ExactJSONEncoder, ensure_ascii=False).encode("utf-8")
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
        self.stdout.write(self.style.SUCCESS(f"已备份 {len(records)} 条记录到 {archive}"))


class ExactJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts datetimes to milliseconds; a backup must restore them exactly."""

    def default(self, o: object) -> object:
        if isinstance(o, dt.datetime | dt.time):
            return o.isoformat()
        return super().default(o)


def backed_up_models() -> list[Any]:
    """Every concrete model except the EXCLUDED ones, in an order that loads (dependencies first)."""
    skip_apps = {e for e in EXCLUDED if "." not in e}
    skip_models = {e for e in EXCLUDED if "." in e}
    chosen = [
        (config, [m for m in config.get_models() if m._meta.label_lower not in skip_models and not m._meta.proxy])
        for config in apps.get_app_configs()
        if config.label not in skip_apps
    ]
    return serializers.sort_dependencies(chosen, allow_cycles=True)


def _all_rows() -> Any:
    for model in backed_up_models():
        yield from model._default_manager.order_by(model._meta.pk.name).iterator()


def _add_bytes(tar: tarfile.TarFile, name: str, content: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(content)
    info.mtime = int(time.time())
    tar.addfile(info, io.BytesIO(content))
