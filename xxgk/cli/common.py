"""What every subcommand shares: one-line Chinese errors with exit status 2, and atomic output files."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import BinaryIO

from xxgk.model import Report, ReportDataError, loads

EXIT_OK = 0
EXIT_FINDINGS = 1  # `check`: an error-level finding exists
EXIT_BAD_INPUT = 2


class CliError(Exception):
    """A user-facing error: the message is one line of Chinese naming the file and what is wrong."""


def fail(message: str) -> int:
    print(f"xxgk：错误：{message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def read_report_json(path: str | Path) -> Report:
    """Read a report JSON file, turning every problem into a CliError that names the file and JSON path."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{path}：文件不存在") from None
    except IsADirectoryError:
        raise CliError(f"{path}：是目录，不是文件") from None
    except OSError as exc:
        raise CliError(f"{path}：无法读取（{exc.strerror}）") from None
    try:
        return loads(data)
    except ReportDataError as exc:
        raise CliError(f"{path}：{exc}") from None


@contextmanager
def atomic_output(path: str | Path) -> Iterator[BinaryIO]:
    """Write to a temporary file beside `path` and move it into place only when the block succeeds,
    so that a failure never leaves a partial output file behind."""
    target = Path(path)
    directory = target.parent if str(target.parent) else Path(".")
    if not directory.is_dir():
        raise CliError(f"{target}：输出目录 {directory} 不存在")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=directory)
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
        # mkstemp creates the file readable by its owner only; give it the mode any new file gets.
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, target)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
