"""An unexpected error: what was typed is stored first, the traceback goes to a log in the
data folder, and the secretary sees a Danish message she can copy for whoever helps her.

faulthandler writes to a file beside the log, so even a crash inside Qt leaves a trace.
"""

from __future__ import annotations

import datetime as dt
import faulthandler
import sys
import traceback
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

LOG_NAME = "fejl.log"
FAULT_NAME = "nedbrud.log"
_fault_file = None  # kept open for faulthandler for the life of the process
_showing = False  # one dialog at a time: an error inside the dialog goes to the log only


def tr(text: str) -> str:
    return QCoreApplication.translate("Crash", text)


def data_folder() -> Path:
    """The user's data folder, where the archive lives by default."""
    from model.database import default_archive_path

    return default_archive_path().parent


def write_log(details: str, folder: Path | None = None) -> Path | None:
    """Append the details to the error log; None if even that is impossible."""
    folder = folder or data_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        with path.open("a", encoding="utf-8") as log:
            log.write(f"--- {dt.datetime.now():%Y-%m-%d %H:%M:%S}\n{details}\n")
        return path
    except OSError:
        return None


def enable_faulthandler(folder: Path | None = None) -> Path | None:
    global _fault_file
    folder = folder or data_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        _fault_file = (folder / FAULT_NAME).open("a", encoding="utf-8")
    except OSError:
        return None
    faulthandler.enable(_fault_file)
    return folder / FAULT_NAME


def summary(error: BaseException) -> str:
    """One Danish line about the error: the operating system's errors are named."""
    if isinstance(error, OSError):
        from model.os_errors import message

        return message(error)
    return tr("Der opstod en uventet fejl i programmet.")


class CrashDialog(QDialog):
    def __init__(self, line: str, details: str, log: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Referent – fejl"))
        self.details = details
        text = line + "\n\n" + tr(
            "Det, du har skrevet, er gemt. Du kan arbejde videre; opstår fejlen igen, så "
            "send detaljerne til den, der hjælper dig med Referent."
        )
        if log is not None:
            text += "\n\n" + tr("Detaljerne er også skrevet i %1").replace("%1", str(log))
        message = QLabel(text, self)
        message.setWordWrap(True)
        self.view = QPlainTextEdit(details, self)
        self.view.setReadOnly(True)
        self.view.setProperty("referent_no_spelling", True)  # a traceback, not prose
        self.view.setMaximumHeight(180)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, self)
        self.copy_button = QPushButton(tr("Kopiér detaljer"), self)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(self.view)
        layout.addWidget(buttons)
        self.resize(620, 360)

    def copy(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(tr("Kopieret"))


def install(flush: Callable[[], None] | None = None, parent: Callable[[], QWidget | None] = None
            ) -> None:
    """Take over sys.excepthook: store typed text, log, then tell the secretary."""
    from ui.help import version

    def hook(kind, error, tb) -> None:
        global _showing
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        details = f"Referent {version()}\n" + "".join(traceback.format_exception(kind, error, tb))
        if flush is not None:
            try:
                flush()  # what was typed is stored before anything else can go wrong
            except Exception as failed:  # noqa: BLE001 - the error report must still come
                details += "\nDet skrevne kunne ikke gemmes: " + "".join(
                    traceback.format_exception(failed)
                )
        log = write_log(details)
        sys.stderr.write(details)
        if _showing or QApplication.instance() is None:
            return
        _showing = True
        try:
            CrashDialog(summary(error), details, log, parent() if parent else None).exec()
        finally:
            _showing = False

    sys.excepthook = hook
