"""Restore a backup made by `manage.py backup` into an empty (freshly migrated) database.

    manage.py migrate && manage.py restore xxgk-2026-01-31.tar.gz

The whole restore runs in one transaction: either everything is restored or nothing is.
"""

from __future__ import annotations

import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from web.accounts.management.commands.backup import EXCLUDED, FORMAT_VERSION


class Command(BaseCommand):
    help = "恢复：把 backup 命令生成的备份文件恢复到空数据库（先运行 migrate）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path, help="备份文件路径（.tar.gz）")
        parser.add_argument("--force", action="store_true", help="数据库非空时先清空再恢复")

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.is_file():
            raise CommandError(f"备份文件不存在：{archive}")
        try:
            tar = tarfile.open(archive, "r:gz")  # noqa: SIM115 - closed by the with-block below
        except (tarfile.TarError, OSError) as exc:
            raise CommandError(f"{archive} 不是有效的备份文件（{exc}）") from None
        with tar, tempfile.TemporaryDirectory() as tmp:
            names = tar.getnames()
            if "manifest.json" not in names or "data.json" not in names:
                raise CommandError(f"{archive} 缺少 manifest.json 或 data.json，不是 xxgk 备份")
            for member in tar.getmembers():
                # Refuse absolute paths, parent references and links: a backup only holds plain files.
                parts = PurePosixPath(member.name).parts
                if member.name.startswith("/") or ".." in parts or not (member.isfile() or member.isdir()):
                    raise CommandError(f"备份文件中有不安全的条目：{member.name}")
            tar.extractall(tmp, filter="data")
            manifest = json.loads(Path(tmp, "manifest.json").read_text())
            if manifest.get("format") != FORMAT_VERSION:
                raise CommandError(f"备份格式版本 {manifest.get('format')} 不受支持")
            if _has_data() and not options["force"]:
                raise CommandError("数据库中已有数据。请先在空数据库上运行 migrate，或加 --force 覆盖。")
            with transaction.atomic():
                if options["force"]:
                    call_command("flush", interactive=False, verbosity=0)
                call_command("loaddata", str(Path(tmp, "data.json")), verbosity=0)
            media_src = Path(tmp, "media")
            if media_src.is_dir():
                shutil.copytree(media_src, settings.MEDIA_ROOT, dirs_exist_ok=True)
        self.stdout.write(self.style.SUCCESS(f"已从 {archive} 恢复"))


def _has_data() -> bool:
    skip = {e for e in EXCLUDED if "." not in e}
    skipped_models = {e for e in EXCLUDED if "." in e}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in skip or label in skipped_models or label == "auth.group":
            continue
        if model._meta.proxy or not model._meta.managed:
            continue
        if model.objects.exists():
            return True
    return False
