"""The core package never imports Django (design.md §1): import every core module in a fresh process."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = """
import importlib, pkgutil, sys
import xxgk
for info in pkgutil.walk_packages(xxgk.__path__, "xxgk."):
    if not info.name.endswith("__main__"):
        importlib.import_module(info.name)
loaded = sorted(m for m in sys.modules if m == "django" or m.startswith("django."))
print("LOADED:" + ",".join(loaded))
"""


def test_core_imports_without_django() -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, cwd=ROOT, check=True)
    assert "LOADED:" in result.stdout
    assert result.stdout.strip().endswith("LOADED:"), result.stdout
