"""Adding, deleting, moving and numbering agenda items."""

from __future__ import annotations

import pytest

from model import agenda, meeting_setup
from model.checks import InputError
from tests.model.agenda_helpers import committee, meeting, numbers


def test_new_meeting_gets_standard_items_and_default_sections(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting")
        m = meeting(s, c.id, "21-04-2020")
        assert numbers(m) == [(1, "Godkendelse af dagsorden"), (2, "Meddelelser"), (3, "Eventuelt")]
        change = agenda.add_item(s, m.id, "Budget 2021", index=1)
        item = s.get(agenda.Item, change.item_id)
        assert [sec.heading for sec in item.sections] == [
            "Sagsfremstilling", "Lovgrundlag", "Økonomi", "Indstilling"
        ]
        assert numbers(m)[:2] == [(1, "Godkendelse af dagsorden"), (2, "Budget 2021")]
        assert change.renumbered == {item.id: 2, m.items[2].id: 3, m.items[3].id: 4}
        assert len(m.attendance) == 3 and {a.status for a in m.attendance} == {"present"}


def test_running_numbers_continue_from_previous_meeting_of_the_year(archive):
    with archive.transaction() as s:
        c = committee(s, standard_items=[])
        first = meeting(s, c.id, "2020-01-15", ["A", "B", "C"])
        last_year = meeting(s, c.id, "2019-12-10", ["X"])
        second = meeting(s, c.id, "2020-02-12", ["D", "E"])
        assert numbers(first) == [(1, "A"), (2, "B"), (3, "C")]
        assert numbers(last_year) == [(1, "X")]
        assert numbers(second) == [(4, "D"), (5, "E")]
        # A new item in January pushes February's draft numbers on.
        agenda.add_item(s, first.id, "A2", index=1)
        assert numbers(first) == [(1, "A"), (2, "A2"), (3, "B"), (4, "C")]
        assert numbers(second) == [(5, "D"), (6, "E")]


def test_numbers_freeze_once_the_agenda_is_published(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        m = meeting(s, c.id, "2020-03-01", ["A", "B", "C"])
        meeting_setup.advance_status(s, m.id)
        assert m.status == "agenda_published"
        agenda.move_item(s, m.items[2].id, 0)
        assert numbers(m) == [(3, "C"), (1, "A"), (2, "B")]
        agenda.add_item(s, m.id, "Supplerende punkt", index=1)
        assert numbers(m)[1] == (4, "Supplerende punkt")
        agenda.delete_item(s, m.items[2].id)
        assert [n for n, _ in numbers(m)] == [3, 4, 2]


def test_delete_and_restore_keep_everything(archive):
    from model import item_edit

    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        m = meeting(s, c.id, "2020-03-01", ["A", "B", "C"])
        b = m.items[1]
        item_edit.set_section_text(s, b.sections[0].id, "**Vigtigt** punkt")
        item_edit.set_decision_text(s, b.id, "Godkendt.")
        item_edit.add_attachment(s, b.id, title="Notat", filename="notat.pdf", content=b"%PDF")
        ext_id, item_id = b.ext_id, b.id
        change = agenda.delete_item(s, item_id)
        assert numbers(m) == [(1, "A"), (2, "C")]
        back = agenda.restore_item(s, change.snapshot, change.index)
    with archive.sessions() as s:
        m = s.get(agenda.Meeting, m.id)
        assert numbers(m) == [(1, "A"), (2, "B"), (3, "C")]
        b = m.items[1]
        assert (b.id, b.ext_id) == (back.item_id, ext_id) == (item_id, ext_id)
        assert b.sections[0].text == "**Vigtigt** punkt"
        assert b.decision.text == "Godkendt."
        assert b.attachments[0].content == b"%PDF"


def test_move_returns_old_place_and_renumbers(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        m = meeting(s, c.id, "2020-03-01", ["A", "B", "C"])
        change = agenda.move_item(s, m.items[0].id, 2)
        assert numbers(m) == [(1, "B"), (2, "C"), (3, "A")]
        assert change.index == 0
        agenda.move_item(s, change.item_id, change.index)
        assert numbers(m) == [(1, "A"), (2, "B"), (3, "C")]


def test_empty_title_is_refused(archive):
    with archive.transaction() as s:
        c = committee(s)
        m = meeting(s, c.id, "2020-03-01")
        with pytest.raises(InputError) as error:
            agenda.add_item(s, m.id, "  ")
        assert error.value.field == "title"


def test_copy_agenda(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        old = meeting(s, c.id, "2020-03-01", ["A", "B"])
        new = meeting(s, c.id, "2020-04-01")
        agenda.copy_agenda(s, old.id, new.id)
        assert numbers(new) == [(1, "A"), (2, "B")]
        assert new.items[0].ext_id != old.items[0].ext_id
