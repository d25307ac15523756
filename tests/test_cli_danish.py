"""The command line speaks Danish: argparse's help and errors, and the system's errors."""

from __future__ import annotations

import errno

import pytest

from main import main


def run(capsys, *argv):
    try:
        code = main([str(a) for a in argv])
    except SystemExit as stop:
        code = stop.code
    out, err = capsys.readouterr()
    return code, out, err


def test_help_is_danish(capsys):
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert out.startswith("brug: referent")
    for danish in ("argumenter:", "tilvalg:", "vis denne hjælp og afslut"):
        assert danish in out
    for english in ("usage:", "options:", "positional arguments", "show this help"):
        assert english not in out


@pytest.mark.parametrize("argv, expected", [
    (["render"], "referent: disse argumenter mangler: MEETING_ID, --document, --format, --out"),
    (["--bogus"], "referent: ukendte argumenter: --bogus"),
    (["render", "m", "--document", "x", "--format", "pdf", "--out", "o"],
     "referent: --document: ugyldigt valg: 'x' (vælg mellem 'dagsorden', 'referat',"),
    (["export", "--out"], "referent: --out: skal efterfølges af én værdi"),
    (["fly"], "referent: KOMMANDO: ugyldigt valg: 'fly' (vælg mellem 'import', "),
])
def test_usage_errors_are_one_danish_line(capsys, argv, expected):
    code, _, err = run(capsys, *argv)
    assert code == 2
    assert err.startswith(expected), err
    assert len(err.strip().splitlines()) == 1


def test_os_errors_are_danish(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path / "x.sqlite3", "import", tmp_path / "mangler.json")
    assert code == 2
    assert "mappen eller filen findes ikke" in err and "No such file" not in err


def test_every_common_os_error_has_danish_words():
    from model import os_errors

    error = PermissionError(errno.EACCES, "Permission denied", "/srv/x.pdf")
    assert os_errors.message(error) == "/srv/x.pdf: ingen adgang"
    assert os_errors.reason(OSError(errno.ENOSPC, "No space left on device")) == "disken er fuld"
