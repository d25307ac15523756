"""Generate a municipality's archive: 30 committees, 20 years, 6,600 meetings, 100,000 items.

    python bench/generate_archive.py OUT.sqlite3 [--committees 30] [--years 20] [--items 15]

Rows go in with SQLAlchemy Core in large batches (the ORM would take many
minutes); the schema is the program's own, made by its migrations. Most
meetings have 15 items; the Kommunalbestyrelse's budget meeting each
September has 200, so there is always a large meeting to open.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, update  # noqa: E402

from bench.synthetic import HEADINGS, NAMES, PARTIES, paragraphs, sentence  # noqa: E402
from model import search  # noqa: E402
from model.database import open_archive  # noqa: E402
from model.entities import (  # noqa: E402
    Attachment,
    Attendance,
    Committee,
    Decision,
    DecisionMember,
    FollowUp,
    Item,
    Meeting,
    Member,
    MinorityNote,
    Section,
)
from model.sealing.guard import seal_unsealed  # noqa: E402

COMMITTEES = [
    ("Økonomiudvalget", "ØU"),
    ("Kommunalbestyrelsen", "KB"),
    ("Børne- og Ungeudvalget", "BUU"),
    ("Social- og Sundhedsudvalget", "SSU"),
    ("Teknik- og Miljøudvalget", "TMU"),
    ("Kultur- og Fritidsudvalget", "KFU"),
    ("Arbejdsmarked, Erhverv og Turisme", "AET"),
    ("Klima- og Planudvalget", "KPU"),
    ("Ældreudvalget", "ÆU"),
    ("Beskæftigelsesudvalget", "BU"),
]
STANDARD = ["Godkendelse af dagsorden", "Meddelelser", "Eventuelt", "Underskriftsark"]
DECISIONS = ["Godkendt.", "Anbefales.", "Taget til efterretning.", "Drøftet.", "Udsat."]
BATCH = 20_000


class Batches:
    """Rows per table, written in large executemany batches."""

    def __init__(self, connection):
        self.connection = connection
        self.rows: dict[type, list[dict]] = {}
        self.next_id: dict[type, int] = {}

    def add(self, entity: type, **row) -> int:
        row_id = self.next_id.get(entity, 1)
        self.next_id[entity] = row_id + 1
        rows = self.rows.setdefault(entity, [])
        rows.append({"id": row_id, **row})
        if len(rows) >= BATCH:
            self.flush(entity)
        return row_id

    def flush(self, entity: type | None = None) -> None:
        # Parents before children, so foreign keys are always satisfied.
        order = [Committee, Member, Meeting, Attendance, Item, Section, Decision, DecisionMember,
                 MinorityNote, Attachment, FollowUp]
        for table in order if entity is None else order[: order.index(entity) + 1]:
            if self.rows.get(table):
                self.connection.execute(insert(table), self.rows[table])
                self.rows[table] = []


def item_text(rng: random.Random) -> list[tuple[str, str]]:
    """About 300 words in the committee's sections."""
    return [
        ("Resume", paragraphs(rng, 60)),
        ("Sagsfremstilling", paragraphs(rng, 180)),
        ("Indstilling", "Administrationen indstiller, at\n\n- " + sentence(rng, 12)),
    ]


def extras(rows: Batches, rng: random.Random, item: int, decision: int, members: list[int],
           position: int) -> None:
    """What search reads beside the sections: a bilag title on every other item, a
    question (answered on most) on every fourth, a protokoltilførsel on every ninth."""
    if position % 2 == 0:
        rows.add(Attachment, item_id=item, position=0, title=sentence(rng, 4)[:-1],
                 closed=False)
    if position % 4 == 1:
        rows.add(FollowUp, item_id=item, position=0, text=sentence(rng, 12),
                 asked_by=NAMES[position % len(NAMES)], responsible="Direktionen",
                 status="answered" if position % 3 else "open",
                 answer=sentence(rng, 15) if position % 3 else None)
    if position % 9 == 4:
        rows.add(MinorityNote, decision_id=decision, position=0,
                 member_id=members[position % len(members)], text=sentence(rng, 20))


