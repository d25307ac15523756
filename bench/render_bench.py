"""Render a 10-item and a 200-item referat to PDF and Word, as whole processes, and time it.

    python bench/render_bench.py [--items 10 200] [--repeat 3] [--keep DIR]

Prints, per size: the seconds `referent render` takes for PDF and for Word (its
contents numbered from the page model, exporters/word_pages), the pages, and how
long LibreOffice takes to convert our Word file to PDF, the user's other way to
get a PDF.
"""

from __future__ import annotations

import argparse
import json
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = (
    "kommunen udvalget borgerne forvaltningen indsatsen budgettet området sagen projektet "
    "medarbejderne kvaliteten økonomien rammen planen strategien aftalen målgruppen "
    "beskæftigelse ældreplejen skolerne daginstitutionerne trafiksikkerheden klimaet "
    "behandler vurderer anbefaler godkender forventer drøfter gennemfører understøtter "
    "prioriterer styrker bidrager sikrer udarbejder evaluerer fastholder "
    "samlet væsentlig løbende konkret nødvendig fælles lokal ny tidligere kommende "
    "i på for med til af og at som ved efter under over mellem inden"
).split()
HEADINGS = ["Resume", "Sagsfremstilling", "Lovgrundlag", "Økonomi", "Indstilling"]
PEOPLE = [("Hanne Kjær", "A"), ("Søren Østergaard", "V"), ("Åse Bøgh", "C"),
          ("Mikkel Ærenlund", "O"), ("Lærke Holm", "F"), ("Łukasz Nowak", "Ø"),
          ("Ayşe Çelik", "B")]


def _sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(8, 22))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def _paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(_sentence(rng) for _ in range(sentences))


def _item(rng: random.Random, number: int, members: list[str]) -> dict:
    story = [_paragraph(rng, 6) for _ in range(rng.randint(1, 3))]
    story.insert(2, "### Baggrund")
    story.insert(3, "\n".join(f"- {_sentence(rng)}" for _ in range(5)))
    story.append("### Den videre proces")
    story += [_paragraph(rng, 5) for _ in range(2)]
    return {
        "id": f"bench-{number}",
        "number": number,
        "title": " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 9))).capitalize(),
        "closed": number % 17 == 0,
        "journal_number": f"00.01.00-A21-{number}-26",
        "sections": [
            {"heading": "Resume", "text": _paragraph(rng, 3)},
            {"heading": "Sagsfremstilling", "text": "\n\n".join(story)},
            {"heading": "Lovgrundlag", "text": _paragraph(rng, 2)},
            {"heading": "Økonomi", "text": _paragraph(rng, 3)},
            {"heading": "Indstilling", "text": "Forvaltningen indstiller, at\n\n"
             + "\n".join(f"- {_sentence(rng)}" for _ in range(3))},
        ],
        "prior_decisions": [
            {"body": "Direktionen", "date": "2026-09-21", "item_number": str(number % 9 + 1),
             "text": "Anbefales."}
        ],
        "decision": {
            "text": "Godkendt. " + _paragraph(rng, 2),
            "absent": [members[2]],
            "votes": {"for": members[:2] + members[4:], "against": [members[3]], "abstain": []},
        },
        "attachments": [
            {"title": f"Bilag {k} til punkt {number}", "filename": f"bilag_{number}_{k}.pdf",
             "closed": False}
            for k in range(1, 3)
        ],
    }


def interchange(items: int, seed: int = 7) -> dict:
    """A meeting of `items` items in the interchange format."""
    rng = random.Random(seed)
    members = [
        {"id": f"b{i}", "name": name, "party": party, "role": "medlem", "signs": True}
        for i, (name, party) in enumerate(PEOPLE)
    ]
    ids = [m["id"] for m in members]
    return {
        "format": "referent-interchange",
        "version": 1,
        "committees": [{
            "id": "bench", "name": "Økonomiudvalget", "short_name": "ØU",
            "organisation": "Prøvekommune", "numbering": "running",
            "decision_placement": "end", "section_headings": HEADINGS, "members": members,
        }],
        "meetings": [{
            "id": "bench-meeting", "committee": "bench", "date": "2026-10-01",
            "start": "09:00", "end": "12:00", "location": "Byrådssalen", "title": None,
            "status": "signed",
            "attendance": [{"member": i, "status": "absent" if i == "b2" else "present"}
                           for i in ids],
            "guests": ["Kommunaldirektør Bent Lind"],
            "items": [_item(rng, 100 + n, ids) for n in range(items)],
        }],
    }


REPEAT = 1


def _timed(command: list[str], env: dict[str, str] | None = None) -> float:
    """The best of REPEAT runs: other work on a 2-core machine only ever adds time."""
    best = float("inf")
    for _ in range(REPEAT):
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True, env=env)
        best = min(best, time.perf_counter() - start)
    return best


def _pages(pdf: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(pdf).pages)


def bench(items: int, folder: Path) -> None:
    db = folder / f"bench-{items}.sqlite3"
    source = folder / f"bench-{items}.json"
    source.write_text(json.dumps(interchange(items), ensure_ascii=False), encoding="utf-8")
    referent = [sys.executable, str(ROOT / "main.py"), "--db", str(db)]
    subprocess.run([*referent, "import", str(source)], check=True, capture_output=True)
    render = [*referent, "render", "bench-meeting", "--document", "referat"]
    pdf, docx = folder / f"referat-{items}.pdf", folder / f"referat-{items}.docx"
    pdf_s = _timed([*render, "--format", "pdf", "--out", str(pdf)])
    docx_s = _timed([*render, "--format", "docx", "--out", str(docx)])
    from exporters.layout import soffice

    program = soffice()
    lo_s = None
    if program:
        profile = folder / "lo-profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless",
                   "--convert-to", "pdf", "--outdir", str(folder / "lo"), str(docx)]
        _timed(command)  # the first start makes the profile; time the second
        lo_s = _timed(command)
    print(f"{items} punkter, {_pages(pdf)} sider:")
    print(f"  PDF (reportlab)                       {pdf_s:6.2f} s")
    print(f"  Word, sidetal fra sidemodellen         {docx_s:6.2f} s")
    if lo_s is not None:
        print(f"  LibreOffice: vores Word-fil -> PDF     {lo_s:6.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="+", default=[10, 200])
    parser.add_argument("--keep", type=Path, help="keep the files in this folder")
    parser.add_argument("--repeat", type=int, default=3, help="report the best of N runs")
    args = parser.parse_args()
    global REPEAT
    REPEAT = max(1, args.repeat)
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for n in args.items:
            bench(n, args.keep)
        return
    with tempfile.TemporaryDirectory(prefix="referent-bench-") as temp:
        for n in args.items:
            bench(n, Path(temp))


if __name__ == "__main__":
    main()
