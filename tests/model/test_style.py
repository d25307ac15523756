"""House style templates: placeholders, square-bracket parts, empty lines, defaults, checks."""

from __future__ import annotations

import json

import pytest

from model import style
from tests.conftest import EXAMPLES as EXAMPLES_DIR


def test_placeholders_are_replaced_and_bracketed_parts_need_every_value():
    template = "Punkt {number}: {title}[ v. {presenters}][ ({time_slot})]"
    full = {"number": 2, "title": "Budget", "presenters": "Jan, Tine og Ida",
            "time_slot": "9.00-10.00"}
    assert style.fill(template, full) == "Punkt 2: Budget v. Jan, Tine og Ida (9.00-10.00)"
    assert style.fill(template, {**full, "presenters": None}) == "Punkt 2: Budget (9.00-10.00)"
    assert style.fill(template, {**full, "time_slot": "  "}) == \
        "Punkt 2: Budget v. Jan, Tine og Ida"
    # a part is printed only when EVERY placeholder inside has a value
    assert style.fill("A[ {x} og {y}]", {"x": "1"}) == "A"
    assert style.fill("A[ {x} og {y}]", {"x": "1", "y": "2"}) == "A 1 og 2"
    # a part with no placeholder is plain text
    assert style.fill("[Åbent]", {}) == "Åbent"


def test_values_are_substituted_once_and_never_read_as_templates():
    assert style.fill("{title}", {"title": "{number} [x]", "number": 7}) == "{number} [x]"


def test_extra_placeholder_reads_the_items_extra():
    values = {"committee": "Regionsrådet 2018-2021", "extra": {"brevid": 4228764}}
    assert style.fill("{committee} Brevid: {extra.brevid}", values) == \
        "Regionsrådet 2018-2021 Brevid: 4228764"
    assert style.fill("[Brevid: {extra.brevid}]", {"extra": {}}) == ""
    assert style.fill("[Brevid: {extra.brevid}]", {}) == ""


def test_an_item_line_whose_placeholders_are_all_empty_is_left_out():
    assert style.fill_line("Sagsnr.: {journal_number}", {"journal_number": None}) is None
    assert style.fill_line("Sagsnr.: {journal_number}", {"journal_number": "00.01"}) == \
        "Sagsnr.: 00.01"
    # one of two filled: the line stays
    assert style.fill_line("{committee} Brevid: {extra.brevid}",
                           {"committee": "Regionsrådet"}) == "Regionsrådet Brevid:"
    assert style.fill_line("{committee} Brevid: {extra.brevid}", {}) is None
    assert style.fill_line("Åbent møde", {}) == "Åbent møde"


def test_defaults_are_the_contracts_and_toc_entry_follows_the_heading():
    look = style.effective(None)
    assert look["item_heading"] == "Punkt {number}: {title}"
    assert look["toc_entry"] == "Punkt {number}: {title}"
    assert look["item_lines"][0] == "Sagsnr.: {journal_number}"
    assert look["decision_heading"] == "Beslutning"
    assert look["prior_decision_heading"] == "{body}, {date}, pkt. {item_number}:"
    assert look["absence"] == "Ikke til stede: {names}"
    assert look["absence_position"] == "before"
    assert look["not_participating"] == "{names} deltog ikke i behandlingen af punktet."
    assert look["substitute_line"] is None
    assert look["attachments_heading"] == "Bilag"
    assert look["attachments_position"] == "end"
    assert style.effective({"item_heading": "{number}. {title}"})["toc_entry"] == \
        "{number}. {title}"
    assert style.effective({"toc_entry": "{title}"})["item_heading"] == "Punkt {number}: {title}"


def test_the_presets_are_the_contracts_seed_styles_and_valid():
    assert set(style.PRESETS) == {"Stevns", "Albertslund og Faxe", "Region Sjælland"}
    for preset in style.PRESETS.values():
        assert style.problems(preset) == []
    region = style.PRESETS["Region Sjælland"]
    assert region["absence_position"] == "after"
    assert region["attachments_heading"] == "Bilag til punkt nr. {number}:"
    assert style.PRESETS["Stevns"]["attachments_position"] == "after_heading"


@pytest.mark.parametrize("name", ["stevns-aet-2020-08-19", "faxe-sagsbehandling-2020-04-21"])
def test_the_example_files_styles_are_valid(name):
    data = json.loads((EXAMPLES_DIR / f"{name}.json").read_text("utf-8"))
    assert style.problems(data["committees"][0]["style"]) == []


@pytest.mark.parametrize(("bad", "words"), [
    ({"heading": "x"}, "kender ikke nøglen »heading«"),
    ({"absence_position": "midt"}, "»absence_position« skal være en af"),
    ({"item_lines": "x"}, "skal være en liste"),
    ({"item_heading": "{titel}"}, "kender ikke {titel}"),
    ({"absence": "{names} [mangler"}, "mangler sin ]"),
    ({"decision_heading": 3}, "skal være en tekst"),
    ({"attachments_heading": "Bilag {extra.x}"}, "kender ikke {extra.x}"),
    ({"item_lines": ["x"] * 11}, "Højst 10 linjer"),
])
def test_a_wrong_style_gets_one_danish_line(bad, words):
    found = style.problems(bad)
    assert len(found) == 1 and words in found[0]


def test_cleaned_drops_defaults_and_keeps_the_rest():
    assert style.cleaned({"decision_heading": "Beslutning"}) is None
    assert style.cleaned({"decision_heading": "Beslutning", "absence_position": "after"}) == \
        {"absence_position": "after"}
    with pytest.raises(ValueError):
        style.cleaned({"nope": 1})
