"""A private temporary folder for opening bilag: only this user can read it, and it
is removed when the program ends."""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
from pathlib import Path

_folder: Path | None = None


def folder() -> Path:
    global _folder
    if _folder is None:
        _folder = Path(tempfile.mkdtemp(prefix="referent-bilag-"))  # mode 0700
        atexit.register(shutil.rmtree, _folder, True)
    return _folder


def safe_name(name: str) -> str:
    """The file's own name without folders or characters other programs choke on."""
    name = Path(name.replace("\\", "/")).name
    name = re.sub(r'[<>:"|?*\x00-\x1f]', "_", name).strip(". ") or "bilag"
    return name[:150]


def write(name: str, content: bytes) -> Path:
    target = Path(tempfile.mkdtemp(dir=folder())) / safe_name(name)
    target.write_bytes(content)
    target.chmod(0o400)  # a copy to read: changes would not reach the archive
    return target
