"""The `render` verb of the command line."""

from __future__ import annotations

import pytest

import main
from tests.conftest import EXAMPLE_FILES


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "arkiv.sqlite3"
    for example in EXAMPLE_FILES:
        assert main.main(["--db", str(path), "import", str(example)]) == 0
    return path


@pytest.mark.parametrize("fmt", ["pdf", "docx"])
def test_render_writes_the_file(db, tmp_path, fmt, monkeypatch, capsys):
    monkeypatch.setenv("REFERENT_SOFFICE", "off")
    out = tmp_path / f"referat.{fmt}"
    argv = ["--db", str(db), "render", "sagsbehandling-2020-04-21", "--document", "referat",
            "--format", fmt, "--public", "--out", str(out)]
    assert main.main(argv) == 0
    assert out.stat().st_size > 1000
    assert out.read_bytes()[:4] in (b"%PDF", b"PK\x03\x04")
    assert str(out) in capsys.readouterr().out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_meeting_is_one_danish_line(db, tmp_path, capsys):
    out = tmp_path / "x.pdf"
    argv = ["--db", str(db), "render", "findes-ikke", "--document", "referat",
            "--format", "pdf", "--out", str(out)]
    assert main.main(argv) == 2
    err = capsys.readouterr().err
    assert "findes ikke" in err and len(err.strip().splitlines()) == 1
    assert not out.exists()


def test_internal_documents_have_no_public_version(db, tmp_path, capsys):
    argv = ["--db", str(db), "render", "oeu-2026-09-30", "--document", "opfoelgning",
            "--format", "pdf", "--public", "--out", str(tmp_path / "p.pdf")]
    assert main.main(argv) == 2
    assert "intern" in capsys.readouterr().err


def test_missing_output_folder_leaves_nothing(db, tmp_path, capsys):
    argv = ["--db", str(db), "render", "oeu-2026-09-30", "--document", "dagsorden",
            "--format", "pdf", "--out", str(tmp_path / "mangler" / "d.pdf")]
    assert main.main(argv) == 2
    assert "findes ikke" in capsys.readouterr().err
