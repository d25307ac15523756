"""Questions and orders across meetings: entered, filtered, answered, locked when signed."""

from __future__ import annotations

import datetime as dt

import pytest

from model import follow_ups, meeting_setup
from model.checks import InputError
from tests.model.agenda_helpers import committee, meeting


def two_committees(s):
    ou = committee(s, numbering="per_meeting", standard_items=[])
    bu = committee(s, numbering="per_meeting", standard_items=[], name="Børneudvalget",
                   short_name="BU")
    m1 = meeting(s, ou.id, "2020-04-21", ["Budget", "Veje"])
    m2 = meeting(s, ou.id, "2020-05-19", ["Skoler"])
    m3 = meeting(s, bu.id, "2020-05-20", ["Daginstitutioner"])
    return ou, bu, m1, m2, m3


def test_follow_ups_filtered_by_responsible_and_committee(archive):
    with archive.transaction() as s:
        ou, bu, m1, m2, m3 = two_committees(s)
        a = follow_ups.add_follow_up(s, m1.items[0].id, "Notat om anlægsloftet",
                                     "Anna Berg (V)", "Økonomichefen", "2020-05-01")
        b = follow_ups.add_follow_up(s, m1.items[1].id, "Status på vejplanen", "Bo Dahl",
                                     "Teknikchefen")
        c = follow_ups.add_follow_up(s, m2.items[0].id, "Elevtal pr. skole", None,
                                     "Økonomichefen", dt.date(2020, 4, 30))
        d = follow_ups.add_follow_up(s, m3.items[0].id, "Ventelister", None, "Børnechefen")
        assert [r.id for r in follow_ups.find_follow_ups(s)] == [c, a, b, d]
        assert [r.id for r in follow_ups.find_follow_ups(s, committee_id=ou.id)] == [c, a, b]
        mine = follow_ups.find_follow_ups(s, responsible="økonomi")
        assert [r.id for r in mine] == [c, a]
        assert mine[1].item_title == "Budget" and mine[1].committee_name == "Økonomiudvalget"
        assert follow_ups.find_follow_ups(s, responsible="børne", committee_id=ou.id) == []
        assert follow_ups.responsible_names(s) == ["Børnechefen", "Teknikchefen", "Økonomichefen"]
        assert follow_ups.responsible_names(s, bu.id) == ["Børnechefen"]

        old = follow_ups.mark_answered(s, a, "Notatet er sendt 28-04-2020.")
        assert old == {"status": "open", "answer": None}
        assert [r.id for r in follow_ups.find_follow_ups(s)] == [c, b, d]
        answered = follow_ups.find_follow_ups(s, include_answered=True)
        assert answered[-1].id == a and answered[-1].answer == "Notatet er sendt 28-04-2020."
        with pytest.raises(InputError, match="Svaret må ikke være tom"):
            follow_ups.mark_answered(s, b, "  ")
        with pytest.raises(InputError, match="ikke en dato"):
            follow_ups.update_follow_up(s, b, due="31-02-2020")
        follow_ups.update_follow_up(s, a, **old)  # undo
        assert follow_ups.find_follow_ups(s)[1].id == a


def test_delete_and_restore_and_lock(archive):
    with archive.transaction() as s:
        ou, bu, m1, m2, m3 = two_committees(s)
        item = m1.items[0]
        a = follow_ups.add_follow_up(s, item.id, "Første")
        follow_ups.add_follow_up(s, item.id, "Anden")
        data, index = follow_ups.delete_follow_up(s, a)
        assert [r.text for r in follow_ups.item_follow_ups(s, item.id)] == ["Anden"]
        follow_ups.restore_follow_up(s, data, index)
        assert [r.text for r in follow_ups.item_follow_ups(s, item.id)] == ["Første", "Anden"]
        for _ in range(4):
            meeting_setup.advance_status(s, m1.id)
        with pytest.raises(InputError, match="underskrevet"):
            follow_ups.add_follow_up(s, item.id, "Tredje")
        with pytest.raises(InputError, match="underskrevet"):
            follow_ups.update_follow_up(s, a, text="Ændret")
        with pytest.raises(InputError, match="underskrevet"):
            follow_ups.delete_follow_up(s, a)
        follow_ups.mark_answered(s, a, "Besvaret efter mødet.")  # answers come later
        assert follow_ups.item_follow_ups(s, item.id)[0].status == "answered"
