"""Filer › Udgiv offentlige dokumenter…: the public website, written in the background."""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
)

from model import browse, os_errors
from model.errors import ReferentError
from ui.line_field import ErrorLabel
from ui.settings import settings
from ui.workspace import Workspace

FOLDER_KEY = "publish/folder"
URL_KEY = "publish/url"


class _Signals(QObject):
    finished = Signal(object)  # the PublishReport
    cpr = Signal(object)  # the CprFound error: ask before publishing anyway
    public_texts = Signal(object)  # PublicTextsMissing: ask before publishing anyway
    failed = Signal(str)


class PublishJob(QRunnable):
    def __init__(
        self, workspace: Workspace, out: Path, committees: list[str], url: str, allow_cpr: bool,
        ask_public_texts: bool = True,
    ):
        super().__init__()
        self.ws = workspace
        self.args = (out, committees, url, allow_cpr, ask_public_texts)
        self.signals = _Signals()

    def run(self) -> None:
        from exporters.publish import CprFound, PublicTextsMissing, publish_site

        try:
            with self.ws.archive.sessions() as session:
                report = publish_site(session, *self.args)
        except CprFound as error:
            self.signals.cpr.emit(error)
        except PublicTextsMissing as error:
            self.signals.public_texts.emit(error)
        except ReferentError as error:
            self.signals.failed.emit(str(error))
        except OSError as error:
            self.signals.failed.emit(os_errors.message(error))
        except Exception:  # noqa: BLE001 - a failed publish must not take the window down
            self.signals.failed.emit(
                "Webstedet kunne ikke udgives:\n" + traceback.format_exc(limit=3)
            )
        else:
            self.signals.finished.emit(report)


class PublishDialog(QDialog):
    def __init__(self, workspace: Workspace, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.job: PublishJob | None = None
        self.setWindowTitle(self.tr("Udgiv offentlige dokumenter"))
        self.setMinimumWidth(520)
        stored = settings()
        self.folder = QLineEdit(str(stored.value(FOLDER_KEY, "") or ""), self)
        browse_button = QPushButton(self.tr("Gennemse…"), self)
        browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(browse_button)
        self.url = QLineEdit(str(stored.value(URL_KEY, "") or ""), self)
        self.url.setPlaceholderText("https://www.kommune.dk/referater")
        self.committees = QListWidget(self)
        for ext_id, name in workspace.read(browse.committee_ids):
            entry = QListWidgetItem(name, self.committees)
            entry.setData(Qt.ItemDataRole.UserRole, ext_id)
            entry.setCheckState(Qt.CheckState.Checked)
        self.open_after = QCheckBox(self.tr("Åbn forsiden bagefter"), self)
        self.open_after.setChecked(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Mappe"), folder_row)
        form.addRow(self.tr("Webstedets adresse"), self.url)
        form.addRow(self.tr("Udvalg"), self.committees)
        form.addRow("", self.open_after)
        intro = QLabel(
            self.tr(
                "Dagsordener og referater udgives i den offentlige udgave: lukkede punkter kun med "
                "nummer, offentlig titel og den del af beslutningen, der må offentliggøres. Med "
                "mødekalender og feed. Filer, der ikke er ændret, skrives ikke igen."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.publish_button = self.buttons.addButton(
            self.tr("Udgiv"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(lambda: self.start(allow_cpr=False))
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def chosen(self) -> list[str]:
        rows = (self.committees.item(i) for i in range(self.committees.count()))
        return [
            r.data(Qt.ItemDataRole.UserRole)
            for r in rows
            if r.checkState() == Qt.CheckState.Checked
        ]

    def _browse(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Vælg mappe"), self.folder.text())
        if path:
            self.folder.setText(path)

    def start(self, allow_cpr: bool, ask_public_texts: bool = True) -> None:
        self.error.show_message(None)
        text = self.folder.text().strip()
        if not text:
            self.error.show_message(self.tr("Vælg den mappe, webstedet skal skrives i."))
            return
        out = Path(text).expanduser()
        if not out.parent.is_dir():
            self.error.show_message(
                self.tr("Mappen %1 findes ikke.").replace("%1", str(out.parent))
            )
            return
        committees = self.chosen()
        if not committees:
            self.error.show_message(self.tr("Vælg mindst ét udvalg."))
            return
        stored = settings()
        stored.setValue(FOLDER_KEY, str(out))
        stored.setValue(URL_KEY, self.url.text().strip())
        self.publish_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.status.setText(self.tr("Udgiver …"))
        self.job = PublishJob(self.ws, out, committees, self.url.text().strip(), allow_cpr,
                              ask_public_texts)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.public_texts.connect(
            lambda error, cpr=allow_cpr: self._public_texts(error, cpr))
        self.job.signals.failed.connect(self._failed)
        self.job.signals.cpr.connect(self._cpr)
        QThreadPool.globalInstance().start(self.job)

    def _stop(self) -> None:
        self.progress.setRange(0, 1)
        self.publish_button.setEnabled(True)

    def _finished(self, report) -> None:
        self._stop()
        self.progress.setValue(1)
        index = Path(self.folder.text().strip()).expanduser() / "index.html"
        self.status.setText(
            f"{report.summary()}.\n" + self.tr("Forsiden: %1").replace("%1", str(index))
        )
        self.last_report = report
        if self.open_after.isChecked():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(index)))

    def _failed(self, message: str) -> None:
        self._stop()
        self.status.setText("")
        self.error.show_message(message)

    def _cpr(self, error) -> None:
        self._stop()
        self.status.setText("")
        if self.ask_cpr(error.warnings):
            self.start(allow_cpr=True)
        else:
            self.error.show_message(self.tr("Intet er udgivet. Ret teksten, og udgiv igen."))

    def _public_texts(self, error, allow_cpr: bool) -> None:
        self._stop()
        self.status.setText("")
        if self.ask_public_texts(error.warnings):
            self.start(allow_cpr=allow_cpr, ask_public_texts=False)
        else:
            self.error.show_message(self.tr(
                "Intet er udgivet. Skriv de offentlige beslutningstekster, og udgiv igen."))

    def ask_public_texts(self, warnings: list[str]) -> bool:
        """The closed, decided items whose public referat shows no decision; True to
        publish all the same."""
        from ui.dialogs.cpr_question import go_on_anyway

        return go_on_anyway(self, warnings, self.tr(
            "Referaterne viser intet af beslutningen på disse lukkede punkter:"
        ), self.tr("Udgiv alligevel"), self.tr("Offentlig beslutningstekst mangler"),
            self.tr("Skriv teksten først"))

    def ask_cpr(self, warnings) -> bool:
        """Where the public text looks like CPR numbers; True to publish all the same."""
        from ui.dialogs.cpr_question import go_on_anyway

        return go_on_anyway(self, warnings, self.tr(
            "Webstedet er offentligt, og disse steder ligner CPR-numre:"
        ), self.tr("Udgiv alligevel"))

    def is_busy(self) -> bool:
        return self.progress.maximum() == 0
