"""Bilag on disk: a file name that is safe whatever an imported file said,
and a private folder to open them from.

The archive keeps an attachment's file name exactly as it came in (the
interchange file must round-trip), so the name is made safe only here, at
the moment a file is written.
"""

from __future__ import annotations

import atexit
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path

from model.entities import Attachment
from model.errors import ReferentError
from model.files import write_atomically

MAX_NAME = 120  # characters
MAX_NAME_BYTES = 200  # in UTF-8; most file systems allow 255
_RESERVED = {
    "con",
    "prn",
    "aux",
    "nul",
    *(f"com{n}" for n in range(10)),
    *(f"lpt{n}" for n in range(10)),
}
_UNSAFE = re.compile(r'[\x00-\x1f\x7f<>:"|?*]')
_private: Path | None = None


def safe_filename(name: str | None, fallback: str = "bilag") -> str:
    """A plain file name with no folder part, that every file system accepts."""
    return _clean(name) or _clean(fallback) or "bilag"


def _clean(name: str | None) -> str:
    name = unicodedata.normalize("NFC", name or "")
    name = re.split(r"[/\\]", name)[-1]  # drop any folder, Unix or Windows style
    name = _UNSAFE.sub("_", name).strip(" .")
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    if stem.lower() in _RESERVED:
        stem = f"_{stem}"
    suffix = _cut(suffix, 16)
    stem = _cut(stem[: MAX_NAME - len(suffix) - 1], MAX_NAME_BYTES - len(suffix.encode()) - 1)
    return f"{stem}.{suffix}" if suffix else stem


def _cut(text: str, max_bytes: int) -> str:
    """`text` shortened to at most `max_bytes` in UTF-8, never inside a character.

    File systems count a name's bytes (255 on most), not its characters: 100
    emoji are 400 bytes. The bilag's title in the archive is not shortened."""
    data = text.encode("utf-8")[:max_bytes]
    return data.decode("utf-8", "ignore")


def private_folder() -> Path:
    """A folder only this user can read, removed when the program ends."""
    global _private
    if _private is None or not _private.exists():
        _private = Path(tempfile.mkdtemp(prefix="referent-bilag-"))  # mode 0700
        atexit.register(shutil.rmtree, _private, ignore_errors=True)
    return _private


def write_private_copy(attachment: Attachment) -> Path:
    """Write the bilag's bytes to the private folder, to be opened from there."""
    if attachment.content is None:
        raise ReferentError(f'Bilaget "{attachment.title}" har intet indhold i arkivet.')
    return write_private_file(attachment.filename, attachment.content, attachment.title)


def write_private_file(filename: str | None, content: bytes, title: str = "bilag") -> Path:
    """Write bytes under a safe form of `filename` (else `title`) in the private folder."""
    name = safe_filename(filename, fallback=title)
    folder = Path(tempfile.mkdtemp(dir=private_folder()))  # one folder each: names may repeat
    target = folder / name
    write_atomically(target, content)
    target.chmod(0o400)  # a copy to read: changes to it would not reach the archive
    return target


def label(number: int, title: str) -> str:
    """How a bilag is named everywhere (editor, documents, bookmarks): "Bilag 2: Kort".
    The number is its place among all the item's bilag, so the public version, which
    leaves closed bilag out, numbers the rest as the internal one does."""
    return f"Bilag {number}: {title}"


def is_pdf(content: bytes | None) -> bool:
    return bool(content) and content[:1024].lstrip()[:5] == b"%PDF-"
