"""Take offentlig-beslutning.png (the item editor on a closed item, at its public decision
text) and offentlig-beslutning-indtastning.png (the same item in the decision entry mode),
on the Prøvekommune example before it was signed, under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" \
        python docs/screenshots/take_public_decision_screenshots.py
"""

from __future__ import annotations

from example_window import OUT, example_window, run, settle

ITEM = "oeu-2026-09-30-303"  # Salg af kommunal grund, Havnevej 12 (lukket)


def main() -> None:
    app, window = example_window(before_signing=True)
    from sqlalchemy import select

    from model.entities import Item

    window.setGeometry(window.screen().availableGeometry())  # 1366×768
    meeting_id, item_id = window.ws.read(lambda s: tuple(s.execute(
        select(Item.meeting_id, Item.id).where(Item.ext_id == ITEM)).one()))

    def shoot() -> None:
        window.open_meeting(meeting_id)
        window.agenda.select_item(item_id)
        settle(app)
        editor = window.editor
        editor.page.layout().activate()
        editor.scroll.ensureWidgetVisible(editor.public_decision.field, 0, 40)
        editor.public_decision.field.edit.setFocus()
        settle(app)
        window.grab().save(str(OUT / "offentlig-beslutning.png"))
        window.enter_decisions()
        entry = window.decision_entry
        entry.setGeometry(entry.screen().availableGeometry())
        entry.entry.go_to(item_id)
        entry.show_current()
        entry.public.edit.setFocus()
        settle(app)
        entry.grab().save(str(OUT / "offentlig-beslutning-indtastning.png"))
        app.quit()

    run(app, shoot)


if __name__ == "__main__":
    main()
