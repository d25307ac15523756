"""What an import may do to a signed meeting: seal it as it comes in, add dated
corrections and answers to one signed in the archive, and nothing else. An item
of a signed meeting belongs to it for good: no file moves it to another meeting."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from model.entities import Correction, Decision, Item, Meeting
from model.errors import InterchangeError, SealError
from model.interchange import writer
from model.interchange.report import ImportReport
from model.interchange.validation import decode_content, parse_date, place
from model.sealing import file_record, verify
from model.sealing import record as records

BEFORE_SIGNING = "minutes_approved"


def sign_imported(session: Session, meeting: Meeting, sealed: dict[str, str] | None,
                  path: tuple) -> None:
    """Sign a meeting stored from a file: sealed now, or checked against the file's seal."""
    meeting.status = "signed"
    if sealed:
        meeting.sealed_at, meeting.sealed_sha256 = sealed["at"], sealed["sha256"]
    try:
        session.flush()
    except SealError:
        raise InterchangeError(
            place((*path, "sealed")),
            f'mødet "{meeting.ext_id}" passer ikke med sit segl: indholdet er ændret, '
            "efter at det blev underskrevet",
        ) from None


def refuse_moves(session: Session, meeting: Meeting, records_: list[dict], path: tuple) -> None:
    """An item id of a signed meeting cannot turn up in another meeting."""
    ids = [record["id"] for record in records_]
    query = (
        select(Item.ext_id, Meeting.ext_id)
        .join(Item.meeting)
        .where(Item.ext_id.in_(ids), Meeting.status == "signed")
    )
    for item_id, owner in session.execute(query):
        if owner != meeting.ext_id:
            i = ids.index(item_id)
            raise InterchangeError(
                place((*path, "items", i, "id")),
                f'punktet "{item_id}" hører til det underskrevne møde "{owner}" '
                "og kan ikke flyttes til et andet møde",
            )


def check_record(importer: Any, record: dict[str, Any], members: dict, path: tuple) -> None:
    """The checks storing the meeting would make (names, cases, dates, numbers, bilag),
    for a meeting that is compared instead of stored: the same place-naming messages."""
    parse_date(record["date"], (*path, "date"))
    seen = set()
    for a, row in enumerate(record.get("attendance", [])):
        if row["member"] in seen:
            raise InterchangeError(place((*path, "attendance", a, "member")),
                                   f'medlemmet "{row["member"]}" står der to gange')
        seen.add(row["member"])
        for key in ("member", "substitute_member"):
            if row.get(key):
                importer._member(members, row[key], (*path, "attendance", a, key))
    numbers: dict[int, tuple] = {}
    for i, item in enumerate(record["items"]):
        here = (*path, "items", i)
        if item["number"] in numbers:
            raise InterchangeError(place((*here, "number")), f"nummer {item['number']} er også "
                                   f"brugt af {place(numbers[item['number']])}")
        numbers[item["number"]] = here
        importer._case_ref(item.get("case"), (*here, "case"))
        for n, prior in enumerate(item.get("prior_decisions", [])):
            if prior.get("date"):
                parse_date(prior["date"], (*here, "prior_decisions", n, "date"))
        for n, attachment in enumerate(item.get("attachments", [])):
            decode_content(attachment.get("content_base64"),
                           (*here, "attachments", n, "content_base64"))
        for n, follow_up in enumerate(item.get("follow_ups", [])):
            if follow_up.get("due"):
                parse_date(follow_up["due"], (*here, "follow_ups", n, "due"))
        if item.get("decision"):
            _check_decision(importer, item["decision"], members, (*here, "decision"))


def _check_decision(importer: Any, decision: dict, members: dict, path: tuple) -> None:
    for kind in ("absent", "not_participating"):
        for n, ext_id in enumerate(decision.get(kind, [])):
            importer._member(members, ext_id, (*path, kind, n))
    for kind, ids in (decision.get("votes") or {}).items():
        for n, ext_id in enumerate(ids):
            importer._member(members, ext_id, (*path, "votes", kind, n))
    for n, note in enumerate(decision.get("minority_notes", [])):
        importer._member(members, note["member"], (*path, "minority_notes", n, "member"))
    for n, correction in enumerate(decision.get("corrections", [])):
        parse_date(correction["date"], (*path, "corrections", n, "date"))


def add_to_signed(session: Session, meeting: Meeting, record: dict[str, Any], path: tuple,
                  report: ImportReport) -> None:
    """A file's copy of a meeting signed in the archive (checked by `check_record`): it
    must be the meeting as signed; its new dated corrections and answers are added."""
    stored = (records.loads(meeting.sealed_record) if meeting.sealed_record
              else records.record_of(meeting))
    found = verify.differences(stored["meeting"], file_record.file_part(record))
    sealed = record.get("sealed")
    if not found and sealed and meeting.sealed_sha256 and sealed["sha256"] != meeting.sealed_sha256:
        found = ["seglet er et andet end arkivets"]
    if found:
        raise InterchangeError(
            place(path),
            f'mødet "{meeting.ext_id}" er underskrevet i arkivet og kan ikke ændres ved import '
            f"({found[0]}); kun nye, daterede rettelser kan tilføjes",
        )
    before = writer.meeting_dict(meeting)
    old_items = {item.ext_id: writer.item_dict(item) for item in meeting.items}
    items = {item.ext_id: item for item in meeting.items}
    for i, item_record in enumerate(record["items"]):
        here = (*path, "items", i)
        _add_corrections(items[item_record["id"]], item_record, here)
        _answers(items[item_record["id"]], item_record)
    session.flush()
    for item in meeting.items:
        report.count("item", old_items[item.ext_id], writer.item_dict(item))
    report.count("meeting", before, writer.meeting_dict(meeting))
    report.meetings.append(meeting.ext_id)


def _add_corrections(item: Item, record: dict[str, Any], path: tuple) -> None:
    wanted = (record.get("decision") or {}).get("corrections", [])
    have = [(c.date, c.text) for c in item.decision.corrections] if item.decision else []
    given = [(parse_date(c["date"], (*path, "decision", "corrections", n, "date")), c["text"])
             for n, c in enumerate(wanted)]
    if given[: len(have)] != have:
        raise InterchangeError(
            place((*path, "decision", "corrections")),
            "en underskrevet beslutnings rettelser kan kun tilføjes til, ikke ændres eller fjernes",
        )
    if len(given) > len(have) and item.decision is None:
        item.decision = Decision(text="")
    for date, text in given[len(have):]:
        item.decision.corrections.append(Correction(date=date, text=text))


def _answers(item: Item, record: dict[str, Any]) -> None:
    """A signed meeting's questions stay as asked, but may still be answered."""
    for follow_up, wanted in zip(item.follow_ups, record.get("follow_ups", []), strict=False):
        follow_up.status = wanted.get("status", "open")
        follow_up.answer = wanted.get("answer")
