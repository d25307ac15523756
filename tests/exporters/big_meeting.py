"""A generated meeting that strains the layout: 20 members with names of 40 characters and
more, stand-ins (one for the formand), votes, questions, a closed item, long items and the
Underskriftsark. Built from the Prøvekommune example, as an interchange document."""

from __future__ import annotations

import copy
import json

from tests.conftest import EXAMPLES

MEETING = "big-2026-11-04"
COMMITTEE = "big"
FIRST = ["Anne-Marie Kristine", "Hans-Christian Valdemar", "Mette-Louise Frederikke",
         "Jens-Peter Christoffer", "Karen-Margrethe Sofie", "Poul-Erik Bonnevie",
         "Inger-Lise Katrine", "Carl-Johan Sebastian", "Birgitte-Helene Maria",
         "Niels-Henrik Alexander"]
LAST = ["Østergaard-Christensen", "Bøgh-Rasmussen Skovgaard", "Kjærsgaard-Andersen Holm",
        "Vestergaard-Frederiksen Lund"]
PARTIES = ["A", "V", "C", "O", "F", "B", "Ø", "I", "D", "K"]
LONG_TEXT = (
    "Forvaltningen har i samarbejde med de berørte afdelinger gennemgået området og "
    "foreslår en række ændringer, som beskrives nærmere i det vedlagte notat. "
)


def long_names(count: int, start: int = 0) -> list[str]:
    """Names of 40 characters and more, all different."""
    names = []
    for n in range(start, start + count):
        name = f"{FIRST[n % len(FIRST)]} {LAST[n // len(FIRST) % len(LAST)]}"
        assert len(name) >= 40, name
        names.append(name)
    return names


def big_meeting_document() -> dict:
    """The interchange document: one committee of 20 members, a suppleant and a secretary,
    and one held meeting with the formand and two others standing in or away."""
    source = json.loads((EXAMPLES / "proevekommune-alle-felter.json").read_text("utf-8"))
    committee = copy.deepcopy(source["committees"][0])
    committee.update(id=COMMITTEE, name="Økonomi-, Erhvervs- og Beskæftigelsesudvalget",
                     short_name="ØEB")
    ids = [f"big-{n}" for n in range(1, 21)]
    roles = ["formand", "næstformand"] + ["medlem"] * 18
    members = [{"id": i, "name": name, "party": PARTIES[n % len(PARTIES)], "role": role,
                "signs": True}
               for n, (i, name, role) in enumerate(zip(ids, long_names(20), roles, strict=True))]
    suppleant = {"id": "big-s1", "name": long_names(1, start=20)[0], "party": "A",
                 "role": "suppleant", "signs": False}
    secretary = {"id": "big-sek", "name": "Jens Sekretær", "party": None, "role": "sekretær",
                 "signs": False}
    committee["members"] = members + [suppleant, secretary]
    meeting = copy.deepcopy(source["meetings"][0])
    remap = {"oeu-1": ids[0], "oeu-2": ids[1], "oeu-3": ids[2], "oeu-4": ids[3],
             "oeu-5": ids[4], "oeu-s": "big-sek"}
    cases = copy.deepcopy(source["cases"])
    for case in cases:  # its own cases, so that it can share an archive with the examples
        remap[case["id"]] = case["id"] = f"big-{case['id']}"
    meeting = json.loads(_replace(json.dumps(meeting), remap, "oeu-2026-09-30", MEETING))
    meeting.update(committee=COMMITTEE, date="2026-11-04", status="held")
    meeting.pop("sealed", None)
    attendance = [{"member": i, "status": "present"} for i in ids]
    attendance[0] = {"member": ids[0], "status": "substituted", "substitute_member": "big-s1"}
    attendance[2] = {"member": ids[2], "status": "absent", "note": "Afbud"}
    attendance[3] = {"member": ids[3], "status": "substituted",
                     "substitute": "Vibeke-Charlotte Lykke-Hansen Thorsager (O)"}
    meeting["attendance"] = attendance + [{"member": "big-sek", "status": "present"}]
    items = meeting["items"]
    for item in items:
        votes = (item.get("decision") or {}).get("votes")
        if votes:
            votes.update({"for": ids[4:16], "against": ids[16:19], "abstain": [ids[19]]})
    items.insert(-1, _long_item(MEETING, 306))
    items[-1]["number"] = 307
    return {"format": source["format"], "version": source["version"],
            "committees": [committee], "cases": cases,
            "meetings": [meeting]}


def _long_item(meeting_id: str, number: int) -> dict:
    """An item whose Indstilling alone fills most of a page."""
    bullets = "\n".join(f"- {LONG_TEXT}(punkt {n})" for n in range(1, 12))
    return {
        "id": f"{meeting_id}-{number}", "number": number,
        "title": "Langsigtet plan for erhvervsudvikling, beskæftigelse og bosætning "
                 "i kommunens landdistrikter 2027-2035",
        "presenters": "Kommunaldirektør Bent Lind og Økonomichef Rikke Dal",
        "sections": [{"heading": "Sagsfremstilling", "text": LONG_TEXT * 6},
                     {"heading": "Indstilling",
                      "text": f"Direktionen indstiller, at\n\n{bullets}"}],
        "decision": None,
        "follow_ups": [{"text": "Udvalget ønsker en oversigt over " + LONG_TEXT,
                        "asked_by": long_names(1, 5)[0], "responsible": "Økonomichef Rikke Dal",
                        "due": "2026-12-01", "status": "open", "answer": None}],
    }


def _replace(text: str, remap: dict[str, str], old_meeting: str, new_meeting: str) -> str:
    text = text.replace(old_meeting, new_meeting)
    for old, new in remap.items():
        text = text.replace(f'"{old}"', f'"{new}"')
    return text


def import_big_meeting(archive) -> str:
    """The generated meeting in `archive`; returns its id."""
    from model.interchange import import_document, validate

    document = big_meeting_document()
    validate(document)
    with archive.transaction() as session:
        import_document(session, document)
    return MEETING
