"""Every environment variable the settings read is documented, and production settings pass
`manage.py check --deploy` without warnings."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_every_setting_variable_is_documented() -> None:
    settings_text = (ROOT / "web" / "settings.py").read_text(encoding="utf-8")
    names = set(re.findall(r'env_\w+\(\s*"([A-Z0-9_]+)"', settings_text))
    assert "DATABASE_URL" in names and "XXGK_SECRET_KEY" in names
    documented = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    missing = sorted(n for n in names if f"`{n}`" not in documented)
    assert not missing, f"undocumented environment variables: {missing}"


def test_production_settings_pass_deploy_check() -> None:
    # A production process has no test-only switches (the browser tests allow async-unsafe ORM use).
    clean = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {
        **clean,
        "XXGK_DEBUG": "false",
        "XXGK_SECRET_KEY": secrets.token_urlsafe(60),
        "XXGK_ALLOWED_HOSTS": "xxgk.example.gov.cn",
        "DJANGO_SETTINGS_MODULE": "web.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key() -> None:
    env = {**os.environ, "XXGK_DEBUG": "false", "DJANGO_SETTINGS_MODULE": "web.settings"}
    env.pop("XXGK_SECRET_KEY", None)
    result = subprocess.run([sys.executable, "manage.py", "check"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert "XXGK_SECRET_KEY" in result.stderr
