"""Take stedfortraeder-moede.png and stedfortraeder-beslutninger.png: a stand-in in the
meeting dialog and in the decision entry mode's grid, on the example Kommunalbestyrelsen
meeting, as the whole 1366×768 screen under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/take_stand_in_screenshots.py
"""

from __future__ import annotations

from example_window import OUT, example_window, run, settle


def main() -> None:
    app, window = example_window()
    from PySide6.QtCore import QTimer
    from sqlalchemy import select

    from model import committees, decisions
    from model.entities import Meeting
    from ui.dialogs.meeting_dialog import STAND_IN, MeetingDialog

    with window.ws.archive.transaction() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.ext_id == "kb-2026-10-08"))
        committees.add_member(s, meeting.committee_id, "Karen Vinter", "O", "suppleant", False)
        meeting_id = meeting.id
    window.setGeometry(window.screen().availableGeometry())

    def shoot(name: str) -> None:
        settle(app)
        window.screen().grabWindow(0).save(str(OUT / name))

    def dialog() -> None:
        window.ws.committees_changed.emit()
        window.open_meeting(meeting_id)
        meeting_dialog = MeetingDialog(window.ws, meeting_id, None, window)
        meeting_dialog.resize(820, 700)
        meeting_dialog.show()
        choice = meeting_dialog.attendance.cellWidget(3, STAND_IN)  # Mikkel Ærenlund (O)
        choice.setCurrentIndex(choice.findText("Karen Vinter (O)"))
        typed = meeting_dialog.attendance.cellWidget(5, STAND_IN)  # Pia Ravn (V)
        typed.setCurrentText("Jonas Lykke")
        meeting_dialog.attendance.setCurrentCell(5, STAND_IN)
        shoot("stedfortraeder-moede.png")
        meeting_dialog.accept()
        QTimer.singleShot(300, entry)

    def entry() -> None:
        with window.ws.archive.transaction() as s:
            meeting = s.get(Meeting, meeting_id)
            meeting.status = "held"
            item = meeting.items[0]
            decisions.apply_phrase(s, item.id, "Godkendt.")
            for party, vote in (("A", "for"), ("V", "for"), ("O", "against"), ("C", "abstain")):
                decisions.set_party_vote(s, item.id, party, vote)
            item_id = item.id
        window.ws.meeting_changed.emit(meeting_id)
        window.open_meeting(meeting_id)
        window.enter_decisions()
        entry_window = window.decision_entry
        entry_window.setGeometry(entry_window.screen().availableGeometry())
        entry_window.entry.go_to(item_id)
        entry_window.show_current()
        entry_window.marks.setFocus()
        entry_window.marks.setCurrentCell(3, 0)
        shoot("stedfortraeder-beslutninger.png")
        app.quit()

    run(app, dialog)


if __name__ == "__main__":
    main()
