"""reportlab's reading of a TrueType font, kept between runs.

reportlab reads a font's tables in Python: 12 ms a face, and a PDF draws with
four faces before its first page is laid out. What it reads is kept in the
user's cache folder, named by the font file's size and time and by
reportlab's, Python's and marshal's versions, and read back with marshal
(2 ms; marshal makes plain values only, it runs no code). A cache that cannot
be read or written is passed by: the font is read as before.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
import tempfile
from pathlib import Path

from reportlab import Version
from reportlab.pdfbase.ttfonts import TTFNameBytes, TTFontFace


def face(filename: str) -> TTFontFace:
    """The face of the font file, as TTFontFace(filename) reads it."""
    path = _cached(filename)
    if path is not None:
        try:
            return _made(marshal.loads(path.read_bytes()))
        except (OSError, ValueError, EOFError, TypeError, KeyError, AttributeError):
            pass  # not there yet, or not this face's
    read = TTFontFace(filename)
    if path is not None:
        _keep(path, read)
    return read


def folder() -> Path:
    from platformdirs import user_cache_path

    return user_cache_path("Referent", appauthor=False) / "fonts"


def _cached(filename: str) -> Path | None:
    try:
        stat = os.stat(filename)
    except OSError:
        return None
    key = (f"{os.path.abspath(filename)}:{stat.st_size}:{stat.st_mtime_ns}:{Version}:"
           f"{sys.version_info[:2]}:{marshal.version}")
    return folder() / f"{Path(filename).stem}-{hashlib.sha256(key.encode()).hexdigest()[:16]}"


def _keep(path: Path, read: TTFontFace) -> None:
    values = {k: v for k, v in vars(read).items() if k != "_pdfScale"}
    names = [k for k, v in values.items() if isinstance(v, TTFNameBytes)]
    try:
        data = marshal.dumps({"face": values, "names": names})
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".font-")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)  # another process writing it too writes the same
    except (OSError, ValueError):
        pass  # a read-only cache folder, a face marshal cannot keep: read it next time


def _made(data: dict) -> TTFontFace:
    """A face from what _keep kept: its values, its names as reportlab's name strings,
    and its scale (a function, so not kept) made as TTFontFile.extractInfo makes it."""
    made = TTFontFace.__new__(TTFontFace)
    values = data["face"]
    made.__dict__.update(values)
    for name in data["names"]:
        setattr(made, name, TTFNameBytes(values[name]))
    per_em = made.unitsPerEm
    made._pdfScale = (lambda x: x) if per_em == 1000 else (lambda x: x * (1000 / per_em))
    return made
