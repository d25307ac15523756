"""A signed meeting in the window: how the window knows it, what it says, and the banner.

The rule itself (a signed meeting is never changed, only added to) is the model's; the
window only asks `model.decisions.is_locked`, so it can disable what would be refused
and say why before anything is tried.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from model import agenda, decisions
from model.errors import ReferentError

# Read-only fields greyed, so no one starts typing into a field that will not take it.
LOCKED_BASE = "#f2f2f2"
LOCKED_STYLE = (
    "QLineEdit, QTextEdit, QPlainTextEdit, QListWidget, QTableWidget "
    f"{{ background: {LOCKED_BASE}; }}"
)


def grey_fields(widget: QWidget, locked: bool) -> None:
    """LOCKED_STYLE's grey, as a palette: the fields (and lists) in `widget` have it while
    `locked`, those made later too. A style sheet would style every field anew each time it
    is set (8-10 ms in the item editor) and make the fields slower to make and to paint."""
    palette = QPalette()  # nothing of its own: the parent's palette again
    if locked:
        palette = QPalette(widget.palette())
        for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
            palette.setColor(group, QPalette.ColorRole.Base, QColor(LOCKED_BASE))
    widget.setPalette(palette)


def tr(text: str) -> str:
    return QCoreApplication.translate("Signed", text)


def reason() -> str:
    """Why nothing in a signed meeting can be edited, and what can be done instead."""
    return tr("Mødet er underskrevet. Referatet kan ikke ændres; tilføj en dateret rettelse.")


def meeting_signed(session, meeting_id: int) -> bool:
    """Whether the meeting is signed (a query, for `Workspace.read`)."""
    return decisions.is_locked(agenda.get_meeting(session, meeting_id))


def item_signed(session, item_id: int) -> bool:
    return decisions.is_locked(agenda.get_item(session, item_id).meeting)


def editing(method: Callable) -> Callable:
    """A slot that changes the open meeting: refused with the reason while `self.signed()`
    (asked of the archive: another program may have signed it meanwhile), and a refusal by
    the model (a ReferentError) is shown rather than raised. After either, `self.refused()`
    shows the stored state again."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            if self.signed():
                raise ReferentError(reason())
            return method(self, *args, **kwargs)
        except ReferentError as error:
            self.refused()
            self.ws.failed.emit(str(error))
            return None

    return run


class SignedBanner(QFrame):
    """The line over a signed meeting's editor: why it is read-only, and the one way on."""

    correction_requested = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("signedBanner")
        self.setStyleSheet(
            "#signedBanner { background: #fff3cd; border: 1px solid #e0c36c; }"
        )
        self.label = QLabel(reason(), self)
        self.label.setWordWrap(True)
        self.button = QPushButton(tr("Tilføj rettelse…"), self)
        self.button.setToolTip(tr("En dateret rettelse til punktets beslutning"))
        self.button.clicked.connect(lambda _c=False: self.correction_requested.emit())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.button)
        self.hide()


def confirm_signing(parent, title: str) -> bool:
    """Ask before a meeting becomes signed, saying what that means; False: Annullér."""
    from ui.confirm import ask

    return ask(
        parent, tr("Underskriv referatet"),
        tr("Sæt »%1« til underskrevet?").replace("%1", title),
        tr("Referatet bliver dermed forseglet som mødets protokol: punkter, afsnit, bilag, "
           "beslutninger og fremmøde kan ikke længere ændres, og trinnet kan ikke fortrydes. "
           "Bagefter kan referatet kun tilføjes daterede rettelser."),
        tr("Underskriv"),
    )
