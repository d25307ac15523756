"""Generated meetings whose Word files test the page model (exporters/word_pages/) at its
edges: paragraphs of one line to a page and more, runs of headings, numbered and bulleted
lists, bold and italic words, hyphens, dashes and slashes where a line may break, words
longer than a line, and titles that wrap in the contents list. Each seed gives another."""

from __future__ import annotations

import random

from bench.render_bench import PEOPLE, WORDS

ODD_WORDS = ["Øst-Vest", "social-/sundhedsområdet", "og/eller", "2026-2027", "A21-101",
             "kl. 8.30–10.15", "§ 17, stk. 4", "(se bilag 2)", "—", "sundheds- og",
             "Beskæftigelsesindsatsforberedelsesudvalgssekretariatsmedarbejderne",
             "www.proevekommune.dk/dagsordener/2026", "u-landsbistand", "7.-9. klasse"]


def _words(rng: random.Random, count: int) -> list[str]:
    out = []
    for _ in range(count):
        word = rng.choice(ODD_WORDS) if rng.random() < 0.06 else rng.choice(WORDS)
        if rng.random() < 0.03:
            word = f"**{word}**" if rng.random() < 0.5 else f"*{word}*"
        out.append(word)
    return out


def _sentence(rng: random.Random) -> str:
    words = _words(rng, rng.randint(3, 26))
    if words[-1] in ("—", "sundheds- og"):
        words.append(rng.choice(WORDS))  # "—." is a chance to break the model leaves alone
    return words[0][:1].upper() + " ".join(words)[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.choice([1, 1, 2, 3, 5, 8, 14])))


def _story(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 9)):
        kind = rng.random()
        if kind < 0.15:
            parts.append("### " + " ".join(_words(rng, rng.randint(1, 12))).capitalize())
        elif kind < 0.3:
            numbered = rng.random() < 0.5
            entries = [_sentence(rng) for _ in range(rng.randint(1, 7))]
            parts.append("\n".join(f"{n + 1}. {e}" if numbered else f"- {e}"
                                   for n, e in enumerate(entries)))
        else:
            parts.append(_paragraph(rng))
    return "\n\n".join(parts)


def _item(rng: random.Random, seed: int, number: int, members: list[str]) -> dict:
    headings = ["Resume", "Sagsfremstilling", "Økonomi", "Indstilling"]
    sections = [{"heading": h, "text": _story(rng)} for h in headings
                if rng.random() < 0.85]
    title = " ".join(_words(rng, rng.choice([2, 5, 9, 16, 24]))).replace("*", "")
    present = members[:-1] if rng.random() < 0.5 else members
    decision = None
    if rng.random() < 0.9:
        decision = {"text": _paragraph(rng), "absent": [m for m in members if m not in present],
                    "votes": None}
        if rng.random() < 0.3:
            decision["votes"] = {"for": present[:3], "against": present[3:4],
                                 "abstain": present[4:5]}
    return {
        "id": f"stress-{seed}-{number}",
        "number": number,
        "title": title[:1].upper() + title[1:],
        "closed": rng.random() < 0.1,
        "journal_number": f"00.01.00-A21-{number}-26",
        "sections": sections or [{"heading": "Resume", "text": _sentence(rng)}],
        "decision": decision,
        "attachments": [{"title": _sentence(rng)[:80], "filename": f"bilag{k}.pdf",
                         "closed": False} for k in range(rng.randint(0, 3))],
    }


def stress_meeting(items: int, seed: int) -> dict:
    """An interchange document with one committee and one held meeting of `items` items;
    its ids carry the seed, so that several share an archive."""
    rng = random.Random(seed)
    ids = [f"stress{seed}-{n}" for n in range(len(PEOPLE))]
    members = [{"id": i, "name": name, "party": party, "role": "medlem", "signs": True}
               for i, (name, party) in zip(ids, PEOPLE, strict=True)]
    return {
        "format": "referent-interchange",
        "version": 1,
        "committees": [{
            "id": f"stress{seed}", "name": f"Udvalget for Teknik og Miljø {seed}",
            "short_name": f"TM{seed}", "organisation": "Prøvekommune", "numbering": "running",
            "decision_placement": "end", "section_headings": ["Resume", "Sagsfremstilling",
                                                              "Økonomi", "Indstilling"],
            "members": members,
        }],
        "meetings": [{
            "id": f"stress-{seed}", "committee": f"stress{seed}", "date": "2026-10-01",
            "start": "09:00", "end": "12:00", "location": "Byrådssalen", "title": None,
            "status": "held",
            "attendance": [{"member": i, "status": "present"} for i in ids],
            "guests": [],
            "items": [_item(rng, seed, 1 + n, ids) for n in range(items)],
        }],
    }
