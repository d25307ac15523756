"""Cases, their history and postponed items coming back."""

from __future__ import annotations

from model import cases, item_edit
from tests.model.agenda_helpers import committee, meeting


def test_postponed_item_offers_itself_to_next_meeting_with_its_history(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        march = meeting(s, c.id, "2020-03-01", ["Skolestruktur", "Budget"])
        school = march.items[0]
        item_edit.set_section_text(s, school.sections[0].id, "Forslag om ny struktur.")
        item_edit.set_postponed(s, school.id, True)
        april = meeting(s, c.id, "2020-04-01", ["Andet"])
        waiting = cases.postponed_items(s, april.id)
        assert [i.title for i in waiting] == ["Skolestruktur"]
        change = cases.carry_over(s, school.id, april.id, index=0)
        new = s.get(cases.Item, change.item_id)
        assert new.case is school.case and new.case is not None
        assert new.sections[0].text == "Forslag om ny struktur."
        assert [(p.body, p.text) for p in new.prior_decisions] == [("Økonomiudvalget", "Udsat.")]
        assert [i.number for i in april.items] == [1, 2]
        assert cases.postponed_items(s, april.id) == []


def test_case_history_from_other_committees(archive):
    with archive.transaction() as s:
        ou = committee(s, numbering="per_meeting", standard_items=[])
        kb = committee(s, name="Kommunalbestyrelsen", short_name="KB", standard_items=[])
        first = meeting(s, ou.id, "2020-05-01", ["Anlægsbudget"])
        later = meeting(s, kb.id, "2020-05-20", ["Anlægsbudget"])
        case = cases.create_case(s, "Anlægsbudget 2021", "00.30.10-S00-1-20")
        cases.set_item_case(s, first.items[0].id, case.id)
        cases.set_item_case(s, later.items[0].id, case.id)
        item_edit.set_decision_text(s, first.items[0].id, "Anbefales.")
        history = cases.case_history(s, later.items[0].id)
        assert [(h.body, h.item_number, h.text) for h in history] == [
            ("Økonomiudvalget", "1", "Anbefales.")
        ]
        cases.add_case_history(s, later.items[0].id)
        cases.add_case_history(s, later.items[0].id)  # twice adds nothing more
        assert len(later.items[0].prior_decisions) == 1
        assert later.items[0].effective_journal_number == "00.30.10-S00-1-20"
        assert [c.title for c in cases.find_cases(s, "anlæg")] == ["Anlægsbudget 2021"]
