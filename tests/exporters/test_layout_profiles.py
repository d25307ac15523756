"""The LibreOffice profiles kept between layouts: one per running conversion, and a new
one when a kept profile gives no PDF. A stand-in for soffice records what it was given."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

FAKE = '''import sys, time, pathlib
args = sys.argv[1:]
profile = next(a.split("=", 1)[1] for a in args if a.startswith("-env:UserInstallation="))
log = pathlib.Path(__file__).with_suffix(".log")
with log.open("a") as f:
    f.write(profile + "\\n")
if pathlib.Path(__file__).with_name("broken").exists() and "/profil-" in profile:
    sys.exit(0)  # a damaged profile: LibreOffice ends without a word and without a PDF
time.sleep(0.3)
out = pathlib.Path(args[args.index("--outdir") + 1])
(out / (pathlib.Path(args[-1]).stem + ".pdf")).write_bytes(b"%PDF-1.7 laid out")
'''


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    program = tmp_path / "soffice"
    program.write_text(f"#!{sys.executable}\n{FAKE}")
    program.chmod(0o755)
    monkeypatch.setenv("REFERENT_SOFFICE", str(program))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return program


def _profiles(program: Path) -> list[str]:
    return program.with_suffix(".log").read_text().split()


def test_a_profile_is_kept_and_two_conversions_at_once_get_their_own(fake_soffice, tmp_path):
    from exporters.layout import convert_to_pdf

    assert convert_to_pdf(b"docx") == b"%PDF-1.7 laid out"
    first = _profiles(fake_soffice)
    assert len(first) == 1 and first[0].startswith((tmp_path / "cache").as_uri())
    assert (Path(first[0].removeprefix("file://")) / "user" / "fonts").is_dir()
    results = []
    threads = [threading.Thread(target=lambda: results.append(convert_to_pdf(b"docx")))
               for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [b"%PDF-1.7 laid out"] * 2
    together = _profiles(fake_soffice)[1:]
    assert len(set(together)) == 2  # never the same profile in two processes at once
    assert first[0] in together  # the first is used again


def test_a_kept_profile_that_gives_no_pdf_is_replaced_by_a_new_one(fake_soffice):
    from exporters.layout import convert_to_pdf

    fake_soffice.with_name("broken").touch()
    assert convert_to_pdf(b"docx") == b"%PDF-1.7 laid out"
    kept, fresh = _profiles(fake_soffice)
    assert "/profil-" in kept and "/profil-" not in fresh
