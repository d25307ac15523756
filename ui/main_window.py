"""The main window: committees and meetings, the agenda, and the item editor side by side."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeView,
)

from model import agenda, browse
from model.errors import ReferentError
from ui import commands, confirm
from ui.agenda_pane import AgendaPane
from ui.file_commands import FileCommands
from ui.item_editor import ItemEditor
from ui.meeting_steps import MeetingSteps
from ui.meeting_tree import COMMITTEE_ID_ROLE, MEETING_ID_ROLE, MeetingTreeModel
from ui.screen_fit import resize_within_screen
from ui.settings import settings
from ui.signed import editing, meeting_signed
from ui.workspace import Workspace


def _opened(session, meeting_id: int) -> tuple[browse.MeetingView, list[str], bool]:
    """What the window needs of a meeting it opens, read at once: the meeting, its
    committee's section headings, and whether it is signed."""
    from model.decisions import is_locked

    # Held while the view is made: the session keeps only what is referenced, and the
    # meeting and its committee would otherwise be read again for each question.
    meeting = agenda.get_meeting(session, meeting_id)
    view = browse.meeting_view(session, meeting_id)
    return view, list(meeting.committee.section_headings), is_locked(meeting)


class MainWindow(MeetingSteps, FileCommands, QMainWindow):
    def __init__(self, workspace: Workspace):
        super().__init__()
        self.ws = workspace
        workspace.setParent(self)  # the undo stack goes with the window's actions
        self.meeting_id: int | None = None
        self._signed = False  # the open meeting is signed: its editing actions are off
        self.setWindowTitle(self._window_title())
        self.tree_model = MeetingTreeModel(workspace, self)
        self.tree = QTreeView(self)
        self.tree.setModel(self.tree_model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, self.tree.header().ResizeMode.Fixed)
        self.tree.header().resizeSection(
            1, self.tree.fontMetrics().horizontalAdvance("dagsorden udsendt") + 16
        )
        self.tree.selectionModel().currentChanged.connect(self._tree_current)
        self.agenda = AgendaPane(workspace, self)
        self.editor = ItemEditor(workspace, self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.agenda)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 5)
        self.setCentralWidget(self.splitter)
        self._actions()
        self._menus()
        self.setAcceptDrops(True)  # a scanned protocol dropped on the window is read
        self._connect()
        self._restore()
        self.statusBar().showMessage(self.tr("Alt gemmes, mens du skriver."), 5000)

    def _window_title(self) -> str:
        where = self.ws.archive.path or self.tr("databaseserver")
        # Ending in the application's display name, so the platform does not add it again.
        return self.tr("%1 – Referent").replace("%1", str(where))

    # -- actions -------------------------------------------------------------------

    def _action(self, text: str, slot, shortcut=None, tip: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _actions(self) -> None:
        S = QKeySequence.StandardKey  # noqa: N806
        ctrl = Qt.Modifier.CTRL
        self.act_committees = self._action(self.tr("&Udvalg og medlemmer…"), self.edit_committees)
        self.act_new_meeting = self._action(
            self.tr("Nyt &møde…"), self.new_meeting, ctrl | Qt.Modifier.SHIFT | Qt.Key.Key_N
        )
        self.act_import = self._action(self.tr("&Indlæs udvekslingsfil…"), self.import_file, S.Open)
        self.act_export_file = self._action(
            self.tr("&Gem møde som udvekslingsfil…"), self.export_interchange
        )
        self.act_export = self._action(
            self.tr("&Eksportér dokument…"), self.export_document, ctrl | Qt.Key.Key_E,
            self.tr("Dagsorden eller referat som PDF eller Word"),
        )
        self.act_publish = self._action(
            self.tr("&Udgiv offentlige dokumenter…"), self.publish_site, None,
            self.tr("Dagsordener og referater som websted med mødekalender"),
        )
        self.act_print = self._action(
            self.tr("&Udskriv…"), self.print_document, S.Print,
            self.tr("Dagsorden, referat eller protokol til printeren, med forhåndsvisning"),
        )
        self.act_restore = self._action(
            self.tr("Gendan &sikkerhedskopi…"), self.restore_backup, None,
            self.tr("Gendan arkivet fra en af dets daglige kopier"),
        )
        self.act_quit = self._action(self.tr("&Afslut"), self.close, S.Quit)
        self.act_undo = self._action(self.tr("&Fortryd"), self.undo, S.Undo)
        self.act_redo = self._action(self.tr("&Gentag"), self.redo, S.Redo)
        self.act_new_item = self._action(self.tr("&Nyt punkt"), self.new_item, S.New)
        self.act_delete_item = self._action(self.tr("&Slet punkt"), self.delete_item, S.Delete)
        self.act_up = self._action(self.tr("Flyt punkt &op"), lambda: self.move_item(-1),
                                   ctrl | Qt.Key.Key_Up)
        self.act_down = self._action(self.tr("Flyt punkt &ned"), lambda: self.move_item(1),
                                     ctrl | Qt.Key.Key_Down)
        self.act_next = self._action(self.tr("Næste punkt"), lambda: self.step_item(1),
                                     ctrl | Qt.Key.Key_PageDown)
        self.act_previous = self._action(self.tr("Forrige punkt"), lambda: self.step_item(-1),
                                         ctrl | Qt.Key.Key_PageUp)
        self.act_search = self._action(self.tr("&Søg i arkivet"), self.focus_search, S.Find)
        self.act_details = self._action(self.tr("&Mødeoplysninger og fremmøde…"),
                                        self.edit_meeting)
        self.act_status = self._action(self.tr("Næste &trin for mødet"), self.advance_status,
                                       ctrl | Qt.Modifier.SHIFT | Qt.Key.Key_T)
        self.act_postponed = self._action(self.tr("&Udsatte punkter…"), self.take_postponed)
        self.act_copy = self._action(self.tr("&Kopiér dagsorden fra et tidligere møde…"),
                                     self.copy_agenda)
        # Not Ctrl+B: that is bold in every text field.
        self.act_decisions = self._action(
            self.tr("Indtast &beslutninger…"), self.enter_decisions,
            ctrl | Qt.Modifier.SHIFT | Qt.Key.Key_B,
            self.tr("Punkterne ét efter ét fra den udfyldte protokol, kun med tastaturet"),
        )
        self.act_scan = self._action(
            self.tr("Indlæs &scannet protokol…"), self.load_scan, None,
            self.tr("Læs afkrydsninger og håndskrift fra den scannede protokol"),
        )
        self.act_correction = self._action(
            self.tr("Tilføj &rettelse…"), self.add_correction, None,
            self.tr("En dateret rettelse til et underskrevet referat"),
        )
        self.act_follow_ups = self._action(
            self.tr("&Opfølgningsliste"), self.show_follow_ups,
            ctrl | Qt.Modifier.SHIFT | Qt.Key.Key_O,
        )
        self.act_history = self._action(self.tr("&Historik…"), self.show_history)
        self.act_about = self._action(self.tr("&Om Referent"), self.about)
        # Keys that mean something else inside a text field work when the agenda has focus.
        for action in (self.act_delete_item, self.act_up, self.act_down):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.agenda.view.addAction(action)
        # Ctrl+Y as well: what Word on Windows taught most secretaries.
        redo_keys = QKeySequence.keyBindings(S.Redo)
        ctrl_y = QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Y)
        self.act_redo.setShortcuts(redo_keys + ([] if ctrl_y in redo_keys else [ctrl_y]))
        for action in (self.act_undo, self.act_redo):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        # Undo stays enabled: typing not yet stored becomes a step when Undo is pressed.
        stack = self.ws.undo_stack
        stack.undoTextChanged.connect(
            lambda t: self.act_undo.setText(self.tr("&Fortryd %1").replace("%1", t))
        )
        stack.redoTextChanged.connect(
            lambda t: self.act_redo.setText(self.tr("&Gentag %1").replace("%1", t))
        )

    def _menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&Filer"))
        for action in (self.act_new_meeting, self.act_committees, None, self.act_import,
                       self.act_export_file, self.act_export, self.act_print, self.act_publish,
                       None,
                       self.act_restore, None,
                       self.act_quit):
            file_menu.addSeparator() if action is None else file_menu.addAction(action)
        edit_menu = bar.addMenu(self.tr("&Rediger"))
        for action in (self.act_undo, self.act_redo, None, self.act_new_item,
                       self.act_delete_item, self.act_up, self.act_down, None, self.act_next,
                       self.act_previous, None, self.act_search):
            edit_menu.addSeparator() if action is None else edit_menu.addAction(action)
        meeting_menu = bar.addMenu(self.tr("&Møde"))
        for action in (self.act_details, self.act_status, self.act_postponed, self.act_copy,
                       None, self.act_decisions, self.act_scan, self.act_correction,
                       self.act_follow_ups,
                       self.act_history):
            meeting_menu.addSeparator() if action is None else meeting_menu.addAction(action)
        self._help_menu(bar)

        tools = self.addToolBar(self.tr("Værktøjer"))
        tools.setObjectName("tools")
        for action in (self.act_new_meeting, self.act_new_item, self.act_delete_item,
                       self.act_up, self.act_down, None, self.act_undo, self.act_redo, None,
                       self.act_decisions, self.act_export):
            tools.addSeparator() if action is None else tools.addAction(action)
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Søg i arkivet (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setMaximumWidth(280)
        self.search_box.returnPressed.connect(self.run_search)
        tools.addSeparator()
        tools.addWidget(self.search_box)
        from ui.search_panel import SearchPanel

        self.search_panel = SearchPanel(self.ws, self)
        self.search_panel.setObjectName("search")
        self.search_panel.open_item.connect(self.open_item)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.search_panel)
        self.search_panel.hide()
        self.decision_entry = None  # the entry window while it is open
        self.follow_up_list = None  # made when first shown

    def _connect(self) -> None:
        ws = self.ws
        self.agenda.item_selected.connect(self._item_selected)
        self.agenda.model.move_requested.connect(self._move_to)
        self.agenda.details_requested.connect(self.edit_meeting)
        self.agenda.status_requested.connect(self.advance_status)
        self.agenda.postponed_requested.connect(self.take_postponed)
        ws.agenda_changed.connect(self._agenda_changed)
        ws.select_item.connect(self.open_item)
        ws.show_meeting.connect(self.open_meeting)
        self.editor.correction_requested.connect(self.add_correction)
        ws.meeting_changed.connect(self._meeting_changed)
        ws.committees_changed.connect(self._committees_changed)
        ws.failed.connect(self.show_error)
        self._update_actions()

    # -- layout remembered -----------------------------------------------------------

    def _restore(self) -> None:
        store = settings()
        geometry = store.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            resize_within_screen(self, 1300, 820)
        state = store.value("window/state")
        if state is not None:
            self.restoreState(state)
        splitter = store.value("window/splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        else:
            self.splitter.setSizes([280, 380, 640])
        last = store.value("meeting/last")
        if last is not None:
            # Once the window is on screen: it shows without waiting for the meeting.
            QTimer.singleShot(0, self, lambda: self._reopen(last))

    def _reopen(self, last) -> None:
        """The meeting open when the window was last closed, unless one is open already
        or it is gone."""
        if self.meeting_id is not None:
            return
        try:
            self.open_meeting(int(last))
        except (ReferentError, ValueError):
            pass

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.flush()
        store = settings()
        store.setValue("window/geometry", self.saveGeometry())
        store.setValue("window/state", self.saveState())
        store.setValue("window/splitter", self.splitter.saveState())
        if self.meeting_id is not None:
            store.setValue("meeting/last", self.meeting_id)
        store.sync()
        super().closeEvent(event)

    # -- selection -------------------------------------------------------------------

    def _tree_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        meeting_id = current.data(MEETING_ID_ROLE) if current.isValid() else None
        if meeting_id is not None and meeting_id != self.meeting_id:
            self._show_meeting(meeting_id)

    def _show_meeting(self, meeting_id: int | None) -> None:
        self.editor.flush()
        self.meeting_id = meeting_id
        self.editor.headings = []
        view = None
        self._signed = False
        if meeting_id is not None:
            view, self.editor.headings, self._signed = self.ws.read(_opened, meeting_id)
        self.agenda.show_meeting(meeting_id, view)
        self._update_actions()

    def open_meeting(self, meeting_id: int) -> None:
        """Show a meeting: select it in the tree (opening its committee and year)."""
        index = self.tree_model.index_of_meeting(meeting_id)
        if index.isValid():
            self.tree.scrollTo(index)
            self.tree.setCurrentIndex(index)
        if self.meeting_id != meeting_id:
            self._show_meeting(meeting_id)

    def open_item(self, meeting_id: int, item_id: int) -> None:
        """Show the item: its meeting opened, selected and scrolled to in the agenda, and in
        the decision entry too while that is open on the meeting."""
        if meeting_id != self.meeting_id:
            self.open_meeting(meeting_id)
        self.agenda.select_item(item_id)
        entry = self.decision_entry
        if entry is not None and entry.entry.meeting_id == meeting_id and (
            entry.current is None or entry.current.id != item_id
        ) and entry.entry.go_to(item_id):
            entry.show_current()

    def _item_selected(self, item_id: int | None) -> None:
        if self.editor.view is not None and item_id == self.editor.view.id:
            return
        self.editor.show_item(item_id)
        self._update_actions()

    def signed(self) -> bool:
        """Whether the open meeting is signed, as the archive says now."""
        return self.meeting_id is not None and self.ws.read(meeting_signed, self.meeting_id)

    def refused(self) -> None:
        """A change was refused: the actions follow what the archive holds now."""
        self._signed = self.signed()
        self._update_actions()
        self.agenda.refresh()

    def _update_actions(self) -> None:
        has_meeting = self.meeting_id is not None
        has_item = self.agenda.current_item() is not None
        editable = has_meeting and not self._signed
        for action in (self.act_details, self.act_export, self.act_export_file,
                       self.act_decisions, self.act_history, self.act_print):
            action.setEnabled(has_meeting)
        self.act_scan.setEnabled(editable)
        for action in (self.act_new_item, self.act_postponed, self.act_copy):
            action.setEnabled(editable)
        self.act_status.setEnabled(editable)  # a signed meeting has no next step
        self.act_correction.setEnabled(has_item and self._signed)
        for action in (self.act_delete_item, self.act_up, self.act_down):
            action.setEnabled(has_item and not self._signed)
        self.agenda.set_signed(self._signed)
        self.act_postponed.setEnabled(editable and self.agenda.waiting_count > 0)

    # -- reacting to changes -----------------------------------------------------------

    def _agenda_changed(self, meeting_id: int) -> None:
        if meeting_id == self.meeting_id:
            self.agenda.refresh()
            self.agenda.refresh_waiting()  # undoing a carry-over makes the item wait again
            self._update_actions()

    def _meeting_changed(self, meeting_id: int) -> None:
        row = self.ws.read(lambda s: browse.meeting_row(agenda.get_meeting(s, meeting_id)))
        self.tree_model.update_meeting(row)
        if meeting_id == self.meeting_id:
            self._signed = self.signed()
            self._update_actions()
            self.agenda.refresh_meeting()
            self.agenda.refresh()
            self.agenda.refresh_waiting()
            self._update_actions()
            if self.editor.view:
                self.editor.show_item(self.editor.view.id)

    def _committees_changed(self) -> None:
        current = self.meeting_id
        self.tree_model.reload()
        if current is not None:
            try:
                self.open_meeting(current)
            except ReferentError:
                self._show_meeting(None)

    def show_error(self, message: str) -> None:
        self.statusBar().showMessage(message, 10000)
        QMessageBox.warning(self, self.tr("Referent"), message)

    # -- undo ------------------------------------------------------------------------

    def flush(self) -> None:
        """What is typed anywhere becomes a stored step first."""
        self.editor.flush()
        if self.decision_entry is not None:
            self.decision_entry.flush()

    def undo(self) -> None:
        self.flush()  # what is typed becomes a step first, so undo takes it back
        self.ws.undo_stack.undo()

    def redo(self) -> None:
        self.flush()
        self.ws.undo_stack.redo()

    # -- follow-up ---------------------------------------------------------------------

    def show_follow_ups(self) -> None:
        from ui.follow_up_list import FollowUpList

        if self.follow_up_list is None:
            self.follow_up_list = FollowUpList(self.ws, self)
            self.follow_up_list.open_item.connect(self.open_item)
            self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.follow_up_list)
        self.follow_up_list.fill_filters()
        self.follow_up_list.show()
        self.follow_up_list.raise_()
        self.follow_up_list.table.setFocus()

    # -- agenda ------------------------------------------------------------------------

    @editing
    def new_item(self) -> None:
        if self.meeting_id is None:
            return
        self.editor.flush()
        row = self.agenda.current_row()
        index = row + 1 if row >= 0 else None
        try:
            change = self.ws.write(agenda.add_item, self.meeting_id, self.tr("Nyt punkt"), index)
        except ReferentError as error:
            self.show_error(str(error))
            return
        self.ws.undo_stack.push(commands.AddItemCommand(self.ws, change, self.tr("Nyt punkt")))
        self.agenda.refresh()
        self.agenda.select_item(change.item_id)
        self.editor.focus_title()

    @editing
    def delete_item(self) -> None:
        item_id = self.agenda.current_item()
        if item_id is None:
            return
        self.editor.flush()
        title = self.agenda.model.rows[self.agenda.current_row()].title
        if not confirm.ask(
            self, self.tr("Slet punkt"), self.tr("Slet punktet »%1«?").replace("%1", title),
            self.tr("Punktet slettes med afsnit, bilag og beslutning. Ctrl+Z fortryder."),
            self.tr("Slet punktet"), accept_default=True,
        ):
            return
        change = self.ws.write(agenda.delete_item, item_id, self.editor.item_version(item_id))
        self.ws.undo_stack.push(commands.DeleteItemCommand(self.ws, change, title))
        self.agenda.refresh()
        self.statusBar().showMessage(
            self.tr("Punktet »%1« er slettet; Ctrl+Z fortryder.").replace("%1", title), 8000
        )

    @editing
    def move_item(self, step: int) -> None:
        row = self.agenda.current_row()
        if row < 0:
            return
        target = row + step
        if 0 <= target < len(self.agenda.model.rows):
            self._move_to(self.agenda.current_item(), target)

    @editing
    def _move_to(self, item_id: int, index: int) -> None:
        self.editor.flush()
        shown = [row.id for row in self.agenda.model.rows]  # an agenda changed since is refused
        change = self.ws.write(agenda.move_item, item_id, index, shown)
        self.ws.undo_stack.push(commands.MoveItemCommand(self.ws, change, index))
        self.agenda.refresh()
        self.agenda.select_item(item_id)

    def step_item(self, step: int) -> None:
        row = self.agenda.current_row() + step
        if 0 <= row < len(self.agenda.model.rows):
            self.agenda.select_item(self.agenda.model.rows[row].id)

    # -- meetings and committees -----------------------------------------------------

    def _current_committee(self) -> int | None:
        index = self.tree.currentIndex()
        if index.isValid():
            return index.data(COMMITTEE_ID_ROLE)
        if self.tree_model.rowCount() == 1:
            return self.tree_model.index(0, 0).data(COMMITTEE_ID_ROLE)
        return None

    def new_meeting(self) -> None:
        from ui.dialogs.meeting_dialog import MeetingDialog

        if not self.tree_model.rowCount():
            self.edit_committees()
            if not self.tree_model.rowCount():
                return
        self.editor.flush()
        dialog = MeetingDialog(self.ws, None, self._current_committee(), self)
        if dialog.exec():
            self.tree_model.refresh_committee(dialog.committee_id)
            self.open_meeting(dialog.meeting_id)

    def edit_meeting(self) -> None:
        from ui.dialogs.meeting_dialog import MeetingDialog

        if self.meeting_id is None:
            return
        self.editor.flush()
        dialog = MeetingDialog(self.ws, self.meeting_id, None, self)
        if dialog.exec():
            self.tree_model.refresh_committee(dialog.committee_id)
            self.open_meeting(self.meeting_id)
            self.ws.meeting_changed.emit(self.meeting_id)

    def show_history(self) -> None:
        from ui.dialogs.history_dialog import HistoryDialog

        if self.meeting_id is not None:
            self.editor.flush()
            HistoryDialog(self.ws, self.meeting_id, self).exec()

    @editing
    def take_postponed(self) -> None:
        from ui.dialogs.postponed_dialog import take_postponed

        if self.meeting_id is not None:
            self.editor.flush()
            take_postponed(self.ws, self.meeting_id, self.agenda.current_row(), self)
            self.agenda.refresh_waiting()
            self._update_actions()

    @editing
    def copy_agenda(self) -> None:
        from ui.dialogs.postponed_dialog import copy_agenda

        if self.meeting_id is not None:
            self.editor.flush()
            copy_agenda(self.ws, self.meeting_id, self)

    def edit_committees(self) -> None:
        from ui.dialogs.committee_dialog import CommitteeDialog

        self.editor.flush()
        CommitteeDialog(self.ws, self._current_committee(), self).exec()
        self.ws.committees_changed.emit()

    # -- search ------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def run_search(self) -> None:
        self.editor.flush()
        self.search_panel.search(self.search_box.text())

    def about(self) -> None:
        from ui import help

        help.show_about(self)

    # -- help and keys -------------------------------------------------------------------

    def _help_menu(self, bar) -> None:
        from ui import help
        from ui.keys import ProgramKeys

        self.act_shortcuts = self._action(
            self.tr("&Tastaturgenveje"), lambda: help.show_shortcuts(self), Qt.Key.Key_F1
        )
        self.act_guide = self._action(
            self.tr("&Sådan bruger du Referent"), lambda: help.show_guide(self)
        )
        menu = bar.addMenu(self.tr("&Hjælp"))
        for action in (self.act_shortcuts, self.act_guide, None, self.act_about):
            menu.addSeparator() if action is None else menu.addAction(action)
        # The program's own keys beat a text field's (Ctrl+E is "end of line" there).
        self.program_keys = ProgramKeys(self, [self.act_export, self.act_new_meeting,
                                               self.act_decisions, self.act_follow_ups])
