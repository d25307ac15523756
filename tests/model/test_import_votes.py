"""A file's votes obey the decision entry's rule: only people taking part in the item vote,
each once. A file breaking it is refused whole, naming the place and the person."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from model.entities import Decision, Item
from model.errors import InterchangeError
from model.interchange import import_file, load_json
from tests.conftest import EXAMPLE_FILES
from tests.model.test_roundtrip import row_counts

PROEVE = next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune"))
WHERE = "meetings[0].items[1].decision.votes"


def _votes(document):
    return document["meetings"][0]["items"][1]["decision"]["votes"]


def _decision(document):
    return document["meetings"][0]["items"][1]["decision"]


BREAKAGES = [
    ("away from the meeting", lambda d: _votes(d)["against"].append("oeu-3"),
     "Åse Bøgh (C) var ikke til stede under punktet og kan ikke stemme"),
    ("the secretary", lambda d: _votes(d)["abstain"].append("oeu-s"),
     "Jens Sekretær er udvalgets sekretær og kan ikke stemme"),
    ("twice", lambda d: _votes(d)["against"].append("oeu-1"),
     "Hanne Kjær (A) har stemt mere end én gang"),
    ("not taking part", lambda d: _decision(d).update(not_participating=["oeu-5"]),
     "Lærke Holm (F) deltog ikke i punktet og kan ikke stemme"),
    ("absent from the item", lambda d: _decision(d)["absent"].append("oeu-2"),
     "Søren Østergaard (V) var ikke til stede under punktet"),
]


@pytest.mark.parametrize("change,words", [b[1:] for b in BREAKAGES],
                         ids=[b[0] for b in BREAKAGES])
def test_a_vote_the_window_would_refuse_refuses_the_file(archive, tmp_path, change, words):
    document = load_json(PROEVE)
    change(document)
    path = tmp_path / "stemmer.json"
    path.write_text(json.dumps(document), "utf-8")
    before = row_counts(archive)

    with pytest.raises(InterchangeError) as refused:
        import_file(archive, path)

    assert refused.value.place == WHERE
    assert words in refused.value.message
    assert row_counts(archive) == before  # all or nothing


def test_the_stand_in_votes_in_the_seat_of_the_member_he_replaces(archive):
    # The example's vote against by oeu-4 is Karen Vinter's, who stands in for him.
    import_file(archive, PROEVE)
    with archive.sessions() as session:
        decision = session.scalar(
            select(Decision).join(Item).where(Item.ext_id == "oeu-2026-09-30-302"))
        votes = sorted((m.kind, m.member.ext_id) for m in decision.member_marks
                       if m.kind != "absent")
    assert votes == [("against", "oeu-4"), ("for", "oeu-1"), ("for", "oeu-2"), ("for", "oeu-5")]
