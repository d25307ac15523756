"""Two secretaries on one item: an edit based on what the editor showed earlier is
refused when someone else saved in between, with both versions, and nothing written."""

from __future__ import annotations

import pytest

from model import browse, item_edit, saving
from model.errors import ConflictError, EditConflict
from tests.model.agenda_helpers import committee, meeting


@pytest.fixture
def item_id(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        return meeting(s, c.id, "2020-03-01", ["Vejplan"]).items[0].id


def shown(archive, item_id) -> browse.ItemView:
    """What secretary A's editor shows: a view read in its own session."""
    with archive.sessions() as s:
        return browse.item_view(s, item_id)


def write(archive, operation, *args, **kwargs):
    with archive.transaction() as s:
        return operation(s, *args, **kwargs)


def test_section_saved_by_another_is_not_overwritten(archive, item_id):
    write(archive, item_edit.set_section_text, shown(archive, item_id).sections[0].id, "v1")
    mine = shown(archive, item_id).sections[0]
    write(archive, item_edit.set_section_text, mine.id, "Deres tekst")  # secretary B

    with pytest.raises(EditConflict) as caught:
        write(archive, saving.save_section_text, mine.id, "Min tekst", mine.version)
    conflict = caught.value
    assert isinstance(conflict, ConflictError)
    assert (conflict.mine, conflict.theirs) == ("Min tekst", "Deres tekst")
    assert conflict.current_version == mine.version + 1
    assert "ændret af en anden" in str(conflict) and mine.heading in str(conflict)
    assert shown(archive, item_id).sections[0].text == "Deres tekst"

    # Keeping mine is an edit based on their version: it goes through.
    saved = write(archive, saving.save_section_text, mine.id, "Min tekst",
                  conflict.current_version)
    assert saved.old == "Deres tekst" and saved.version == conflict.current_version + 1
    assert shown(archive, item_id).sections[0].text == "Min tekst"


def test_own_saves_in_a_row_are_based_on_each_other(archive, item_id):
    section = shown(archive, item_id).sections[0]
    version = section.version
    for text in ("a", "ab", "abc"):
        version = write(archive, saving.save_section_text, section.id, text, version).version
    assert shown(archive, item_id).sections[0] == browse.SectionView(
        section.id, section.heading, "abc", version
    )


def test_same_text_as_the_archive_is_no_conflict(archive, item_id):
    mine = shown(archive, item_id).sections[0]
    write(archive, item_edit.set_section_text, mine.id, "Samme")  # another secretary
    # Mine, typed from the older copy, is what the archive already holds: nothing to lose.
    write(archive, item_edit.set_section_text, mine.id, "Samme", expected_version=mine.version)
    assert shown(archive, item_id).sections[0].text == "Samme"
    # A different text from the same old copy is still refused.
    with pytest.raises(EditConflict):
        write(archive, item_edit.set_section_text, mine.id, "Andet",
              expected_version=mine.version)
    assert shown(archive, item_id).sections[0].text == "Samme"


def test_item_field_changed_by_another_is_refused(archive, item_id):
    mine = shown(archive, item_id)
    write(archive, item_edit.set_item_field, item_id, "title", "Deres titel")
    with pytest.raises(EditConflict) as caught:
        write(archive, item_edit.set_item_field, item_id, "title", "Min titel", mine.version)
    assert (caught.value.mine, caught.value.theirs) == ("Min titel", "Deres titel")
    assert caught.value.what == "Titlen"
    assert shown(archive, item_id).title == "Deres titel"
    # Callers that do not say which version they saw keep working as before.
    write(archive, item_edit.set_item_field, item_id, "presenters", "Jan")
    assert shown(archive, item_id).presenters == "Jan"


def test_decision_text_changed_or_added_by_another_is_refused(archive, item_id):
    mine = shown(archive, item_id)
    assert mine.decision_version == 0  # no decision yet
    write(archive, item_edit.set_decision_text, item_id, "Godkendt.")  # B adds one
    with pytest.raises(EditConflict) as caught:
        write(archive, saving.save_decision_text, item_id, "Udsat.", mine.decision_version)
    assert (caught.value.mine, caught.value.theirs) == ("Udsat.", "Godkendt.")
    assert shown(archive, item_id).decision_text == "Godkendt."

    now = shown(archive, item_id)
    saved = write(archive, saving.save_decision_text, item_id, "Godkendt med ændringer.",
                  now.decision_version)
    assert saved.previous_version == now.decision_version
    assert shown(archive, item_id).decision_version == saved.version
    with pytest.raises(EditConflict):
        write(archive, item_edit.set_decision_text, item_id, "Forkastet.",
              expected_version=now.decision_version)
    assert shown(archive, item_id).decision_text == "Godkendt med ændringer."


def test_heading_changed_by_another_is_refused(archive, item_id):
    mine = shown(archive, item_id).sections[0]
    write(archive, item_edit.set_section_heading, mine.id, "Deres overskrift")
    with pytest.raises(EditConflict):
        write(archive, item_edit.set_section_heading, mine.id, "Min", mine.version)
    assert shown(archive, item_id).sections[0].heading == "Deres overskrift"
