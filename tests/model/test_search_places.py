"""Search finds questions and orders, their answers, protokoltilførsler and bilag titles,
says where, and keeps up with every write to them."""

from __future__ import annotations

from sqlalchemy import select

from model import decisions, follow_ups, item_edit, search
from model.entities import Item
from tests.model.agenda_helpers import committee, meeting


def _found(archive, query: str) -> list[tuple[str, str]]:
    with archive.sessions() as session:
        return [(hit.title, hit.where) for hit in search.search(session, query)]


def _setup(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        m = meeting(s, c.id, "2021-05-01", ["Vejbelysning", "Skolebusser"])
        lights, buses = m.items[0].id, m.items[1].id
        member = c.members[0].id
        question = follow_ups.add_follow_up(s, lights, "Hvad koster gadelamperne pr. stk?",
                                            "Anna Berg (V)", "Vejchefen")
        decisions.add_minority_note(s, buses, member, "Venstre ønsker flere elbusser.")
        bilag = item_edit.add_attachment(s, buses, title="Køreplan for skolekørsel")
    return lights, buses, question, bilag


def test_each_kind_of_text_is_found_and_named(archive):
    _lights, _buses, question, _bilag = _setup(archive)
    assert _found(archive, "gadelampe") == [("Vejbelysning", "Spørgsmål")]
    assert _found(archive, "elbusser") == [("Skolebusser", "Protokoltilførsel")]
    assert _found(archive, "køreplan") == [("Skolebusser", "Bilag")]
    with archive.transaction() as s:
        follow_ups.mark_answered(s, question, "Cirka 4.000 kr. pr. armatur.")
    assert _found(archive, "armatur") == [("Vejbelysning", "Svar")]
    # The title holds the word too: the hit is the item itself.
    assert _found(archive, "skolebusser") == [("Skolebusser", "")]
    with archive.sessions() as session:
        hit = search.search(session, "gadelamperne")[0]
        assert hit.snippet == "Hvad koster »gadelamperne« pr. stk?"
        assert session.get(Item, hit.item_id).title == "Vejbelysning"  # opens the item


def test_edits_and_deletions_keep_the_index_in_step(archive):
    lights, buses, question, bilag = _setup(archive)
    with archive.transaction() as s:
        follow_ups.update_follow_up(s, question, text="Hvornår tændes lygterne?")
        item_edit.set_attachment_field(s, bilag, "title", "Rutekort")
        decisions.remove_minority_note(s, buses, 0)
    assert _found(archive, "gadelampe") == []
    assert _found(archive, "lygterne") == [("Vejbelysning", "Spørgsmål")]
    assert _found(archive, "køreplan") == []
    assert _found(archive, "rutekort") == [("Skolebusser", "Bilag")]
    assert _found(archive, "elbusser") == []
    with archive.transaction() as s:
        follow_ups.delete_follow_up(s, question)
        item_edit.remove_attachment(s, bilag)
    assert _found(archive, "lygterne") == []
    assert _found(archive, "rutekort") == []
    with archive.transaction() as s:
        decisions.add_minority_note(s, lights, s.scalar(select(Item).where(
            Item.id == lights)).meeting.committee.members[1].id, "Vi ønsker LED-armaturer.")
        item_edit.set_decision_text(s, lights, "Godkendt.")
    assert _found(archive, "armaturer") == [("Vejbelysning", "Protokoltilførsel")]


def test_an_import_is_found_with_its_questions_notes_and_bilag(examples_archive):
    assert ("Budget 2027 - 2. behandling", "Protokoltilførsel") in _found(
        examples_archive, "afvigende mening")
    assert ("Budget 2027 - 2. behandling", "Svar") in _found(examples_archive, "udsendt")
    assert [where for _title, where in _found(examples_archive, "fordelt på bydele")] == [
        "Spørgsmål"]


def test_an_older_index_is_made_again_with_the_new_texts(tmp_path):
    from model.database import open_archive
    from model.interchange import import_file
    from tests.conftest import EXAMPLE_FILES

    archive = open_archive(tmp_path / "arkiv.sqlite3", keep_backups=None)
    for path in EXAMPLE_FILES:
        import_file(archive, path)
    with archive.engine.begin() as connection:  # the index as the version before this made it
        connection.exec_driver_sql("DROP TABLE search_index")
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE search_index USING fts5(title, body, tokenize = "
            "'unicode61 remove_diacritics 0', prefix = '3 4')")
        connection.exec_driver_sql(
            "INSERT INTO search_index(rowid, title, body) SELECT id, title, '' FROM items")
    archive.close()

    archive = open_archive(tmp_path / "arkiv.sqlite3", keep_backups=None)  # as at a start
    assert ("Budget 2027 - 2. behandling", "Protokoltilførsel") in _found(
        archive, "afvigende mening")
    archive.close()
