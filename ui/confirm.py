"""A question before a step that matters, with buttons that say in Danish what they do."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox


def tr(text: str) -> str:
    return QCoreApplication.translate("Confirm", text)


def ask(parent, title: str, text: str, explanation: str, accept_text: str,
        cancel_text: str | None = None, accept_default: bool = False) -> bool:
    """True if the secretary chose `accept_text`; Annullér (Esc, and Return unless
    `accept_default`: for a step that can be undone) is False."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setInformativeText(explanation)
    accept = box.addButton(accept_text, QMessageBox.ButtonRole.AcceptRole)
    cancel = box.addButton(cancel_text or tr("Annullér"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(accept if accept_default else cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is accept
