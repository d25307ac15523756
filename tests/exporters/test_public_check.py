"""A public document whose open text looks like it holds a CPR number is stopped, with the place."""

from __future__ import annotations

from sqlalchemy import select

from exporters.public_check import meeting_cpr_warnings
from main import main
from model.entities import Item
from model.meetings import load_meeting
from tests.conftest import EXAMPLE_FILES

STEVNS = next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns"))


def put_text(archive, item_ext_id: str, text: str) -> None:
    with archive.transaction() as session:
        item = session.scalar(select(Item).where(Item.ext_id == item_ext_id))
        item.sections[0].text += f"\n\nBorgeren {text} har klaget."


def test_open_text_is_flagged_with_its_place(unsigned_examples_archive):
    put_text(unsigned_examples_archive, "aet-2020-08-19-193", "010203-1234")
    with unsigned_examples_archive.sessions() as session:
        warnings = meeting_cpr_warnings(load_meeting(session, "aet-2020-08-19"))
    assert len(warnings) == 1
    assert warnings[0].place == "193. Budgetforslag 2021 - AET › Resume"
    assert "010203-xxxx" in warnings[0].excerpt and "1234" not in warnings[0].excerpt


def test_closed_item_text_is_not_flagged_since_it_is_not_printed(unsigned_examples_archive):
    put_text(unsigned_examples_archive, "oeu-2026-09-30-303", "010203-1234")  # a closed item
    with unsigned_examples_archive.sessions() as session:
        assert meeting_cpr_warnings(load_meeting(session, "oeu-2026-09-30")) == []


def test_render_verb_stops_a_public_document_unless_allowed(tmp_path, capsys):
    db = tmp_path / "x.sqlite3"
    unsigned = tmp_path / "stevns-ikke-underskrevet.json"  # a signed one could not be changed
    unsigned.write_text(STEVNS.read_text("utf-8").replace('"status": "signed"',
                                                          '"status": "minutes_approved"'))
    main(["--db", str(db), "import", str(unsigned)])
    from model.database import open_archive

    archive = open_archive(db)
    put_text(archive, "aet-2020-08-19-193", "0102031234")
    archive.close()
    out = tmp_path / "offentlig.pdf"
    argv = [
        "--db",
        str(db),
        "render",
        "aet-2020-08-19",
        "--document",
        "referat",
        "--format",
        "pdf",
        "--public",
        "--out",
        str(out),
    ]

    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "193. Budgetforslag 2021 - AET › Resume" in err and "ligner et CPR-nummer" in err
    assert not out.exists()

    assert main([*argv, "--allow-cpr"]) == 0
    assert out.exists()
    private = [
        "--db",
        str(db),
        "render",
        "aet-2020-08-19",
        "--document",
        "referat",
        "--format",
        "pdf",
        "--out",
        str(tmp_path / "intern.pdf"),
    ]
    assert main(private) == 0  # the internal version is not published
