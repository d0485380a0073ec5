"""Fontconfig set-up for WeasyPrint: make the customary Chinese font names (宋体, 仿宋, 黑体, 小标宋 …)
resolve to the installed Noto CJK fonts.

`bin/setup` copies `assets/fonts.conf` into the user's fontconfig directory, but a server process may run
under another user or with another HOME, where that copy is never read. So before WeasyPrint (pango) first
starts fontconfig, the renderer points `FONTCONFIG_FILE` at a small configuration that includes the system
configuration and then our aliases. An explicit FONTCONFIG_FILE set by the administrator is respected.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ALIASES = Path(__file__).with_name("assets") / "fonts.conf"
SYSTEM_CONF = Path("/etc/fonts/fonts.conf")
ENV = "FONTCONFIG_FILE"


def fontconfig_file() -> Path:
    """A configuration file that loads the system configuration, then our aliases (written once per
    content into the temporary directory)."""
    includes = [f'<include ignore_missing="yes">{escape(str(SYSTEM_CONF))}</include>'] if SYSTEM_CONF.exists() else []
    includes.append(f"<include>{escape(str(ALIASES.resolve()))}</include>")
    text = (
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  '
        + "\n  ".join(includes)
        + "\n</fontconfig>\n"
    )
    target = Path(tempfile.gettempdir()) / f"xxgk-fonts-{os.getuid() if hasattr(os, 'getuid') else 0}.conf"
    try:
        current = target.read_text(encoding="utf-8")
    except OSError:
        current = None
    if current != text:
        fd, tmp = tempfile.mkstemp(prefix=".xxgk-fonts-", suffix=".conf", dir=target.parent)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        os.replace(tmp, target)
    return target


def ensure_fontconfig() -> None:
    """Point fontconfig at our aliases unless the administrator chose a configuration. Must run before
    pango first uses fontconfig in this process (importing xxgk.render.pdf does it)."""
    if os.environ.get(ENV):
        return
    os.environ[ENV] = str(fontconfig_file())
