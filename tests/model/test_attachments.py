"""A bilag's file name from an import can never write outside the private folder."""

from __future__ import annotations

import stat

import pytest

from model.attachments import private_folder, safe_filename, write_private_copy
from model.entities import Attachment
from model.errors import ReferentError

HOSTILE = [
    "../../../etc/passwd",
    "..\\..\\Windows\\System32\\evil.dll",
    "/etc/cron.d/job",
    "C:\\Users\\x\\Desktop\\a.pdf",
    "CON",
    "nul.txt",
    "",
    "..",
    ".",
    " . ",
    "a" * 400 + ".pdf",
    "bilag\x07\x0b.pdf",
    "spørgsmål?*:<>|.docx",
    "~/.bashrc",
]


@pytest.mark.parametrize("name", HOSTILE)
def test_hostile_names_stay_in_the_private_folder(name):
    attachment = Attachment(title="Bilag 1", filename=name, content=b"indhold")
    path = write_private_copy(attachment)
    assert path.resolve().is_relative_to(private_folder().resolve())
    assert path.read_bytes() == b"indhold"
    assert len(path.name) <= 120
    assert path.stem.lower() not in {"con", "nul"}


def test_plain_names_are_kept():
    assert safe_filename("Budgetforslag 2027.pdf") == "Budgetforslag 2027.pdf"
    assert safe_filename("notat_ældre.docx") == "notat_ældre.docx"


def test_missing_name_uses_the_title():
    path = write_private_copy(Attachment(title="Notat om anlæg", filename=None, content=b"x"))
    assert path.name == "Notat om anlæg"


def test_private_folder_is_private():
    assert stat.S_IMODE(private_folder().stat().st_mode) == 0o700


def test_two_bilag_with_one_name_do_not_overwrite_each_other():
    first = write_private_copy(Attachment(title="a", filename="x.pdf", content=b"1"))
    second = write_private_copy(Attachment(title="b", filename="x.pdf", content=b"2"))
    assert first != second and first.read_bytes() == b"1" and second.read_bytes() == b"2"


def test_bilag_without_content_says_so():
    with pytest.raises(ReferentError, match="intet indhold"):
        write_private_copy(Attachment(title="Notat", filename="n.pdf", content=None))
