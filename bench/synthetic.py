"""Realistic synthetic committee meetings in the interchange format, for benchmarks."""

from __future__ import annotations

import random
from typing import Any

WORDS = (
    "udvalget kommunen borgerne budgettet administrationen forslaget sagen indstillingen "
    "beslutningen området indsatsen rammen økonomien tilskuddet planen aftalen projektet "
    "virksomhederne beskæftigelse ledighed erhverv turisme skole dagtilbud ældre sundhed "
    "anlæg drift overførsel mio. kr. politik strategi handleplan evaluering høring "
    "godkendes anbefales drøftes orienteres behandles vedtages udsættes bevilges "
    "på baggrund af med henblik på i forhold til herunder samt derfor ligeledes desuden "
    "og at der som for til med af i en et den det de er blev vil kan skal har"
).split()
HEADINGS = ["Resume", "Sagsfremstilling", "Lovgrundlag", "Økonomi", "Indstilling"]
NAMES = ["Anne Holm", "Bo Jensen", "Camilla Ravn", "Dorte Lund", "Erik Brandt", "Frida Kjær",
         "Gustav Østergaard", "Hanne Bøgh", "Ib Ærø"]
PARTIES = ["A", "V", "C", "O", "F", "B", "Ø", "I", "D"]


def sentence(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def paragraphs(rng: random.Random, words: int) -> str:
    out, left = [], words
    while left > 0:
        size = min(left, rng.randint(40, 90))
        out.append(" ".join(sentence(rng, rng.randint(8, 18)) for _ in range(size // 12 + 1)))
        left -= size
    return "\n\n".join(out)


def meeting_document(items: int, seed: int = 1, meeting_id: str = "bench-1") -> dict[str, Any]:
    """One committee with nine members and one meeting of `items` items (~700 words each)."""
    rng = random.Random(seed)
    members = [
        {"id": f"{meeting_id}-m{n}", "name": name, "party": PARTIES[n], "role": "medlem",
         "signs": True}
        for n, name in enumerate(NAMES)
    ]
    member_ids = [m["id"] for m in members]
    agenda = []
    for n in range(items):
        sections = [
            {"heading": heading, "text": paragraphs(rng, 60 if heading == "Indstilling" else 160)}
            for heading in HEADINGS
        ]
        sections[1]["text"] += "\n\n### Baggrund\n\n- " + "\n- ".join(
            sentence(rng, 8) for _ in range(4)
        )
        agenda.append({
            "id": f"{meeting_id}-i{n}",
            "number": 100 + n,
            "title": sentence(rng, rng.randint(3, 7)).rstrip("."),
            "closed": n % 17 == 5,
            "journal_number": f"00.01.00-A00-{n}-26",
            "sections": sections,
            "prior_decisions": [
                {"body": "Direktionen", "date": "2026-09-01", "item_number": str(n % 9 + 1),
                 "text": "Anbefales."}
            ] if n % 4 == 0 else [],
            "decision": {
                "text": paragraphs(rng, 40),
                "absent": [member_ids[n % 9]] if n % 3 == 0 else [],
                "votes": {"for": member_ids[:6], "against": member_ids[6:8], "abstain": []}
                if n % 10 == 0 else None,
            },
            "attachments": [{"title": f"Bilag {n}.1", "filename": f"bilag-{n}.pdf"}],
            "follow_ups": [],
        })
    return {
        "format": "referent-interchange",
        "version": 1,
        "committees": [{
            "id": f"{meeting_id}-udvalg", "name": "Økonomiudvalget", "short_name": "ØU",
            "organisation": "Benchmark Kommune", "numbering": "running",
            "decision_placement": "after_recommendation", "section_headings": HEADINGS,
            "members": members,
        }],
        "meetings": [{
            "id": meeting_id, "committee": f"{meeting_id}-udvalg", "date": "2026-10-01",
            "start": "09:00", "end": "12:00", "location": "Rådhuset, mødelokale 1",
            "status": "held",
            "attendance": [{"member": m, "status": "present"} for m in member_ids],
            "items": agenda,
        }],
    }
