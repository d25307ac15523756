"""The record of a signed meeting in canonical form, and its SHA-256.

The record is what the meeting's documents print, as the interchange writer
writes it: the meeting (without dated corrections, which are added after
signing, and without follow-up answers, which may still come), the committee
with its members, and the cases its items name. The seal's SHA-256 is taken
over the meeting part, so a file carrying `sealed` can be checked against
itself; the committee and cases are kept beside it because they are shared
with other meetings and change later, while the signed minutes must not.
"""

from __future__ import annotations

import copy
import hashlib
import json
from typing import Any

from model.entities import Meeting

# What a follow-up may still get after signing (model/follow_ups.py ANSWER_FIELDS).
LATER_FOLLOW_UP_FIELDS = ("status", "answer")

# A decision with nothing in it but (removed) corrections counts as no decision.
BARE_DECISION = {"text": "", "absent": [], "not_participating": [], "votes": None,
                 "minority_notes": [], "postponed": False, "public_text": None}


def canonical(data: Any) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8."""
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def sha256(data: Any) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()


def sealed_part(meeting_record: dict[str, Any]) -> dict[str, Any]:
    """An interchange meeting record reduced to what the seal covers."""
    part = copy.deepcopy(meeting_record)
    part.pop("sealed", None)
    for item in part["items"]:
        if item.get("decision"):
            item["decision"].pop("corrections", None)
            if item["decision"] == BARE_DECISION:  # only there to carry corrections
                item["decision"] = None
        for follow_up in item.get("follow_ups", []):
            for key in LATER_FOLLOW_UP_FIELDS:
                follow_up.pop(key, None)
        for attachment in item.get("attachments", []):
            content = attachment.pop("content_base64", None)
            attachment["content_sha256"] = (
                hashlib.sha256(content.encode("ascii")).hexdigest() if content else None
            )
    return part


def record_of(meeting: Meeting) -> dict[str, Any]:
    """The whole record of the meeting as it is now: meeting part, committee, cases."""
    from model.interchange import writer  # the interchange package needs this module

    cases = {i.case.ext_id: i.case for i in meeting.items if i.case is not None}
    return {
        "meeting": sealed_part(writer.meeting_dict(meeting)),
        "committee": writer.committee_dict(meeting.committee),
        "cases": [writer.case_dict(cases[key]) for key in sorted(cases)],
        "printing": printing_of(meeting.committee),
    }


def printing_of(committee) -> dict[str, Any]:
    """The committee's local settings of what its referat prints (not in the interchange
    file), as they were at signing: the signed referat keeps printing what it printed."""
    return {"follow_ups_in_minutes": committee.prints_follow_ups}


def dumps(record: dict[str, Any]) -> str:
    return canonical(record).decode()


def loads(text: str) -> dict[str, Any]:
    return json.loads(text)
