"""A signed meeting is sealed: every model operation and plain SQL are refused, the
referat stays as signed, and the only additions are dated corrections and answers."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError

from exporters.document import build_document
from exporters.public_check import printed_text
from model import agenda, cases, decisions, follow_ups, item_edit, meeting_setup, sealing
from model.entities import Item, Meeting
from model.errors import ReferentError, SignedMeetingError
from model.meetings import load_meeting
from tests.model.test_roundtrip import export_all

SIGNED = "oeu-2026-09-30"  # the proevekommune example's signed meeting
BUDGET = "oeu-2026-09-30-302"  # with sections, two bilag, a follow-up, a case, a prior decision


def referat(archive, ext_id: str = SIGNED) -> list[tuple[str, str]]:
    with archive.sessions() as session:
        return list(printed_text(build_document(load_meeting(session, ext_id), "referat")))


def _ids(session) -> dict[str, int]:
    item = session.scalar(select(Item).where(Item.ext_id == BUDGET))
    return {
        "meeting": item.meeting_id, "item": item.id, "section": item.sections[0].id,
        "bilag": item.attachments[0].id, "follow_up": item.follow_ups[0].id,
        "member": item.meeting.committee.members[0].id,
        "prior": item.prior_decisions[0].id,
    }


def _attendance_changed(s, i):
    rows = meeting_setup.attendance_rows(s, i["meeting"])
    rows[0].status = "absent"
    meeting_setup.set_attendance(s, i["meeting"], rows)


OPERATIONS = {
    "item title": lambda s, i: item_edit.set_item_field(s, i["item"], "title", "Ny", None),
    "item closed": lambda s, i: item_edit.set_item_field(s, i["item"], "closed", True, None),
    "section text": lambda s, i: item_edit.set_section_text(s, i["section"], "Ændret.", None),
    "section heading": lambda s, i: item_edit.set_section_heading(s, i["section"], "Ny", None),
    "add section": lambda s, i: item_edit.add_section(s, i["item"], "Ny"),
    "remove section": lambda s, i: item_edit.remove_section(s, i["section"]),
    "add bilag": lambda s, i: item_edit.add_attachment(s, i["item"], title="Nyt", content=b"x"),
    "bilag title": lambda s, i: item_edit.set_attachment_field(s, i["bilag"], "title", "Ny"),
    "remove bilag": lambda s, i: item_edit.remove_attachment(s, i["bilag"]),
    "add item": lambda s, i: agenda.add_item(s, i["meeting"], "Nyt punkt"),
    "delete item": lambda s, i: agenda.delete_item(s, i["item"]),
    "move item": lambda s, i: agenda.move_item(s, i["item"], 0),
    "meeting details": lambda s, i: meeting_setup.update_meeting(s, i["meeting"], location="X"),
    "attendance": _attendance_changed,
    "status back": lambda s, i: meeting_setup.set_status(s, i["meeting"], "held"),
    "decision text": lambda s, i: decisions.set_text(s, i["item"], "Ændret."),
    "decision via editor": lambda s, i: item_edit.set_decision_text(s, i["item"], "X", None),
    "vote": lambda s, i: decisions.set_vote(s, i["item"], i["member"], "against"),
    "case of item": lambda s, i: cases.set_item_case(s, i["item"], None),
    "prior decisions": lambda s, i: cases.remove_prior_decisions(s, i["item"], [i["prior"]]),
    "add follow-up": lambda s, i: follow_ups.add_follow_up(s, i["item"], "Nyt spørgsmål"),
    "follow-up text": lambda s, i: follow_ups.update_follow_up(s, i["follow_up"], text="Nyt"),
    "delete follow-up": lambda s, i: follow_ups.delete_follow_up(s, i["follow_up"]),
    "item moved by hand": lambda s, i: setattr(s.get(Item, i["item"]), "meeting_id", 1),
    "meeting deleted": lambda s, i: s.delete(s.get(Meeting, i["meeting"])),
    "seal replaced": lambda s, i: setattr(s.get(Meeting, i["meeting"]), "sealed_sha256", "0" * 64),
}


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_operation_on_a_signed_meeting_is_refused(examples_archive, name):
    archive = examples_archive
    printed, exported = referat(archive), export_all(archive, [SIGNED])
    with archive.transaction() as session:
        ids = _ids(session)

    with pytest.raises(ReferentError) as refused:
        with archive.transaction() as session:
            OPERATIONS[name](session, ids)
            session.flush()

    assert "underskrevet" in str(refused.value)
    assert referat(archive) == printed
    assert export_all(archive, [SIGNED]) == exported


def test_the_refusal_names_the_meeting(examples_archive):
    with examples_archive.transaction() as session:
        ids = _ids(session)
    with pytest.raises(SignedMeetingError) as refused:
        with examples_archive.transaction() as session:
            item_edit.set_section_text(session, ids["section"], "Ændret.", None)
    assert str(refused.value) == (
        "Mødet ØU 30. september 2026 er underskrevet og kan ikke ændres; "
        "tilføj en dateret rettelse i stedet."
    )


def test_corrections_and_answers_are_still_added(examples_archive):
    archive = examples_archive
    printed = referat(archive)
    with archive.transaction() as session:
        ids = _ids(session)
        signature = session.scalar(select(Item).where(Item.ext_id == "oeu-2026-09-30-305"))
        decisions.add_correction(session, ids["item"], "Stemmetallet rettet.", dt.date(2026, 10, 2))
        decisions.add_correction(session, signature.id, "Underskrevet af alle.")
        follow_ups.mark_answered(session, ids["follow_up"], "Svaret er givet.")
    after = referat(archive)
    assert any("Stemmetallet rettet." in text for _place, text in after)
    assert [p for p in printed if p in after] == printed  # only additions
    with archive.transaction() as session:
        assert follow_ups.get_follow_up(session, ids["follow_up"]).answer == "Svaret er givet."


SQL_CHANGES = [
    "UPDATE sections SET text = 'Ændret med SQL' WHERE item_id = :item",
    "UPDATE items SET title = 'Ændret med SQL' WHERE id = :item",
    "UPDATE items SET meeting_id = (SELECT MIN(id) FROM meetings) WHERE id = :item",
    "DELETE FROM items WHERE id = :item",
    "DELETE FROM attachments WHERE item_id = :item",
    "INSERT INTO sections (item_id, position, heading, text, version) "
    "VALUES (:item, 9, 'Nyt', 'Nyt', 1)",
    "UPDATE decisions SET text = 'Ændret med SQL' WHERE item_id = :item",
    "DELETE FROM decision_members WHERE decision_id IN "
    "(SELECT id FROM decisions WHERE item_id = :item)",
    "UPDATE attendance SET status = 'absent' WHERE meeting_id = :meeting",
    "UPDATE meetings SET location = 'Et andet sted' WHERE id = :meeting",
    "UPDATE meetings SET status = 'held' WHERE id = :meeting",
    "UPDATE meetings SET sealed_record = '{}' WHERE id = :meeting",
    "DELETE FROM meetings WHERE id = :meeting",
    "UPDATE follow_ups SET text = 'Ændret med SQL' WHERE item_id = :item",
    "UPDATE prior_decisions SET text = 'Ændret med SQL' WHERE item_id = :item",
]


@pytest.mark.parametrize("statement", SQL_CHANGES)
def test_plain_sql_cannot_change_a_signed_meeting(examples_archive, statement):
    archive = examples_archive
    printed = referat(archive)
    with archive.transaction() as session:
        ids = _ids(session)

    with pytest.raises(DBAPIError, match="underskrevet"):
        with archive.engine.begin() as connection:
            connection.execute(text(statement), ids)

    assert referat(archive) == printed


def test_another_program_on_the_file_cannot_change_it_either(examples_archive):
    if examples_archive.path is None:
        pytest.skip("SQLite only")
    printed = referat(examples_archive)
    connection = sqlite3.connect(examples_archive.path)
    with pytest.raises(sqlite3.IntegrityError, match="underskrevet"):
        connection.execute(
            "UPDATE sections SET text = 'x' WHERE item_id = "
            "(SELECT id FROM items WHERE ext_id = ?)", (BUDGET,)
        )
    connection.close()
    assert referat(examples_archive) == printed


def test_sql_may_still_add_a_correction_and_answer(examples_archive):
    with examples_archive.transaction() as session:
        ids = _ids(session)
    with examples_archive.engine.begin() as connection:
        connection.execute(text(
            "INSERT INTO corrections (decision_id, position, date, text) SELECT id, 5, "
            "'2026-10-01', 'Rettelse' FROM decisions WHERE item_id = :item"), ids)
        connection.execute(text(
            "UPDATE follow_ups SET status = 'answered', answer = 'Ja' WHERE item_id = :item"), ids)
    assert any("Rettelse" in t for _p, t in referat(examples_archive))


def test_a_meeting_is_sealed_when_it_is_signed(archive):
    from tests.model.agenda_helpers import committee, meeting

    with archive.transaction() as session:
        m = meeting(session, committee(session).id, "2020-03-01", ["Punkt"])
        for _ in range(4):
            meeting_setup.advance_status(session, m.id)
        meeting_id = m.id
    with archive.transaction() as session:
        m = session.get(Meeting, meeting_id)
        assert m.status == "signed"
        assert len(m.sealed_sha256) == 64
        assert dt.datetime.fromisoformat(m.sealed_at).tzinfo is not None
        assert '"title":"Punkt"' in m.sealed_record


def test_the_referat_of_a_signed_meeting_prints_the_committee_as_it_was(examples_archive,
                                                                        tmp_path):
    """An import of only the committee, with other names and parties, and a new case
    number: the signed referat still prints what was signed; an unsigned one follows."""
    import json

    from model.interchange import import_file, load_json
    from tests.conftest import EXAMPLE_FILES

    archive = examples_archive
    printed = referat(archive)
    stevns = referat(archive, "aet-2020-08-19")
    document = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune")))
    for committee in document["committees"]:
        for member in committee["members"]:
            member["name"] = member["name"] + " Andersen"
            member["party"] = "Ø"
        committee["name"] = "Et omdøbt udvalg"
    for case in document["cases"]:
        case["journal_number"] = "99.99.99-Z99-1-26"
    document["meetings"] = []
    path = tmp_path / "kun-udvalget.json"
    path.write_text(json.dumps(document), "utf-8")

    import_file(archive, path)

    assert referat(archive) == printed
    assert referat(archive, "aet-2020-08-19") == stevns
    assert any("Andersen" in text for _p, text in referat(archive, "kb-2026-10-08"))
    from model.sealing.verify import verify

    with archive.sessions() as session:
        assert verify(session) == []


def _run(capsys, *argv) -> tuple[int, str, str]:
    from main import main

    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_verify_names_a_meeting_changed_behind_the_triggers(tmp_path, capsys):
    """Another program with the triggers gone changes a signed section: verify says which."""
    from tests.conftest import EXAMPLE_FILES

    db = tmp_path / "arkiv.sqlite3"
    stevns = next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns"))
    assert _run(capsys, "--db", db, "import", stevns)[0] == 0
    assert _run(capsys, "--db", db, "verify")[:2] == (
        0, "Alle underskrevne møder svarer til deres segl.\n")

    connection = sqlite3.connect(db)
    connection.execute("DROP TRIGGER referent_seal_sections_update")
    connection.execute(
        "UPDATE sections SET text = 'Ændret bagefter.' WHERE heading = 'Indstilling' AND "
        "item_id = (SELECT id FROM items WHERE ext_id = 'aet-2020-08-19-193')"
    )
    connection.commit()
    connection.close()

    code, out, err = _run(capsys, "--db", db, "verify")
    assert code == 1
    assert out == ('aet-2020-08-19: punkt 193 "Budgetforslag 2021 - AET": afsnittet '
                   '"Indstilling" er ændret efter underskrivelsen\n')
    assert _run(capsys, "--db", db, "verify", "findes-ikke")[0] == 2


def test_verify_names_a_seal_that_was_replaced(tmp_path, capsys):
    from tests.conftest import EXAMPLE_FILES

    db = tmp_path / "arkiv.sqlite3"
    stevns = next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns"))
    _run(capsys, "--db", db, "import", stevns)
    connection = sqlite3.connect(db)
    connection.execute("DROP TRIGGER referent_seal_meetings_seal")
    connection.execute("UPDATE meetings SET sealed_record = replace(sealed_record, "
                       "'Budgetforslag 2021', 'Budgetforslag 2022')")
    connection.commit()
    connection.close()

    code, out, _ = _run(capsys, "--db", db, "verify", "aet-2020-08-19")
    assert code == 1
    assert out.startswith("aet-2020-08-19: det gemte referat passer ikke med seglets SHA-256")


def test_the_daily_check_finds_a_meeting_that_fails_its_seal(tmp_path, capsys):
    from model import backups
    from model.database import open_archive
    from tests.conftest import EXAMPLE_FILES

    db = tmp_path / "arkiv.sqlite3"
    stevns = next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns"))
    _run(capsys, "--db", db, "import", stevns)
    connection = sqlite3.connect(db)
    connection.execute("DROP TRIGGER referent_seal_items_update")
    connection.execute("UPDATE items SET title = 'Ny titel' WHERE ext_id = 'aet-2020-08-19-193'")
    connection.commit()
    connection.close()
    for copy in backups.backups(db):  # the day's check has not run yet
        copy.unlink()

    archive = open_archive(db)
    try:
        assert archive.seal_check_due  # the window runs it in the background
        sealing.check_seals(archive, verify_all=archive.seal_check_due)
        assert list(archive.seal_failures.values()) == [
            'aet-2020-08-19: punkt 193 "Budgetforslag 2021 - AET": titlen er ændret '
            "efter underskrivelsen"
        ]
    finally:
        archive.close()


def test_a_signed_meeting_without_a_record_is_sealed_by_the_opening_check(tmp_path):
    """A meeting signed before seals were kept: sealed by the check after opening."""
    from model.database import open_archive
    from model.interchange import import_file
    from tests.conftest import EXAMPLE_FILES

    db = tmp_path / "arkiv.sqlite3"
    archive = open_archive(db)
    import_file(archive, next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns")))
    archive.close()
    connection = sqlite3.connect(db)
    connection.execute("DROP TRIGGER referent_seal_meetings_seal")
    connection.execute("UPDATE meetings SET sealed_record = NULL, sealed_sha256 = NULL")
    connection.commit()
    connection.close()

    archive = open_archive(db, keep_backups=None)
    try:
        assert not archive.seal_check_due
        sealing.check_seals(archive, verify_all=False)
        with archive.sessions() as session:
            meeting = session.scalar(select(Meeting))
            assert meeting.sealed_record and len(meeting.sealed_sha256) == 64
    finally:
        archive.close()


def test_no_file_moves_an_item_of_a_signed_meeting(tmp_path, capsys):
    """The same items under another meeting id: refused, the signed meeting keeps them."""
    import json

    from tests.conftest import EXAMPLE_FILES

    db = tmp_path / "arkiv.sqlite3"
    stevns = next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns"))
    _run(capsys, "--db", db, "import", stevns)
    document = json.loads(stevns.read_text("utf-8"))
    document["meetings"][0].update(id="aet-2020-08-20", date="2020-08-20", status="held")
    moved = tmp_path / "flyttet.json"
    moved.write_text(json.dumps(document), "utf-8")

    code, _out, err = _run(capsys, "--db", db, "import", moved)

    assert code == 2
    assert err == ('referent: meetings[0].items[0].id: punktet "aet-2020-08-19-192" hører til '
                   'det underskrevne møde "aet-2020-08-19" og kan ikke flyttes til et andet møde\n')
    assert _run(capsys, "--db", db, "verify")[0] == 0
    code, out, _ = _run(capsys, "--db", db, "meetings")
    assert out.count("\n") == 1


def test_an_exported_signed_meeting_carries_its_seal_and_comes_back_whole(tmp_path, capsys):
    """Export writes `sealed`; a new archive checks it on import; a changed copy is refused."""
    import json

    from tests.conftest import EXAMPLE_FILES

    db, other = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    _run(capsys, "--db", db, "import", next(p for p in EXAMPLE_FILES if "stevns" in p.stem))
    out = tmp_path / "ud.json"
    assert _run(capsys, "--db", db, "export", "aet-2020-08-19", "--out", out)[0] == 0
    document = json.loads(out.read_text("utf-8"))
    seal = document["meetings"][0]["sealed"]
    assert len(seal["sha256"]) == 64

    assert _run(capsys, "--db", other, "import", out)[0] == 0
    again = tmp_path / "igen.json"
    _run(capsys, "--db", other, "export", "aet-2020-08-19", "--out", again)
    assert json.loads(again.read_text("utf-8"))["meetings"][0]["sealed"] == seal

    document["meetings"][0]["items"][1]["sections"][0]["text"] += " Tilføjet i filen."
    changed = tmp_path / "aendret.json"
    changed.write_text(json.dumps(document), "utf-8")
    code, _o, err = _run(capsys, "--db", tmp_path / "c.sqlite3", "import", changed)
    assert code == 2
    assert err == ('referent: meetings[0].sealed: mødet "aet-2020-08-19" passer ikke med sit '
                   "segl: indholdet er ændret, efter at det blev underskrevet\n")


def test_verify_on_either_database_names_what_plain_sql_changed(examples_archive):
    """With the trigger gone (a database administrator), a change is still found."""
    from model.sealing.verify import verify

    archive = examples_archive
    on = " ON prior_decisions" if archive.engine.dialect.name == "postgresql" else ""
    with archive.engine.begin() as connection:
        connection.execute(text(f"DROP TRIGGER referent_seal_prior_decisions_update{on}"))
        connection.execute(text(
            "UPDATE prior_decisions SET text = 'Omskrevet.' WHERE item_id = "
            "(SELECT id FROM items WHERE ext_id = :item)"), {"item": BUDGET})
    with archive.sessions() as session:
        assert verify(session) == [
            'oeu-2026-09-30: punkt 302 "Budget 2027 - 2. behandling": de tidligere '
            "beslutninger er ændret efter underskrivelsen"
        ]
        assert verify(session, ["aet-2020-08-19"]) == []


def test_a_file_may_answer_a_signed_meetings_question(examples_archive, tmp_path):
    import json

    from model.interchange import import_file, load_json
    from tests.conftest import EXAMPLE_FILES

    document = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune")))
    question = document["meetings"][0]["items"][1]["follow_ups"][0]
    question.update(status="answered", answer="Svaret kom i oktober.")
    path = tmp_path / "svar.json"
    path.write_text(json.dumps(document), "utf-8")
    printed = referat(examples_archive)

    import_file(examples_archive, path)

    with examples_archive.transaction() as session:
        answered = follow_ups.get_follow_up(session, _ids(session)["follow_up"])
        assert (answered.status, answered.answer) == ("answered", "Svaret kom i oktober.")
        assert verify_all(session) == []
    assert referat(examples_archive) == printed

    question["text"] = "Et andet spørgsmål"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(ReferentError, match="opfølgningen er ændret efter underskrivelsen"):
        import_file(examples_archive, path)


def verify_all(session):
    from model.sealing.verify import verify

    return verify(session)


@pytest.mark.parametrize("document", ["referat", "dagsorden"])
@pytest.mark.parametrize("public", [False, True])
def test_the_signed_copy_prints_what_the_meeting_itself_prints(examples_archive, document,
                                                               public):
    """The copy made from the record (sealing/printed.py, made without the ORM's events)
    is linked both ways and in order, belongs to no session, and prints the document the
    archive's own rows print while nothing has changed since signing."""
    from sqlalchemy import inspect

    from model.meetings import whole_meeting

    with examples_archive.sessions() as session:
        copy = load_meeting(session, SIGNED)
        live = session.scalar(select(Meeting).where(Meeting.ext_id == SIGNED)
                              .options(*whole_meeting()))
        assert copy is not live and inspect(copy).transient
        assert copy in copy.committee.meetings
        for item in copy.items:
            assert item.meeting is copy
            assert [s.position for s in item.sections] == list(range(len(item.sections)))
            assert all(section.item is item for section in item.sections)
            assert item.decision is None or item.decision.item is item
            assert item.case is None or item in item.case.items
        assert [a.meeting for a in copy.attendance] == [copy] * len(live.attendance)
        assert build_document(copy, document, public) == build_document(live, document, public)
