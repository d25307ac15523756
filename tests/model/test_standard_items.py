"""Which items take a decision and where the protocol leaves room for a vote."""

from __future__ import annotations

from model.entities import Committee, Item, Meeting
from model.standard_items import is_standard, may_vote, takes_decision


def _item(title: str, standard_items=None) -> Item:
    committee = Committee(name="Økonomiudvalget", standard_items=standard_items or [])
    return Item(title=title, meeting=Meeting(committee=committee))


def test_the_underskriftsark_takes_no_decision_however_it_is_spelled():
    for title in ("Underskriftsark", "  underskriftsark ", "UNDERSKRIFT AF  PROTOKOL"):
        assert not takes_decision(_item(title))
        assert not may_vote(_item(title))
    assert takes_decision(_item("Underskriftsark for budgettet"))  # a case about one


def test_votes_on_cases_not_on_standard_items():
    assert may_vote(_item("Budget 2027 - 2. behandling"))
    for title in ("Godkendelse af dagsorden", "Dagsorden - godkendelse", "Meddelelser",
                  "Eventuelt"):
        assert is_standard(_item(title)) and takes_decision(_item(title))
        assert not may_vote(_item(title))
    own = [{"title": "Nyt fra formanden", "place": "first"}]
    assert not may_vote(_item("Nyt fra  formanden", own))
    assert may_vote(_item("Nyt fra formanden"))
