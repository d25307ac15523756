"""The committee dialog's Husstil tab: presets, editing, the live preview, save and undo."""

from __future__ import annotations

from model.style import PRESETS, cleaned
from tests.ui.helpers import committee_named


def _dialog(window, qtbot, committee_id=None):
    from ui.dialogs.committee_dialog import CommitteeDialog

    dialog = CommitteeDialog(window.ws, committee_id, window)
    qtbot.addWidget(dialog)
    return dialog


def _preview(dialog) -> str:
    dialog.style_tab.refresh()  # what the timer does once typing pauses
    return dialog.style_tab.preview.toPlainText()


def test_a_preset_is_a_starting_point_shown_in_the_preview(window, qtbot):
    dialog = _dialog(window, qtbot)
    qtbot.keyClicks(dialog.fields["name"].edit, "Regionsrådet 2018-2021")
    tab = dialog.style_tab
    assert "Punkt 12: Tillidskodeks" in _preview(dialog)  # the default style
    tab.preset.setCurrentIndex(tab.preset.findData("Region Sjælland"))
    tab.use_preset()
    text = _preview(dialog)
    assert text.splitlines()[0] == "12. Tillidskodeks"
    assert "Regionsrådet 2018-2021 Brevid: 4228764" in text
    assert "Beslutning i Regionsrådet 2018-2021 mandag den 6. januar 2020, pkt. 12" in text
    decided = text.index("Godkendt.")
    assert text.index("Anne Holm (V) deltog ikke i Regionsrådet 2018-2021s behandling") > decided
    assert "Carl Berg (A) deltog som stedfortræder for Bo Lund (A)." in text
    assert "Bilag til punkt nr. 12:" in text
    assert cleaned(tab.style()) == PRESETS["Region Sjælland"]


def test_editing_a_template_changes_the_preview_as_typed(window, qtbot):
    dialog = _dialog(window, qtbot)
    tab = dialog.style_tab
    tab.edits["item_heading"].clear()
    qtbot.keyClicks(tab.edits["item_heading"], "Sag {number}: {title}[ v. {presenters}]")
    qtbot.waitUntil(lambda: "Sag 12: Tillidskodeks v. Jan, Tine og Ida" in
                    tab.preview.toPlainText(), timeout=20_000)
    tab.lines.setPlainText("{open}\n[Brevid {extra.nope}]")
    text = _preview(dialog)
    assert "Åbent" in text and "Brevid" not in text
    tab.positions["attachments_position"].setCurrentIndex(
        tab.positions["attachments_position"].findData("after_heading"))
    text = _preview(dialog)
    assert text.index("Bilag 1: Forslag til tillidskodeks") < text.index("Sagsfremstilling")


def test_a_wrong_template_says_so_in_danish_and_keeps_the_last_preview(window, qtbot):
    dialog = _dialog(window, qtbot)
    before = _preview(dialog)
    dialog.style_tab.edits["decision_heading"].setText("Beslutning {dato}")
    assert _preview(dialog) == before
    assert "kender ikke {dato}" in dialog.style_tab.error.text()


def test_the_style_is_saved_with_the_committee_and_undone(window, archive, qtbot):
    dialog = _dialog(window, qtbot)
    qtbot.keyClicks(dialog.fields["name"].edit, "Arbejdsmarked, Erhverv og Turisme")
    qtbot.keyClicks(dialog.fields["short_name"].edit, "AET")
    assert dialog.save()
    committee = committee_named(archive, "Arbejdsmarked, Erhverv og Turisme")
    assert committee.style is None  # the defaults, untouched: nothing stored

    tab = dialog.style_tab
    tab.preset.setCurrentIndex(tab.preset.findData("Stevns"))
    tab.use_preset()
    assert dialog.save()
    assert committee_named(archive, "Arbejdsmarked, Erhverv og Turisme").style == \
        PRESETS["Stevns"]
    window.undo()
    assert committee_named(archive, "Arbejdsmarked, Erhverv og Turisme").style is None
    window.redo()
    assert committee_named(archive, "Arbejdsmarked, Erhverv og Turisme").style == \
        PRESETS["Stevns"]

    dialog.style_tab.edits["absence"].setText("{navne}")
    assert not dialog.save()
    assert "kender ikke {navne}" in dialog.style_tab.error.text()
    assert dialog.tabs.currentWidget() is dialog.style_tab
    assert committee_named(archive, "Arbejdsmarked, Erhverv og Turisme").style == \
        PRESETS["Stevns"]


def test_opening_a_committee_shows_its_style(examples_window, examples_archive, qtbot):
    committee = committee_named(examples_archive, "Arbejdsmarked, Erhverv og Turisme")
    dialog = _dialog(examples_window, qtbot, committee.id)
    tab = dialog.style_tab
    assert tab.edits["item_heading"].text() == "{number}. {title}"
    assert tab.edits["attachments_heading"].text() == ""
    assert tab.lines.toPlainText() == ""
    assert _preview(dialog).splitlines()[:2] == ["12. Tillidskodeks",
                                                 "Bilag 1: Forslag til tillidskodeks"]
