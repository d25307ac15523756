"""Writing files so that they are whole or absent, never half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomically(path: Path, data: bytes | Callable[[Path], None]) -> None:
    """Write `data` (bytes, or a function that writes to the path it is given) to `path`.

    The content goes to a temporary file in the same folder, is flushed to
    disk and then renamed over `path`; if anything fails the temporary file
    is removed and `path` is left as it was.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as error:  # name the file the user asked for, not our temporary one
        raise type(error)(error.errno, error.strerror, str(path)) from None
    temp = Path(temp_name)
    try:
        if isinstance(data, bytes):
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
        else:
            os.close(handle)
            data(temp)
            with temp.open("rb+") as out:
                os.fsync(out.fileno())
        os.chmod(temp, 0o666 & ~_umask())  # mkstemp makes it private; give it normal rights
        os.replace(temp, path)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
