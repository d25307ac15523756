"""Editing an item's fields, sections, decision and bilag."""

from __future__ import annotations

import pytest

from model import item_edit, meeting_setup
from model.checks import InputError
from tests.model.agenda_helpers import committee, meeting


def test_fields_return_old_values_and_refuse_bad_input(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        m = meeting(s, c.id, "2020-03-01", ["A", "B"])
        a = m.items[0]
        assert item_edit.set_item_field(s, a.id, "title", "  Ny titel ") == "A"
        assert a.title == "Ny titel"
        assert item_edit.set_item_field(s, a.id, "closed", True) is False
        with pytest.raises(InputError) as error:
            item_edit.set_item_field(s, a.id, "title", "")
        assert error.value.field == "title" and a.title == "Ny titel"
        with pytest.raises(InputError, match="nummereres selv"):
            item_edit.set_item_field(s, a.id, "number", 7)
        meeting_setup.advance_status(s, m.id)
        with pytest.raises(InputError, match="allerede brugt"):
            item_edit.set_item_field(s, a.id, "number", 2)
        with pytest.raises(InputError, match="ikke et nummer"):
            item_edit.set_item_field(s, a.id, "number", "x")
        assert item_edit.set_item_field(s, a.id, "number", "9") == 1


def test_sections_decision_and_attachments(archive, tmp_path):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        m = meeting(s, c.id, "2020-03-01", ["A"])
        a = m.items[0]
        section = a.sections[0]
        assert item_edit.set_section_text(s, section.id, "Tekst") == ""
        data, index = item_edit.remove_section(s, section.id)
        assert [x.heading for x in a.sections][0] == "Lovgrundlag"
        item_edit.restore_section(s, data, index)
        assert (a.sections[0].heading, a.sections[0].text) == ("Sagsfremstilling", "Tekst")
        assert item_edit.set_decision_text(s, a.id, "Godkendt.") == ""
        assert item_edit.set_decision_text(s, a.id, "") == "Godkendt."
        assert a.decision is None
        path = tmp_path / "Notat om budget.pdf"
        path.write_bytes(b"%PDF-1.4")
        attachment_id = item_edit.add_attachment(s, a.id, path)
        content = item_edit.attachment_content(s, attachment_id)
        assert content == ("Notat om budget.pdf", b"%PDF-1.4")
        assert a.attachments[0].title == "Notat om budget"
        assert item_edit.set_attachment_field(s, attachment_id, "closed", True) is False


def test_a_signed_decision_cannot_be_changed_through_the_item_editor(examples_archive):
    import pytest
    from sqlalchemy import select

    from model import item_edit
    from model.checks import InputError
    from model.entities import Item

    with examples_archive.transaction() as session:  # oeu-2026-09-30 is signed
        item_id = session.scalar(select(Item.id).where(Item.ext_id == "oeu-2026-09-30-302"))
        with pytest.raises(InputError, match="underskrevet"):
            item_edit.set_decision_text(session, item_id, "Ændret.")
        with pytest.raises(InputError, match="underskrevet"):
            item_edit.set_postponed(session, item_id, True)
