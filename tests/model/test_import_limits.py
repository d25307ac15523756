"""Every input limit of the importer: refused before anything is written, in one clean line."""

from __future__ import annotations

import copy
import json

import pytest

from model.errors import InterchangeError
from model.interchange import import_file, load_json, validation
from tests.conftest import EXAMPLE_FILES
from tests.model.hostile_cli import assert_one_clean_line, run, where
from tests.model.test_roundtrip import export_all

PROEVE = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune")))
PROEVE["meetings"][0]["status"] = "held"
IDS = [m["id"] for m in PROEVE["meetings"]]


def nested(depth: int):
    value: object = "bund"
    for _ in range(depth):
        value = [value]
    return value


def set_at(document, path, value):
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


ITEM0 = ("meetings", 0, "items", 0)
# (what, where in the file, the value, raw JSON text instead of the value, words of the message)
CASES = [
    ("2^63 as item number", (*ITEM0, "number"), 2**63, None, "meetings[0].items[0].number"),
    ("2^31 as item number", (*ITEM0, "number"), 2**31, None, "meetings[0].items[0].number"),
    ("negative item number", (*ITEM0, "number"), -1, None, "meetings[0].items[0].number"),
    ("1e300 as item number", (*ITEM0, "number"), 1e300, None, "meetings[0].items[0].number"),
    ("NaN", (*ITEM0, "number"), None, "NaN", "meetings[0].items[0].number"),
    ("Infinity in extra", ("meetings", 0, "extra"), None, '{"x": Infinity}', "extra.x"),
    ("5000 digits", (*ITEM0, "number"), None, "1" * 5000, "for mange cifre"),
    ("980 levels deep", ("meetings", 0, "extra"), None, "[" * 980 + "]" * 980, "for dybt"),
    ("100 levels deep", ("meetings", 0, "extra"), {"x": nested(100)}, None, "for dybt"),
    ("time with a line break", ("meetings", 0, "start"), "09:00\n", None, "meetings[0].start"),
    ("date with a line break", ("meetings", 0, "date"), "2026-09-30\n", None, "meetings[0].date"),
    ("date without dashes", ("meetings", 0, "date"), "20260930", None, "er ikke en dato"),
    ("date that does not exist", ("meetings", 0, "date"), "2026-02-30", None, "findes ikke"),
    ("NUL in a title", (*ITEM0, "title"), "Punkt\x00", None, "\\u0000"),
    ("unknown field with a line break", (*ITEM0, "x\ny"), 1, None, "\\u000a"),
    ("id with a line break", ("meetings", 0, "committee"), "oeu\n\u2028", None, "\\u2028"),
    ("unknown member with a NUL", ("meetings", 0, "attendance", 0, "member"), "a\x00",
     None, "meetings[0].attendance[0]"),
]


@pytest.mark.parametrize("what,path,value,raw,words", CASES, ids=[c[0] for c in CASES])
def test_limit_is_one_clean_line_and_nothing_changes(archive, tmp_path, what, path, value, raw,
                                                     words):
    start = tmp_path / "start.json"
    start.write_text(json.dumps(PROEVE), "utf-8")
    import_file(archive, start)
    before = export_all(archive, IDS)
    document = copy.deepcopy(PROEVE)
    marker = "__RAW__"
    set_at(document, path, marker if raw is not None else value)
    text = json.dumps(document, ensure_ascii=False)
    if raw is not None:
        text = text.replace(json.dumps(marker), raw)
    source = tmp_path / "fjendtlig.json"
    source.write_text(text, "utf-8")

    code, _, err = run(*where(archive), "import", source)

    assert code == 2, err
    line = assert_one_clean_line(err)
    assert words in line
    assert export_all(archive, IDS) == before


def test_a_dollar_in_the_schema_means_the_end_of_the_text():
    strict = type(validation._validator())
    assert strict({"pattern": "^[0-9]{2}:[0-9]{2}$"}).is_valid("09:00")
    assert not strict({"pattern": "^[0-9]{2}:[0-9]{2}$"}).is_valid("09:00\n")
    assert strict({"pattern": "^[0-9]{2}"}).is_valid("09:00\n")  # no $: a prefix


@pytest.mark.parametrize("text", ["09:00\n", "9:00", "24:00", "09:00:00", "٠٩:٠٠", "0900"])
def test_times_are_checked_in_code_too(text):
    with pytest.raises(InterchangeError, match="klokkeslæt") as refused:
        validation.parse_time(text, ("meetings", 0, "start"))
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("text", ["2020-01-01\n", "20200101", "2020-W01-1", "２０２０-01-01"])
def test_dates_are_checked_in_code_too(text):
    with pytest.raises(InterchangeError, match="dato") as refused:
        validation.parse_date(text, ("meetings", 0, "date"))
    assert "\n" not in str(refused.value)


@pytest.mark.parametrize("number", [2**63, 2**31, 100_000, -1, True, 1.5])
def test_item_numbers_are_checked_in_code_too(number):
    document = copy.deepcopy(PROEVE)
    document["meetings"][0]["items"][0]["number"] = number
    with pytest.raises(InterchangeError, match="punktnummeret"):
        validation.check_item_numbers(document)


def test_shown_escapes_what_would_break_a_line():
    assert validation.shown("a\nb\x00c\u2028d\u200be") == '"a\\u000ab\\u0000c\\u2028d\\u200be"'
    assert len(validation.shown("x" * 10_000)) < 100
