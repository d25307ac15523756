"""Running the command line against a test archive, and what a clean refusal looks like."""

from __future__ import annotations

import contextlib
import io
import unicodedata

from main import main


def where(archive) -> list[str]:
    """The --db or --db-url arguments that name `archive`."""
    if archive.path is not None:
        return ["--db", str(archive.path)]
    return ["--db-url", archive.engine.url.render_as_string(hide_password=False)]


def run(*argv) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of one verb, run in this process."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([str(a) for a in argv])
    return code, out.getvalue(), err.getvalue()


def assert_one_clean_line(err: str) -> str:
    """stderr is one line "referent: …" with no control character in it; returns the line."""
    assert err.startswith("referent: "), err
    assert err.endswith("\n") and err.count("\n") == 1, repr(err)
    line = err[:-1]
    assert len(line.splitlines()) == 1, repr(err)
    odd = [ch for ch in line if unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp")]
    assert odd == [], repr(err)
    assert "Traceback" not in err
    return line
