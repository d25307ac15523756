"""Reading an interchange file into the archive: all of it, or nothing.

Records are matched on their file ids, so importing the same file again
updates what is there instead of adding copies. A meeting in the file is
the truth about that meeting: its items, attendance and decisions are
replaced by the file's.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from model import decisions
from model.checks import InputError
from model.entities import (
    Attachment,
    Attendance,
    Case,
    Committee,
    Correction,
    Decision,
    DecisionMember,
    FollowUp,
    Item,
    Meeting,
    Member,
    MinorityNote,
    PriorDecision,
    Section,
)
from model.errors import InterchangeError
from model.interchange import signed, writer
from model.interchange.report import ImportReport
from model.interchange.validation import (
    check_item_numbers,
    check_schema,
    check_shape,
    check_strings,
    decode_content,
    parse_date,
    parse_time,
    place,
    shown,
)
from model.meetings import whole_meeting

# A meeting with all its bilag is a few hundred MB at most; refuse more
# before reading it, rather than run out of memory.
MAX_FILE_BYTES = 1_000_000_000

def load_json(path: Path) -> Any:
    """Parse a file, with a message naming the line and column of a syntax error."""
    try:
        size = Path(path).stat().st_size
        if size > MAX_FILE_BYTES:
            raise InterchangeError(
                str(path),
                f"filen er for stor ({size / 1e6:.0f} MB; højst {MAX_FILE_BYTES / 1e6:.0f} MB)",
            )
        data = Path(path).read_bytes()
    except OSError as error:
        from model.os_errors import reason

        why = reason(error)
        raise InterchangeError(str(path), f"filen kan ikke læses ({why})") from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InterchangeError(str(path), f"filen er ikke UTF-8 (byte {error.start})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InterchangeError(
            f"{path}:{error.lineno}:{error.colno}", f"ugyldig JSON ({error.msg})"
        ) from None
    except RecursionError:
        raise InterchangeError(str(path), "filen er indlejret for dybt") from None
    except ValueError:  # an integer of more than 4300 digits
        raise InterchangeError(str(path), "et tal har for mange cifre") from None


def validate(document: Any) -> None:
    """Schema, text and id checks that need no archive."""
    check_shape(document)
    check_schema(document)
    check_item_numbers(document)
    check_strings(document)
    _check_unique_ids(document)


def _check_unique_ids(document: dict[str, Any]) -> None:
    places: dict[tuple[str, str], tuple] = {}

    def claim(kind: str, ext_id: str, path: tuple) -> None:
        earlier = places.setdefault((kind, ext_id), path)
        if earlier != path:
            raise InterchangeError(
                place((*path, "id")), f"id {shown(ext_id)} er også brugt i {place(earlier)}"
            )

    for c, committee in enumerate(document["committees"]):
        claim("committee", committee["id"], ("committees", c))
        for m, member in enumerate(committee["members"]):
            claim("member", member["id"], ("committees", c, "members", m))
    for c, case in enumerate(document.get("cases", [])):
        claim("case", case["id"], ("cases", c))
    for m, meeting in enumerate(document["meetings"]):
        claim("meeting", meeting["id"], ("meetings", m))
        for i, item in enumerate(meeting["items"]):
            claim("item", item["id"], ("meetings", m, "items", i))


def import_document(session: Session, document: dict[str, Any]) -> ImportReport:
    """Apply a validated document inside the caller's transaction."""
    importer = _Importer(session, document)
    importer.run()
    return importer.report


def import_file(archive: Any, path: Path) -> ImportReport:
    """Read, check and import a file in one transaction; nothing changes if it fails."""
    document = load_json(path)
    validate(document)
    return archive.write(lambda session: import_document(session, document))


