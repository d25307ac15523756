"""Committees and members."""

from __future__ import annotations

import pytest

from model import committees, meeting_setup
from model.checks import InputError
from model.errors import ReferentError
from tests.model.agenda_helpers import committee


def test_create_update_and_members(archive):
    with archive.transaction() as s:
        c = committee(s)
        assert c.ext_id.startswith("udvalg-") and c.section_headings[0] == "Sagsfremstilling"
        old = committees.update_committee(s, c.id, short_name="ØKU", standard_items=[
            {"title": "Evt.", "place": "last"}, {"title": " ", "place": "first"}
        ])
        assert old["short_name"] == "ØU"
        assert c.standard_items == [{"title": "Evt.", "place": "last"}]
        with pytest.raises(InputError) as error:
            committees.update_committee(s, c.id, name="")
        assert error.value.field == "name"
        member = committees.add_member(s, c.id, "Dorte Friis", "C", role="næstformand")
        assert member.display_name == "Dorte Friis (C)" and c.members[-1] is member
        committees.remove_member(s, member.id)
        assert [m.name for m in c.members] == ["Anna Berg", "Bo Dahl", "Carl Eng"]
        meeting_setup.create_meeting(s, c.id, "2020-01-01")
        with pytest.raises(ReferentError, match="kan ikke slettes"):
            committees.remove_member(s, c.members[0].id)
        with pytest.raises(InputError):
            committees.set_word_template(s, c.id, "x.docx", b"not a zip")
        committees.set_word_template(s, c.id, "skabelon.docx", b"PK\x03\x04...")
        assert c.word_template_name == "skabelon.docx"
