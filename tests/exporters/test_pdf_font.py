"""Our TrueType font for reportlab: its face read once and kept (exporters/font_faces.py)."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from exporters import font_faces
from exporters.fonts import FILES, font_dir
from exporters.pdf_font import SubsetFont

TEXT = "Økonomiudvalget godkender budgettet – 12,5 mio. kr. (Łukasz, Ayşe) ½ § €"


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(font_faces, "folder", lambda: tmp_path / "fonts")
    return tmp_path / "fonts"


def _plain(value):
    """A value as compared here: functions and reportlab's objects by their type."""
    if callable(value) or type(value).__module__.startswith("reportlab") and not isinstance(
            value, bytes):
        return type(value).__name__
    return value


@pytest.mark.parametrize("face", ["LiberationSans", "LiberationSans-Bold", "DejaVuSans"])
def test_a_font_from_the_cache_is_the_font_reportlab_reads(cache, face):
    path = str(font_dir() / FILES[face])
    SubsetFont(face, path)  # reads the file, and keeps what it read
    assert len(list(cache.iterdir())) == 1
    kept, read = SubsetFont(face, path), TTFont(face, path)
    assert {k: _plain(v) for k, v in vars(kept).items()} == {
        k: _plain(v) for k, v in vars(read).items()}
    assert {k: v for k, v in vars(kept.face).items() if k != "_pdfScale"} == {
        k: v for k, v in vars(read.face).items() if k != "_pdfScale"}
    assert {k: type(v) for k, v in vars(kept.face).items()} == {
        k: type(v) for k, v in vars(read.face).items()}
    assert kept.face._pdfScale(1234) == read.face._pdfScale(1234)
    assert kept.stringWidth(TEXT, 11) == read.stringWidth(TEXT, 11)
    glyphs = sorted({ord(c) for c in TEXT if ord(c) in read.face.charToGlyph})
    assert kept.face.makeSubset(glyphs) == read.face.makeSubset(glyphs)


def test_the_cache_is_read_instead_of_the_file(cache, monkeypatch):
    path = str(font_dir() / FILES["LiberationSans"])
    SubsetFont("LiberationSans", path)

    def refused(*args, **kwargs):
        raise AssertionError("the font file was read again")

    monkeypatch.setattr(TTFontFace, "__init__", refused)
    assert SubsetFont("LiberationSans", path).face.charWidths[ord("Ø")] > 0


def test_a_damaged_or_unwritable_cache_is_passed_by(cache):
    path = str(font_dir() / FILES["LiberationSans"])
    SubsetFont("LiberationSans", path)
    (kept,) = cache.iterdir()
    kept.write_bytes(b"\x00 not a face")
    assert SubsetFont("LiberationSans", path).face.unitsPerEm == 2048
    kept.unlink()
    cache.chmod(0o500)  # a folder nobody may write in (root may: then it is written)
    try:
        assert SubsetFont("LiberationSans", path).face.numGlyphs > 2000
    finally:
        cache.chmod(0o700)
