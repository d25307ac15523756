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


@pytest.mark.parametrize("filename,title", [
    ("😀" * 100 + ".pdf", "Bilag"),
    (None, "👩‍👩‍👧" * 100),
    ("ø" * 250 + ".docx", "Bilag"),
    ("a.😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀", "Bilag"),
])
def test_a_name_of_many_bytes_is_shortened_on_disk_only(filename, title):
    attachment = Attachment(title=title, filename=filename, content=b"indhold")
    path = write_private_copy(attachment)
    assert path.read_bytes() == b"indhold"
    assert len(path.name.encode("utf-8")) <= 200
    assert path.name[:3] == (filename or title)[:3]
    if filename and filename.endswith(".pdf"):
        assert path.suffix == ".pdf"
    assert attachment.title == title and attachment.filename == filename  # kept as it came


def test_a_bilag_with_a_title_of_100_emoji_is_stored_and_opened(archive):
    from model import item_edit
    from model.attachments import write_private_file
    from model.interchange import import_file
    from tests.conftest import EXAMPLE_FILES

    import_file(archive, EXAMPLE_FILES[0])
    from sqlalchemy import select

    from model.entities import Item

    title = "😀" * 100
    with archive.transaction() as session:
        item_id = session.scalar(select(Item.id).limit(1))
        attachment_id = item_edit.add_attachment(
            session, item_id, title=title, filename=title + ".pdf", content=b"%PDF"
        )
    with archive.sessions() as session:
        stored = item_edit.get_attachment(session, attachment_id)
        assert (stored.title, stored.filename) == (title, title + ".pdf")
        name, content = item_edit.attachment_content(session, attachment_id)
    path = write_private_file(name, content)
    assert path.read_bytes() == b"%PDF" and path.name.endswith(".pdf")