def generate(path: Path, committees: int, years: int, items: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    archive = open_archive(path, keep_backups=None)
    counts = {"meetings": 0, "items": 0}
    first_year = 2026 - years + 1
    with archive.engine.begin() as connection:
        rows = Batches(connection)
        for c in range(committees):
            name, short = COMMITTEES[c % len(COMMITTEES)]
            if c >= len(COMMITTEES):
                name, short = (
                    f"{name} {c // len(COMMITTEES) + 1}",
                    f"{short}{c // len(COMMITTEES) + 1}",
                )
            committee = rows.add(
                Committee,
                ext_id=f"u{c}",
                name=name,
                short_name=short,
                organisation="Benchmark Kommune",
                numbering="running",
                decision_placement="after_recommendation",
                section_headings=HEADINGS,
            )
            members = [
                rows.add(
                    Member,
                    ext_id=f"u{c}-m{n}",
                    committee_id=committee,
                    position=n,
                    name=NAMES[n],
                    party=PARTIES[n],
                    role="medlem",
                    signs=True,
                )
                for n in range(len(NAMES))
            ]
            for year in range(first_year, 2027):
                number = 1
                for month in (1, 2, 3, 4, 5, 6, 8, 9, 10, 11, 12):
                    size = 200 if (c == 1 and month == 9) else items
                    meeting_id = rows.add(
                        Meeting,
                        ext_id=f"u{c}-{year}-{month:02d}",
                        committee_id=committee,
                        date=dt.date(year, month, 10 + c % 15),
                        start=dt.time(9, 0),
                        location="Rådhuset",
                        # Signed below, once its rows are in: a signed meeting is sealed.
                        status="minutes_approved" if year < 2026 else "held",
                        guests=[],
                    )
                    counts["meetings"] += 1
                    for position, member in enumerate(members):
                        rows.add(
                            Attendance,
                            meeting_id=meeting_id,
                            member_id=member,
                            position=position,
                            status="present",
                        )
                    for position in range(size):
                        title = STANDARD[position] if position < 2 else sentence(rng, 5)[:-1]
                        item = rows.add(
                            Item,
                            ext_id=f"u{c}-{year}-{month:02d}-{position}",
                            meeting_id=meeting_id,
                            position=position,
                            number=number,
                            title=title,
                            closed=position % 23 == 7,
                            part="ordinary",
                        )
                        number += 1
                        counts["items"] += 1
                        for n, (heading, text) in enumerate(item_text(rng)):
                            rows.add(Section, item_id=item, position=n, heading=heading, text=text)
                        decision = rows.add(
                            Decision,
                            item_id=item,
                            text=rng.choice(DECISIONS),
                            postponed=False,
                            votes_recorded=False,
                        )
                        if position % 5 == 0:
                            rows.add(
                                DecisionMember,
                                decision_id=decision,
                                position=0,
                                kind="absent",
                                member_id=members[position % len(members)],
                            )
                        extras(rows, rng, item, decision, members, position)
        rows.flush()
        connection.execute(
            update(Meeting).where(Meeting.status == "minutes_approved").values(status="signed")
        )
    search.ensure_index(archive.engine)  # what the program's own triggers would have built
    start = time.perf_counter()
    with archive.transaction() as session:
        counts["sealed"] = len(seal_unsealed(session))
    counts["sealing_s"] = time.perf_counter() - start
    archive.close()
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--committees", type=int, default=30)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--items", type=int, default=15, help="items in an ordinary meeting")
    args = parser.parse_args()
    if args.out.exists():
        parser.error(f"{args.out} exists")
    start = time.perf_counter()
    counts = generate(args.out, args.committees, args.years, args.items)
    seconds = time.perf_counter() - start
    size = args.out.stat().st_size / 1e6
    print(
        f"{counts['meetings']} meetings, {counts['items']} items in {seconds:.1f} s "
        f"({counts['sealed']} signed ones sealed in {counts['sealing_s']:.1f} s); "
        f"{args.out} is {size:.0f} MB"
    )


if __name__ == "__main__":
    main()
