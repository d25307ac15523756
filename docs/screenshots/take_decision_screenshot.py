"""Take beslutninger.png: the decision entry mode on the Faxe example, under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/take_decision_screenshot.py

The meeting is shown as the morning after: items 1-2 entered, item 3 being typed.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from example_window import OUT, example_window, run, settle  # noqa: E402

FAXE = "sagsbehandling-2020-04-21"


def _morning_after(archive, _folder) -> None:
    """Items 1-2 entered, the rest not yet; a question from the meeting on item 3."""
    from sqlalchemy import select

    from model import follow_ups
    from model.entities import Meeting

    with archive.transaction() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.ext_id == FAXE))
        _TYPED.extend(meeting.items[2].decision.text.split("\n\n")[:2])
        for item in meeting.items[2:]:
            item.decision = None
            item.follow_ups.clear()
        meeting.status = "held"
        follow_ups.add_follow_up(
            s, meeting.items[2].id, "Centerchefen belyser personaleprofilerne på et senere møde.",
            "Udvalget", "Centerchefen på fagområdet",
        )


_TYPED: list[str] = []  # item 3's decision, as the secretary is typing it


def main() -> None:
    app, window = example_window(prepare=_morning_after, fill_screen=True)
    from sqlalchemy import select

    from model.entities import Meeting

    meeting_id = window.ws.read(lambda s: s.scalar(select(Meeting.id).where(
        Meeting.ext_id == FAXE)))

    def shoot() -> None:
        window.open_meeting(meeting_id)
        window.enter_decisions()
        entry = window.decision_entry
        entry.setGeometry(entry.screen().availableGeometry())  # as large as a laptop allows
        entry.decision.insertPlainText("\n".join(_TYPED))
        settle(app)
        entry.grab().save(str(OUT / "beslutninger.png"))
        entry.decision.commit()
        app.quit()

    run(app, shoot)


if __name__ == "__main__":
    main()
