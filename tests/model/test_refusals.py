"""Bad input is refused with a message naming the place, and the archive stays as it was."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable

import pytest

from model.errors import InterchangeError
from model.interchange import import_file, load_json
from tests.conftest import EXAMPLE_FILES
from tests.model.test_roundtrip import export_all, row_counts

ALL_IDS = ["aet-2020-08-19", "sagsbehandling-2020-04-21", "oeu-2026-09-30", "kb-2026-10-08"]
PROEVE = next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune"))


def meeting0(doc):
    return doc["meetings"][0]


def item(doc, n):
    return doc["meetings"][0]["items"][n]


# Each case: a change to the proevekommune example, the place and words the message must hold.
BREAKAGES: list[tuple[str, Callable[[dict], None], str, str]] = [
    (
        "unknown absent member",
        lambda d: item(d, 1)["decision"]["absent"].append("m9"),
        "meetings[0].items[1].decision.absent[1]",
        'ukendt medlem "m9"',
    ),
    (
        "member of another committee votes",
        lambda d: item(d, 1)["decision"]["votes"]["for"].append("kb-6"),
        "meetings[0].items[1].decision.votes.for[3]",
        'ukendt medlem "kb-6" (medlem af et andet',
    ),
    (
        "unknown attendance member",
        lambda d: meeting0(d)["attendance"].append({"member": "x", "status": "present"}),
        "meetings[0].attendance[6].member",
        'ukendt medlem "x"',
    ),
    (
        "attendance twice",
        lambda d: meeting0(d)["attendance"].append({"member": "oeu-1", "status": "absent"}),
        "meetings[0].attendance[6].member",
        "to gange",
    ),
    (
        "unknown protokoltilførsel member",
        lambda d: item(d, 1)["decision"]["minority_notes"][0].update(member="nobody"),
        "meetings[0].items[1].decision.minority_notes[0].member",
        'ukendt medlem "nobody"',
    ),
    (
        "unknown committee",
        lambda d: meeting0(d).update(committee="findes-ikke"),
        "meetings[0].committee",
        'ukendt udvalg "findes-ikke"',
    ),
    (
        "unknown case",
        lambda d: item(d, 1).update(case="sag-x"),
        "meetings[0].items[1].case",
        'ukendt sag "sag-x"',
    ),
    (
        "date that does not exist",
        lambda d: meeting0(d).update(date="2026-02-30"),
        "meetings[0].date",
        'datoen "2026-02-30" findes ikke',
    ),
    (
        "correction date that does not exist",
        lambda d: item(d, 2)["decision"]["corrections"][0].update(date="2026-13-01"),
        "meetings[0].items[2].decision.corrections[0].date",
        "findes ikke",
    ),
    (
        "date in the wrong form",
        lambda d: meeting0(d).update(date="30.09.2026"),
        "meetings[0].date",
        "er ikke en dato",
    ),
    (
        "time out of range",
        lambda d: meeting0(d).update(start="25:00"),
        "meetings[0].start",
        "er ikke et klokkeslæt",
    ),
    (
        "missing required field",
        lambda d: item(d, 0).pop("title"),
        "meetings[0].items[0]",
        'feltet "title" mangler',
    ),
    (
        "unknown key",
        lambda d: item(d, 0).update(colour="red"),
        "meetings[0].items[0]",
        'ukendt felt "colour"',
    ),
    (
        "wrong type",
        lambda d: item(d, 0).update(number="301"),
        "meetings[0].items[0].number",
        "heltal",
    ),
    (
        "bad enum",
        lambda d: meeting0(d).update(status="done"),
        "meetings[0].status",
        "skal være en af",
    ),
    (
        "empty title",
        lambda d: item(d, 0).update(title=""),
        "meetings[0].items[0].title",
        "må ikke være tom",
    ),
    (
        "wrong format marker",
        lambda d: d.update(format="something-else"),
        "format",
        "referent-interchange",
    ),
    (
        "duplicate item id",
        lambda d: item(d, 1).update(id=item(d, 0)["id"]),
        "meetings[0].items[1].id",
        "også brugt i meetings[0].items[0]",
    ),
    (
        "duplicate member id across committees",
        lambda d: d["committees"][1]["members"][0].update(id="oeu-1"),
        "committees[1].members[0].id",
        "også brugt i committees[0].members[0]",
    ),
    (
        "duplicate item number",
        lambda d: item(d, 1).update(number=301),
        "meetings[0].items[1].number",
        "nummer 301 er også brugt af meetings[0].items[0]",
    ),
    (
        "attachment that is not base64",
        lambda d: item(d, 1)["attachments"][0].update(content_base64="ikke base64!"),
        "meetings[0].items[1].attachments[0].content_base64",
        "base64",
    ),
    (
        "NUL character",
        lambda d: item(d, 1)["sections"][0].update(text="før\x00efter"),
        "meetings[0].items[1].sections[0].text",
        "NUL",
    ),
    (
        "lone surrogate",
        lambda d: item(d, 1).update(title="x\ud800y"),
        "meetings[0].items[1].title",
        "ugyldigt tegn",
    ),
    (
        "an item in the second meeting",
        lambda d: d["meetings"][1]["items"][0]["follow_ups"][0].update(due="2026-11-31"),
        "meetings[1].items[0].follow_ups[0].due",
        "findes ikke",
    ),
]


@pytest.fixture
def filled(examples_archive):
    return examples_archive


def snapshot(archive):
    return row_counts(archive), export_all(archive, ALL_IDS)


@pytest.mark.parametrize("name,change,where,words", BREAKAGES, ids=[b[0] for b in BREAKAGES])
def test_refused_with_place_and_archive_unchanged(filled, tmp_path, name, change, where, words):
    document = load_json(PROEVE)
    # Change something valid too, so a partial import would show.
    document["committees"][0]["name"] = "Skal ikke nå arkivet"
    change(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), "utf-8")
    before = snapshot(filled)

    with pytest.raises(InterchangeError) as refused:
        import_file(filled, path)

    assert refused.value.place == where
    assert words in refused.value.message
    assert snapshot(filled) == before


def test_error_counts_further_problems(tmp_path, archive):
    document = load_json(PROEVE)
    item(document, 0).pop("title")
    item(document, 1).update(colour="red")
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(InterchangeError, match=r"og 1 fejl mere"):
        import_file(archive, path)


@pytest.mark.parametrize(
    "content,words",
    [
        (b'{"format": "referent-interchange", "version": 1,', "ugyldig JSON"),
        (b"\xff\xfe{}", "ikke UTF-8"),
        (b"[]", "skal være et objekt"),
        (b"", "ugyldig JSON"),
        (b"[" * 100_000 + b"]" * 100_000, "indlejret for dybt"),
    ],
    ids=["truncated", "not utf-8", "not an object", "empty", "deeply nested"],
)
def test_unreadable_files_are_refused(filled, tmp_path, content, words):
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    before = snapshot(filled)
    with pytest.raises(InterchangeError, match=words):
        import_file(filled, path)
    assert snapshot(filled) == before


def test_truncated_file_names_line_and_column(tmp_path, archive):
    path = tmp_path / "cut.json"
    path.write_text(PROEVE.read_text("utf-8")[:500], "utf-8")
    with pytest.raises(InterchangeError) as refused:
        import_file(archive, path)
    assert refused.value.place.startswith(f"{path}:")


def test_member_moved_to_another_committee_is_refused(filled, tmp_path):
    document = load_json(PROEVE)
    stevns = copy.deepcopy(document)
    stevns["committees"][1]["members"].append({"id": "oeu-1", "name": "Hanne Kjær", "party": "A"})
    stevns["committees"] = [stevns["committees"][1]]
    stevns["meetings"] = [stevns["meetings"][1]]
    stevns["cases"] = []
    stevns["meetings"][0]["items"][0]["case"] = None
    path = tmp_path / "moved.json"
    path.write_text(json.dumps(stevns, ensure_ascii=False), "utf-8")
    before = snapshot(filled)
    with pytest.raises(InterchangeError) as refused:
        import_file(filled, path)
    assert refused.value.place == "committees[0].members[7].id"
    assert 'hører til udvalget "oeu"' in refused.value.message
    assert snapshot(filled) == before


def test_huge_file_is_refused_before_reading(tmp_path, archive, monkeypatch):
    from model.interchange import reader

    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1000)
    path = tmp_path / "stor.json"
    path.write_text(PROEVE.read_text("utf-8"), "utf-8")
    with pytest.raises(InterchangeError, match=r"filen er for stor \(\d+ MB; højst 0 MB\)"):
        import_file(archive, path)


def test_a_signed_meeting_only_takes_new_corrections(filled, tmp_path):
    document = load_json(PROEVE)  # oeu-2026-09-30 is signed
    document["meetings"] = [document["meetings"][0]]
    decision = item(document, 1)["decision"]
    decision["corrections"] = [{"date": "2026-10-20", "text": "Tilføjet: stemmetallet rettet."}]
    path = tmp_path / "rettelse.json"
    path.write_text(json.dumps(document), "utf-8")

    report = import_file(filled, path)
    assert report.updated["meeting"] == 1
    exported = export_all(filled, ["oeu-2026-09-30"])
    corrections = exported["meetings"][0]["items"][1]["decision"]["corrections"]
    assert corrections[-1]["text"] == "Tilføjet: stemmetallet rettet."

    decision["text"] = "Noget andet blev besluttet."
    path.write_text(json.dumps(document), "utf-8")
    before = snapshot(filled)
    with pytest.raises(InterchangeError) as refused:
        import_file(filled, path)
    assert refused.value.place == "meetings[0]"
    assert "underskrevet i arkivet" in refused.value.message
    assert snapshot(filled) == before
