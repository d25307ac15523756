"""The item editor's parts beyond its fields: sections added and removed, the case
chosen and its earlier decisions fetched; each an undoable step."""

from __future__ import annotations

from PySide6.QtWidgets import QInputDialog

from model import cases, item_edit
from ui import commands
from ui.signed import editing


class ItemParts:
    """Mixed into `ItemEditor`: uses its `ws`, `view`, `headings`, `section_boxes`,
    `add_section_button`, `flush`, `_push` and `show_item`."""

    # -- sections ----------------------------------------------------------------

    def _fill_section_menu(self) -> None:
        menu = self.add_section_button.menu()
        menu.clear()
        present = {s.heading for s in self.view.sections} if self.view else set()
        for heading in self.headings:
            if heading not in present:
                menu.addAction(heading, lambda h=heading: self.add_section(h))
        menu.addSeparator()
        menu.addAction(self.tr("Andet afsnit…"), self._ask_section)

    @editing
    def _ask_section(self) -> None:
        heading, ok = QInputDialog.getText(
            self, self.tr("Nyt afsnit"), self.tr("Overskrift, f.eks. Sagen afgøres af:")
        )
        if ok and heading.strip():
            self.add_section(heading)

    @editing
    def add_section(self, heading: str) -> None:
        self.flush()
        v = self.view
        section_id = self.ws.write(item_edit.add_section, v.id, heading)
        self._push(commands.SectionCommand(
            self.ws, v.meeting_id, v.id, section_id, True, self.tr("Tilføj afsnit")
        ))
        self.show_item(v.id)

    @editing
    def _remove_section(self, section_id: int) -> None:
        self.flush()
        v = self.view
        box = next((b for b in self.section_boxes if b.section_id == section_id), None)
        snapshot = self.ws.write(item_edit.remove_section, section_id,
                                 box.version if box is not None else None)
        self._push(commands.SectionCommand(
            self.ws, v.meeting_id, v.id, section_id, False, self.tr("Fjern afsnit"), snapshot
        ))
        self.show_item(v.id)

    # -- case and history --------------------------------------------------------

    @editing
    def choose_case(self) -> None:
        from ui.dialogs.case_dialog import CaseDialog

        v = self.view
        dialog = CaseDialog(self.ws, v.case_id, v.title, v.journal_number, self)
        if dialog.exec():
            old = self.ws.write(cases.set_item_case, v.id, dialog.case_id)
            self._push(commands.ItemCaseCommand(self.ws, v.meeting_id, v.id, old, dialog.case_id))
            self.show_item(v.id)

    @editing
    def fetch_history(self) -> None:
        self.flush()
        v = self.view
        added = self.ws.write(cases.add_case_history, v.id)
        if added:
            self._push(commands.CaseHistoryCommand(self.ws, v.meeting_id, v.id, added))
        self.show_item(v.id)
        if not added:
            self.ws.failed.emit(self.tr("Sagen har ingen tidligere beslutninger, der mangler her."))
