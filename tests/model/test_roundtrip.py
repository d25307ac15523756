"""Every example imports, comes back out field for field, and re-imports without copies."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sqlalchemy import func, select

from model import entities
from model.errors import InterchangeError
from model.interchange import build_document, import_file, load_json
from model.interchange.writer import find_meetings
from model.sealing.record import sealed_part, sha256
from tests.conftest import EXAMPLE_FILES
from tests.model.normalize import normalize

TABLES = [
    entities.Committee,
    entities.Member,
    entities.Case,
    entities.Meeting,
    entities.Attendance,
    entities.Item,
    entities.Section,
    entities.PriorDecision,
    entities.Decision,
    entities.DecisionMember,
    entities.MinorityNote,
    entities.Correction,
    entities.Attachment,
    entities.FollowUp,
]


def row_counts(archive) -> dict[str, int]:
    with archive.sessions() as session:
        return {t.__name__: session.scalar(select(func.count()).select_from(t)) for t in TABLES}


def export_all(archive, meeting_ids: list[str]) -> dict:
    with archive.sessions() as session:
        return build_document(find_meetings(session, meeting_ids))


def with_cases(document: dict) -> dict:
    """The writer always writes `cases`; a file without them means none."""
    return {**document, "cases": document.get("cases", [])}


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_example_round_trips_field_for_field(archive, path):
    original = load_json(path)
    report = import_file(archive, path)
    assert report.meetings == [m["id"] for m in original["meetings"]]

    exported = export_all(archive, report.meetings)
    expected = normalize(with_cases(original))

    # A signed meeting that came without a seal is sealed as it comes in: the SHA-256
    # of its content as the file has it (corrections and answers left out).
    for meeting, given in zip(exported["meetings"], expected["meetings"], strict=True):
        if given["status"] == "signed" and given["sealed"] is None:
            assert meeting["sealed"]["sha256"] == sha256(sealed_part(given))
            assert dt.datetime.fromisoformat(meeting["sealed"]["at"]).tzinfo is not None
            given["sealed"] = meeting["sealed"]
    assert exported == expected


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
def test_reimport_updates_without_duplicates(archive, path):
    import_file(archive, path)
    counts = row_counts(archive)
    before = export_all(archive, [m["id"] for m in load_json(path)["meetings"]])

    report = import_file(archive, path)

    assert row_counts(archive) == counts
    assert not report.added and not report.updated and not report.removed
    assert export_all(archive, report.meetings) == before


def test_exported_file_imports_into_a_new_archive_identically(archive, tmp_path):
    from model.database import open_archive
    from model.interchange import export_file

    for path in EXAMPLE_FILES:
        import_file(archive, path)
    ids = ["aet-2020-08-19", "sagsbehandling-2020-04-21", "oeu-2026-09-30", "kb-2026-10-08"]
    out = tmp_path / "alle.json"
    with archive.sessions() as session:
        first = export_file(session, ids, out)

    second_archive = open_archive(tmp_path / "andet.sqlite3")
    import_file(second_archive, out)
    assert export_all(second_archive, ids) == first
    assert json.loads(out.read_text("utf-8")) == first


def test_changed_file_updates_and_removes(archive, tmp_path):
    path = next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns"))
    document = load_json(path)
    meeting = document["meetings"][0]
    meeting["status"] = "held"  # a signed meeting only takes corrections (test_refusals)
    changed = tmp_path / "changed.json"
    changed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")
    import_file(archive, changed)
    meeting["items"][0]["title"] = "Godkendelse af dagsorden (ændret)"
    removed = meeting["items"].pop()
    changed.write_text(json.dumps(document, ensure_ascii=False), "utf-8")

    report = import_file(archive, changed)

    assert report.updated["item"] == 1
    assert report.removed["item"] == 1
    assert report.unchanged["item"] == len(meeting["items"]) - 1
    exported = export_all(archive, [meeting["id"]])
    assert exported == normalize(with_cases(document))
    assert removed["id"] not in json.dumps(exported)


def test_attachment_bytes_are_kept_in_the_archive(archive):
    path = next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune"))
    import_file(archive, path)
    with archive.sessions() as session:
        item = session.scalar(
            select(entities.Item).where(entities.Item.ext_id == "oeu-2026-09-30-302")
        )
        assert item.attachments[0].content.startswith(b"%PDF-1.4")
        assert item.attachments[1].content is None


def test_style_and_seal_are_kept(archive, tmp_path):
    """A committee's house style and a signed meeting's seal come back out as they went in."""
    document = load_json([p for p in EXAMPLE_FILES if "proevekommune" in p.name][0])
    style = {
        "item_heading": "{number}. {title}",
        "item_lines": ["{open}", "{committee} Brevid: {extra.brevid}"],
        "absence_position": "after",
        "substitute_line": None,
    }
    document["committees"][0]["style"] = style
    assert document["meetings"][0]["status"] == "signed"
    digest = sha256(sealed_part(normalize(document)["meetings"][0]))
    seal = {"at": "2020-02-01T10:00:00+01:00", "sha256": digest}
    document["meetings"][0]["sealed"] = seal
    path = tmp_path / "med-husstil.json"
    path.write_text(json.dumps(document), "utf-8")

    report = import_file(archive, path)
    exported = export_all(archive, report.meetings)

    assert exported["committees"][0]["style"] == style
    assert exported["meetings"][0]["sealed"] == seal
    assert all(m["sealed"] is None for m in exported["meetings"][1:])


def test_a_seal_that_does_not_match_its_meeting_is_refused(archive, tmp_path):
    document = load_json([p for p in EXAMPLE_FILES if "proevekommune" in p.name][0])
    document["meetings"][0]["sealed"] = {"at": "2020-02-01T10:00:00+01:00", "sha256": "ab" * 32}
    path = tmp_path / "forkert-segl.json"
    path.write_text(json.dumps(document), "utf-8")
    counts = row_counts(archive)

    with pytest.raises(InterchangeError) as refused:
        import_file(archive, path)

    assert str(refused.value).startswith("meetings[0].sealed: ")
    assert '"oeu-2026-09-30" passer ikke med sit segl' in str(refused.value)
    assert row_counts(archive) == counts