class _Importer:
    def __init__(self, session: Session, document: dict[str, Any]):
        self.session = session
        self.document = document
        self.report = ImportReport()
        self.cases: dict[str, Case] = {}
        self.committees: dict[str, Committee] = {}

    def run(self) -> None:
        # Records are half-built while we fill them; flush only when we say so.
        with self.session.no_autoflush:
            for record in self.document.get("cases", []):
                self._case(record)
            for c, record in enumerate(self.document["committees"]):
                self._committee(record, ("committees", c))
            self.session.flush()
            for m, record in enumerate(self.document["meetings"]):
                self._meeting(record, ("meetings", m))
            self.session.flush()

    # -- lookups --------------------------------------------------------

    def _existing(self, entity: type, ext_id: str) -> Any:
        return self.session.scalar(select(entity).where(entity.ext_id == ext_id))

    def _case_ref(self, ext_id: str | None, path: tuple) -> Case | None:
        if ext_id is None:
            return None
        case = self.cases.get(ext_id) or self._existing(Case, ext_id)
        if case is None:
            raise InterchangeError(place(path), f"ukendt sag {shown(ext_id)}")
        return case

    # -- cases and committees ---------------------------------------------

    def _case(self, record: dict[str, Any]) -> None:
        case = self._existing(Case, record["id"])
        before = writer.case_dict(case) if case else None
        if case is None:
            case = Case(ext_id=record["id"])
            self.session.add(case)
        case.title = record["title"]
        case.journal_number = record.get("journal_number")
        case.extra = record.get("extra")
        self.cases[case.ext_id] = case
        self.report.count("case", before, writer.case_dict(case))

    def _committee(self, record: dict[str, Any], path: tuple) -> None:
        committee = self._existing(Committee, record["id"])
        before = writer.committee_dict(committee) if committee else None
        if committee is None:
            committee = Committee(ext_id=record["id"])
            self.session.add(committee)
        committee.name = record["name"]
        committee.short_name = record["short_name"]
        committee.organisation = record.get("organisation")
        committee.numbering = record.get("numbering", "per_meeting")
        committee.decision_placement = record.get("decision_placement", "end")
        committee.section_headings = list(record.get("section_headings", []))
        committee.style = record.get("style")
        committee.extra = record.get("extra")
        self._members(committee, record["members"], path)
        self.committees[committee.ext_id] = committee
        self.report.count("committee", before, writer.committee_dict(committee))

    def _members(self, committee: Committee, records: list[dict], path: tuple) -> None:
        current = {m.ext_id: m for m in committee.members}
        wanted = []
        for m, record in enumerate(records):
            member = current.pop(record["id"], None)
            if member is None:
                other = self._existing(Member, record["id"])
                if other is not None:
                    raise InterchangeError(
                        place((*path, "members", m, "id")),
                        f'medlemmet "{record["id"]}" hører til udvalget '
                        f'"{other.committee.ext_id}" i arkivet',
                    )
                member = Member(ext_id=record["id"])
            before = writer.member_dict(member) if member.id else None
            member.name = record["name"]
            member.party = record.get("party")
            member.role = record.get("role", "medlem")
            member.signs = record.get("signs", True)
            member.extra = record.get("extra")
            self.report.count("member", before, writer.member_dict(member))
            wanted.append(member)
        # Members the file leaves out are removed, unless earlier meetings
        # in the archive still name them: those stay, after the others.
        for member in current.values():
            if self._is_referenced(member):
                wanted.append(member)
            else:
                self.report.removed["member"] += 1
        committee.members = wanted

    def _is_referenced(self, member: Member) -> bool:
        for entity in (Attendance, DecisionMember, MinorityNote):
            if self.session.scalar(select(entity.id).where(entity.member_id == member.id).limit(1)):
                return True
        return False

    # -- meetings -------------------------------------------------------

    def _meeting(self, record: dict[str, Any], path: tuple) -> None:
        committee = self.committees.get(record["committee"]) or self._existing(
            Committee, record["committee"]
        )
        if committee is None:
            raise InterchangeError(
                place((*path, "committee")), f'ukendt udvalg "{record["committee"]}"'
            )
        members = {m.ext_id: m for m in committee.members}
        meeting = self.session.scalar(
            select(Meeting).where(Meeting.ext_id == record["id"]).options(*whole_meeting())
        )
        if meeting is not None and meeting.status == "signed":
            signed.check_record(self, record, members, path)
            signed.add_to_signed(self.session, meeting, record, path, self.report)
            return
        before = writer.meeting_dict(meeting) if meeting else None
        old_items = {}
        if meeting is None:
            meeting = Meeting(ext_id=record["id"])
            self.session.add(meeting)
        else:
            old_items = {item.ext_id: writer.item_dict(item) for item in meeting.items}
            # Clear unique-keyed children first, so re-adding them cannot collide.
            meeting.attendance = []
            self.session.flush()
        status = record.get("status", "draft")
        meeting.committee = committee
        meeting.date = parse_date(record["date"], (*path, "date"))
        meeting.start = parse_time(record.get("start"), (*path, "start"))
        meeting.end = parse_time(record.get("end"), (*path, "end"))
        meeting.location = record.get("location")
        meeting.title = record.get("title")
        # A signed meeting is stored first and signed after: signing seals it.
        meeting.status = signed.BEFORE_SIGNING if status == "signed" else status
        meeting.sealed_at = meeting.sealed_sha256 = None
        meeting.guests = list(record.get("guests", []))
        meeting.notes = record.get("notes")
        meeting.extra = record.get("extra")
        meeting.file_extra = self.document.get("extra")
        meeting.attendance = self._attendance(record.get("attendance", []), members, path)
        meeting.items = self._items(meeting, record["items"], members, path)
        self.session.flush()
        self._check_votes(meeting, path)
        if status == "signed":
            signed.sign_imported(self.session, meeting, record.get("sealed"), path)

        dropped = set(old_items) - {item.ext_id for item in meeting.items}
        if dropped:
            self.report.removed["item"] += len(dropped)
        for item in meeting.items:
            self.report.count("item", old_items.get(item.ext_id), writer.item_dict(item))
        self.report.count("meeting", before, writer.meeting_dict(meeting))
        self.report.meetings.append(meeting.ext_id)

    def _check_votes(self, meeting: Meeting, path: tuple) -> None:
        """The votes the window would accept: from people taking part, once each (the
        rule itself is the decision entry's, so a file cannot bring in what typing cannot)."""
        for i, item in enumerate(meeting.items):
            if item.decision is None or not item.decision.votes_recorded:
                continue
            try:
                decisions.check_votes(item, decisions.state_of(item.decision))
            except InputError as error:
                raise InterchangeError(
                    place((*path, "items", i, "decision", "votes")), str(error).rstrip(".")
                ) from None

    def _member(self, members: dict[str, Member], ext_id: str, path: tuple) -> Member:
        member = members.get(ext_id)
        if member is None:
            other = self._existing(Member, ext_id)
            detail = f" (medlem af et andet udvalg, {other.committee.ext_id})" if other else ""
            raise InterchangeError(place(path), f"ukendt medlem {shown(ext_id)}{detail}")
        return member

    def _attendance(self, records: list[dict], members: dict, path: tuple) -> list[Attendance]:
        rows, seen = [], set()
        for a, record in enumerate(records):
            here = (*path, "attendance", a)
            if record["member"] in seen:
                raise InterchangeError(
                    place((*here, "member")), f'medlemmet "{record["member"]}" står der to gange'
                )
            seen.add(record["member"])
            substitute = record.get("substitute_member")
            rows.append(
                Attendance(
                    member=self._member(members, record["member"], (*here, "member")),
                    status=record["status"],
                    substitute=record.get("substitute"),
                    substitute_member=self._member(
                        members, substitute, (*here, "substitute_member")
                    )
                    if substitute
                    else None,
                    note=record.get("note"),
                )
            )
        return rows

    def _items(self, meeting: Meeting, records: list[dict], members: dict, path: tuple) -> list:
        items, numbers = [], {}
        for i, record in enumerate(records):
            here = (*path, "items", i)
            if record["number"] in numbers:
                raise InterchangeError(
                    place((*here, "number")),
                    f"nummer {record['number']} er også brugt af "
                    f"{place(numbers[record['number']])}",
                )
            numbers[record["number"]] = here
        signed.refuse_moves(self.session, meeting, records, path)
        existing = self._existing_items([record["id"] for record in records])
        for i, record in enumerate(records):
            item = existing.get(record["id"]) or Item(ext_id=record["id"])
            self._fill_item(item, record, members, (*path, "items", i))
            items.append(item)
        return items

    def _existing_items(self, ext_ids: list[str]) -> dict[str, Item]:
        """The archive's items among `ext_ids`, loaded in one query, their decisions removed.

        A decision's item_id is unique, so the old decisions must be gone
        from the database before the file's are added; one flush does that.
        """
        query = (
            select(Item)
            .where(Item.ext_id.in_(ext_ids))
            .options(selectinload(Item.decision), selectinload(Item.sections))
        )
        found = {item.ext_id: item for item in self.session.scalars(query)}
        for item in found.values():
            item.decision = None
        if found:
            self.session.flush()
        return found

    def _fill_item(self, item: Item, record: dict, members: dict, path: tuple) -> None:
        item.number = record["number"]
        item.title = record["title"]
        item.closed = record.get("closed", False)
        item.public_title = record.get("public_title")
        item.part = record.get("part", "ordinary")
        item.case = self._case_ref(record.get("case"), (*path, "case"))
        item.journal_number = record.get("journal_number")
        item.time_slot = record.get("time_slot")
        item.presenters = record.get("presenters")
        item.extra = record.get("extra")
        item.sections = [
            Section(heading=s["heading"], text=s["text"]) for s in record.get("sections", [])
        ]
        item.prior_decisions = [
            PriorDecision(
                body=p["body"],
                date=parse_date(p["date"], (*path, "prior_decisions", n, "date"))
                if p.get("date")
                else None,
                item_number=p.get("item_number"),
                text=p["text"],
            )
            for n, p in enumerate(record.get("prior_decisions", []))
        ]
        decision = record.get("decision")
        item.decision = self._decision(decision, members, (*path, "decision")) if decision else None
        item.attachments = [
            Attachment(
                title=a["title"],
                filename=a.get("filename"),
                closed=a.get("closed", False),
                content=decode_content(
                    a.get("content_base64"), (*path, "attachments", n, "content_base64")
                ),
            )
            for n, a in enumerate(record.get("attachments", []))
        ]
        item.follow_ups = [
            FollowUp(
                text=f["text"],
                asked_by=f.get("asked_by"),
                responsible=f.get("responsible"),
                due=parse_date(f["due"], (*path, "follow_ups", n, "due")) if f.get("due") else None,
                status=f.get("status", "open"),
                answer=f.get("answer"),
            )
            for n, f in enumerate(record.get("follow_ups", []))
        ]

    def _decision(self, record: dict, members: dict, path: tuple) -> Decision:
        marks = []
        for kind in ("absent", "not_participating"):
            for n, ext_id in enumerate(record.get(kind, [])):
                member = self._member(members, ext_id, (*path, kind, n))
                marks.append(DecisionMember(kind=kind, member=member))
        votes = record.get("votes")
        for kind in ("for", "against", "abstain") if votes else ():
            for n, ext_id in enumerate(votes[kind]):
                member = self._member(members, ext_id, (*path, "votes", kind, n))
                marks.append(DecisionMember(kind=kind, member=member))
        return Decision(
            text=record["text"],
            postponed=record.get("postponed", False),
            public_text=record.get("public_text"),
            votes_recorded=votes is not None,
            extra=record.get("extra"),
            member_marks=marks,
            minority_notes=[
                MinorityNote(
                    member=self._member(
                        members, note["member"], (*path, "minority_notes", n, "member")
                    ),
                    text=note["text"],
                )
                for n, note in enumerate(record.get("minority_notes", []))
            ],
            corrections=[
                Correction(
                    date=parse_date(c["date"], (*path, "corrections", n, "date")), text=c["text"]
                )
                for n, c in enumerate(record.get("corrections", []))
            ],
        )

