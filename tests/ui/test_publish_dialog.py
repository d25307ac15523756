"""Filer › Udgiv offentlige dokumenter…: the website from the window."""

from __future__ import annotations

from sqlalchemy import select

from model.entities import Item


def _dialog(window, qtbot):
    from ui.dialogs.publish_dialog import PublishDialog

    dialog = PublishDialog(window.ws, window)
    qtbot.addWidget(dialog)
    dialog.open_after.setChecked(False)
    return dialog


def test_menu_publishes_the_chosen_committees(unsigned_examples_window, qtbot, tmp_path):
    window = unsigned_examples_window
    assert window.act_publish in window.menuBar().actions()[0].menu().actions()
    dialog = _dialog(window, qtbot)
    for row in range(dialog.committees.count()):
        entry = dialog.committees.item(row)
        if entry.text() != "Arbejdsmarked, Erhverv og Turisme":
            entry.setCheckState(entry.checkState().Unchecked)
    out = tmp_path / "websted"
    dialog.folder.setText(str(out))
    dialog.start(allow_cpr=False)
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=60000)

    assert dialog.error.text() == ""
    assert "1 møde udgivet" in dialog.status.text()
    assert (out / "aet" / "aet-2020-08-19.html").exists()
    assert not (out / "oeu").exists()
    # The folder is remembered for next time.
    again = _dialog(window, qtbot)
    assert again.folder.text() == str(out)


def test_cpr_number_asks_first_and_publishes_nothing_on_no(
    unsigned_examples_window, qtbot, tmp_path, monkeypatch
):
    window = unsigned_examples_window
    with window.ws.archive.transaction() as session:
        item = session.scalar(select(Item).where(Item.ext_id == "aet-2020-08-19-193"))
        item.sections[0].text += "\n\nBorgeren 010203-1234 har klaget."
    dialog = _dialog(window, qtbot)
    asked = []
    monkeypatch.setattr(dialog, "ask_cpr", lambda warnings: asked.append(warnings) or False)
    out = tmp_path / "websted"
    dialog.folder.setText(str(out))
    dialog.start(allow_cpr=False)
    qtbot.waitUntil(lambda: bool(asked) and not dialog.is_busy(), timeout=60000)

    assert "193" in str(asked[0][0])
    assert "Intet er udgivet" in dialog.error.text()
    assert not out.exists() or not any(out.iterdir())

    monkeypatch.setattr(dialog, "ask_cpr", lambda warnings: True)
    dialog.start(allow_cpr=False)
    qtbot.waitUntil(lambda: (out / "index.html").exists() and not dialog.is_busy(), timeout=60000)
    assert dialog.error.text() == ""


def test_the_cpr_question_lists_the_places_and_counts_the_rest(qtbot):
    from tests.ui.signed_helpers import Answer
    from ui.dialogs.cpr_question import go_on_anyway

    warnings = [f"Punkt {n}: »…010203-xxxx…«" for n in range(13)]
    answer = Answer("Udgiv alligevel")
    assert go_on_anyway(None, warnings, "Disse steder ligner CPR-numre:", "Udgiv alligevel")
    assert answer.buttons == ["Udgiv alligevel", "Ret teksten først"]
    assert "Punkt 11:" in answer.explanation and "Punkt 12:" not in answer.explanation
    assert answer.explanation.endswith("… og 1 steder mere.")
    refused = Answer("Ret teksten først")
    assert not go_on_anyway(None, warnings[:2], "Disse steder:", "Dan alligevel")
    assert refused.text == "Disse steder:"
