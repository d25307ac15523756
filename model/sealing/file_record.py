"""A meeting of an interchange file in the form the writer gives it, with the defaults
the format names filled in, so a file's signed meeting can be compared with its seal
and with the archive's record without first being stored."""

from __future__ import annotations

import base64
import datetime as dt
from typing import Any

from model.sealing.record import sealed_part


def _time(text: str | None) -> str | None:
    return dt.time.fromisoformat(text).strftime("%H:%M") if text else None


def _date(text: str | None) -> str | None:
    return dt.date.fromisoformat(text).isoformat() if text else None


def _extra(record: dict[str, Any], source: dict[str, Any]) -> dict[str, Any]:
    if source.get("extra") is not None:
        record["extra"] = source["extra"]
    return record


def _content(text: str | None) -> str | None:
    if text is None:
        return None
    return base64.b64encode(base64.b64decode(text)).decode("ascii")


def _decision(d: dict[str, Any]) -> dict[str, Any]:
    votes = d.get("votes")
    return _extra({
        "text": d["text"],
        "absent": list(d.get("absent", [])),
        "not_participating": list(d.get("not_participating", [])),
        "votes": {k: list(votes[k]) for k in ("for", "against", "abstain")} if votes else None,
        "minority_notes": [{"member": n["member"], "text": n["text"]}
                           for n in d.get("minority_notes", [])],
        "postponed": d.get("postponed", False),
        "public_text": d.get("public_text"),
        "corrections": [{"date": _date(c["date"]), "text": c["text"]}
                        for c in d.get("corrections", [])],
    }, d)


def _item(i: dict[str, Any]) -> dict[str, Any]:
    return _extra({
        "id": i["id"],
        "number": i["number"],
        "title": i["title"],
        "closed": i.get("closed", False),
        "public_title": i.get("public_title"),
        "part": i.get("part", "ordinary"),
        "case": i.get("case"),
        "journal_number": i.get("journal_number"),
        "time_slot": i.get("time_slot"),
        "presenters": i.get("presenters"),
        "sections": [{"heading": s["heading"], "text": s["text"]} for s in i.get("sections", [])],
        "prior_decisions": [
            {"body": p["body"], "date": _date(p.get("date")), "item_number": p.get("item_number"),
             "text": p["text"]}
            for p in i.get("prior_decisions", [])
        ],
        "decision": _decision(i["decision"]) if i.get("decision") else None,
        "attachments": [
            {"title": a["title"], "filename": a.get("filename"), "closed": a.get("closed", False),
             "content_base64": _content(a.get("content_base64"))}
            for a in i.get("attachments", [])
        ],
        "follow_ups": [
            {"text": f["text"], "asked_by": f.get("asked_by"), "responsible": f.get("responsible"),
             "due": _date(f.get("due")), "status": f.get("status", "open"),
             "answer": f.get("answer")}
            for f in i.get("follow_ups", [])
        ],
    }, i)


def meeting_record(m: dict[str, Any]) -> dict[str, Any]:
    """The file's meeting as `writer.meeting_dict` writes it (without `sealed`)."""
    return _extra({
        "id": m["id"],
        "committee": m["committee"],
        "date": _date(m["date"]),
        "start": _time(m.get("start")),
        "end": _time(m.get("end")),
        "location": m.get("location"),
        "title": m.get("title"),
        "status": m.get("status", "draft"),
        "attendance": [
            {"member": a["member"], "status": a["status"], "substitute": a.get("substitute"),
             "substitute_member": a.get("substitute_member"), "note": a.get("note")}
            for a in m.get("attendance", [])
        ],
        "guests": list(m.get("guests", [])),
        "notes": m.get("notes"),
        "items": [_item(i) for i in m["items"]],
    }, m)


def file_part(m: dict[str, Any]) -> dict[str, Any]:
    """What the seal covers of the file's meeting."""
    return sealed_part(meeting_record(m))
