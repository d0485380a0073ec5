"""Backup and restore round-trip a database holding the whole demo organisation and its records
(cases, catalogue, registers, reports — whatever the apps' demo loaders create) and uploaded files."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command

from web.accounts.management.commands.backup import EXCLUDED

pytestmark = pytest.mark.django_db(transaction=True)


def _snapshot() -> dict[str, list[dict[str, object]]]:
    skip_apps = {e for e in EXCLUDED if "." not in e}
    skip_models = {e for e in EXCLUDED if "." in e}
    out = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in skip_apps or label in skip_models or model._meta.proxy:
            continue
        rows = serializers.serialize("python", model.objects.order_by("pk"))
        out[label] = rows
    return out


def test_backup_restore_round_trip(tmp_path, settings) -> None:
    settings.MEDIA_ROOT = tmp_path / "media"
    (settings.MEDIA_ROOT / "attachments").mkdir(parents=True)
    (settings.MEDIA_ROOT / "attachments" / "申请附件.pdf").write_bytes(b"%PDF-1.4 test attachment")
    call_command("load_demo", "--today", "2026-01-20", verbosity=0)
    before = _snapshot()
    assert sum(len(rows) for rows in before.values()) > 20

    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    (settings.MEDIA_ROOT / "attachments" / "申请附件.pdf").unlink()
    assert sum(len(rows) for rows in _snapshot().values()) == 0

    call_command("restore", str(archive), verbosity=0)
    after = _snapshot()
    assert after == before
    assert (settings.MEDIA_ROOT / "attachments" / "申请附件.pdf").read_bytes() == b"%PDF-1.4 test attachment"


def test_restore_refuses_non_empty_database_and_bad_files(tmp_path) -> None:
    call_command("load_demo", "--today", "2026-01-20", verbosity=0)
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive), verbosity=0)
    with pytest.raises(CommandError, match="已有数据"):
        call_command("restore", str(archive), verbosity=0)
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not a tarball")
    with pytest.raises(CommandError, match="不是有效的备份文件"):
        call_command("restore", str(bogus), verbosity=0)
