"""Export a meeting's document (dagsorden, referat ...) as PDF or Word, in the background."""

from __future__ import annotations

import traceback
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QStandardPaths, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
)

from model import browse, os_errors
from model.errors import ReferentError
from ui.line_field import ErrorLabel
from ui.settings import settings
from ui.workspace import Workspace

WITH_BILAG = "dagsorden_bilag"
DOCUMENTS = [
    ("dagsorden", "Dagsorden"),
    (WITH_BILAG, "Dagsorden med bilag (én PDF)"),
    ("referat", "Referat"),
    ("protokol", "Beslutningsprotokol (papir)"),
    ("underskriftsark", "Underskriftsark"),
    ("opfoelgning", "Opfølgningsliste"),
]


class _Signals(QObject):
    finished = Signal(str)  # the path written
    failed = Signal(str)
    noted = Signal(str)  # said after the path: bilag left out of a bundle


class RenderJob(QRunnable):
    """Builds the document on a worker thread, with a session of its own."""

    def __init__(self, workspace: Workspace, meeting_ext_id: str, document: str, fmt: str,
                 public: bool, out: Path):
        super().__init__()
        self.ws = workspace
        self.args = (meeting_ext_id, document, fmt, public, out)
        self.signals = _Signals()

    def run(self) -> None:
        try:
            try:
                from exporters.render import render_meeting
            except ImportError:
                raise ReferentError(
                    "Dokumenter kan endnu ikke dannes i denne version af Referent."
                ) from None
            with self.ws.archive.sessions() as session:
                if self.args[1] == WITH_BILAG:
                    self._bundle(session)
                else:
                    render_meeting(session, *self.args)
        except ReferentError as error:
            self.signals.failed.emit(str(error))
        except OSError as error:
            self.signals.failed.emit(os_errors.message(error))
        except Exception:  # noqa: BLE001 - a failed export must not take the window down
            self.signals.failed.emit(
                "Dokumentet kunne ikke dannes:\n" + traceback.format_exc(limit=3)
            )
        else:
            self.signals.finished.emit(str(self.args[-1]))


    def _bundle(self, session) -> None:
        from exporters.agenda_bundle import render_bundle

        ext_id, _document, _fmt, public, out = self.args
        bundle = render_bundle(session, ext_id, out, public)
        if bundle.skipped:
            self.signals.noted.emit(
                "Kan ikke læses som PDF og er ikke taget med: " + "; ".join(bundle.skipped)
            )


class ExportDialog(QDialog):
    done = Signal(str)

    def __init__(self, workspace: Workspace, meeting_id: int, parent=None):
        super().__init__(parent)
        self.ws = workspace
        self.meeting = workspace.read(browse.meeting_view, meeting_id)
        self.short_name = workspace.read(
            lambda s: browse.get_meeting(s, meeting_id).committee.short_name
        )
        self.job: RenderJob | None = None
        self.setWindowTitle(self.tr("Eksportér dokument"))
        self.setMinimumWidth(520)
        self.document = QComboBox(self)
        for key, label in DOCUMENTS:
            self.document.addItem(self.tr(label), key)
        held = self.meeting.status not in ("draft", "agenda_published")
        self.document.setCurrentIndex(self.document.findData("referat" if held else "dagsorden"))
        self.pdf = QRadioButton(self.tr("PDF"), self)
        self.docx = QRadioButton(self.tr("Word (.docx)"), self)
        self.pdf.setChecked(True)
        formats = QHBoxLayout()
        formats.addWidget(self.pdf)
        formats.addWidget(self.docx)
        formats.addStretch(1)
        self.public = QCheckBox(self.tr("Offentlig udgave (lukkede punkter vises kun med titel)"),
                                self)
        self.path = QLineEdit(self)
        browse_button = QPushButton(self.tr("Gennemse…"), self)
        browse_button.clicked.connect(self._browse)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse_button)
        self.open_after = QCheckBox(self.tr("Åbn filen bagefter"), self)
        self.open_after.setChecked(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.progress.setTextVisible(False)
        self.status = QLabel(self)
        self.error = ErrorLabel(self)
        form = QFormLayout()
        form.addRow(self.tr("Møde"), QLabel(self.meeting.title, self))
        form.addRow(self.tr("Dokument"), self.document)
        form.addRow(self.tr("Format"), formats)
        form.addRow("", self.public)
        form.addRow(self.tr("Gem som"), path_row)
        form.addRow("", self.open_after)
        self.buttons = QDialogButtonBox(self)
        self.export_button = self.buttons.addButton(
            self.tr("Eksportér"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.print_button = self.buttons.addButton(
            self.tr("Udskriv…"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.clicked.connect(self.print_document)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for widget in (self.pdf, self.docx, self.public):
            widget.toggled.connect(self._suggest_path)
        self.document.currentIndexChanged.connect(self._document_chosen)
        self._document_chosen()

    def fmt(self) -> str:
        return "pdf" if self.pdf.isChecked() else "docx"

    def _document_chosen(self, *_args) -> None:
        """Each kind of document goes where the secretary put the last one of its kind."""
        bundle = self.document.currentData() == WITH_BILAG
        if bundle:
            self.pdf.setChecked(True)
        self.docx.setEnabled(not bundle)
        remembered = settings().value(f"export/folder/{self.document.currentData()}")
        if remembered and Path(str(remembered)).is_dir():
            self._suggest_path(folder=Path(str(remembered)))
        else:
            self._suggest_path()

    def suggested_name(self) -> str:
        """E.g. "Referat AET 2020-08-19.pdf": sorted by date in a folder of many meetings."""
        document = self.document.currentText().split(" (")[0]
        public = self.tr(" (offentlig)") if self.public.isChecked() else ""
        date = f"{self.meeting.date:%Y-%m-%d}"
        name = f"{document} {self.short_name} {date}{public}.{self.fmt()}"
        return name.replace("/", "-")

    def _suggest_path(self, *_args, folder: Path | None = None) -> None:
        if folder is None:
            folder = Path(self.path.text()).parent if self.path.text() else Path(
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
                or Path.home()
            )
        if not folder.is_dir():
            folder = Path.home()
        self.path.setText(str(folder / self.suggested_name()))

    def _browse(self) -> None:
        wanted = "PDF (*.pdf)" if self.fmt() == "pdf" else self.tr("Word (*.docx)")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Gem som"), self.path.text(), wanted)
        if path:
            self.path.setText(path)

    def start(self) -> None:
        out = Path(self.path.text().strip()).expanduser()
        self.error.show_message(None)
        if not self.path.text().strip():
            self.error.show_message(self.tr("Angiv hvor filen skal gemmes."))
            return
        if not out.parent.is_dir():
            message = self.tr("Mappen %1 findes ikke.").replace("%1", str(out.parent))
            self.error.show_message(message)
            return
        document = self.document.currentData()
        if self.public.isChecked() and document in ("referat", "dagsorden", WITH_BILAG):
            from exporters.public_check import cpr_warnings_for

            checked = "dagsorden" if document == WITH_BILAG else document
            warnings = self.ws.read(cpr_warnings_for, self.meeting.ext_id, checked)
            if warnings and not self.confirm_cpr(warnings):
                return
        if self.public.isChecked() and document == "referat":
            from exporters.public_check import missing_public_texts_for

            missing = self.ws.read(missing_public_texts_for, self.meeting.ext_id, document)
            if missing and not self.confirm_public_texts(missing):
                return
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)  # busy: the writers do not report steps
        self.status.setText(self.tr("Danner %1 …").replace("%1", out.name))
        self.exporting = document
        self.job = RenderJob(self.ws, self.meeting.ext_id, self.document.currentData(),
                             self.fmt(), self.public.isChecked(), out)
        self.job.signals.finished.connect(self._finished)
        self.job.signals.failed.connect(self._failed)
        self.job.signals.noted.connect(self.error.show_message)
        QThreadPool.globalInstance().start(self.job)

    def pdf_bytes(self) -> bytes:
        """The chosen document as PDF, in memory (for printing)."""
        from exporters.agenda_bundle import bundle_pdf
        from exporters.render import render_bytes, render_protocol_pdf
        from model.meetings import load_meeting

        document, public = self.document.currentData(), self.public.isChecked()

        def render(session):
            meeting = load_meeting(session, self.meeting.ext_id)
            if document == WITH_BILAG:
                return bundle_pdf(meeting, public).pdf
            if document == "protokol" and not public:  # its layout kept for the scanner
                return render_protocol_pdf(session, meeting)
            return render_bytes(meeting, document, "pdf", public)

        return self.ws.read(render)

    def print_document(self) -> None:
        """Udskriv: the document in Qt's print preview, and from there to the printer."""
        from ui import printing

        self.error.show_message(None)
        try:
            pdf = self.pdf_bytes()
        except ReferentError as error:
            self.error.show_message(str(error))
            return
        printing.preview(pdf, Path(self.suggested_name()).stem, self)

    def confirm_cpr(self, warnings) -> bool:
        """Show where the open text looks like CPR numbers; True to export all the same."""
        from ui.dialogs.cpr_question import go_on_anyway

        return go_on_anyway(self, warnings, self.tr(
            "Den offentlige udgave lægges typisk på nettet, og disse steder ligner CPR-numre:"
        ), self.tr("Dan alligevel"))

    def confirm_public_texts(self, warnings: list[str]) -> bool:
        """Name the closed, decided items without a public decision text; True to export
        all the same."""
        from ui.dialogs.cpr_question import go_on_anyway

        return go_on_anyway(self, warnings, self.tr(
            "Den offentlige udgave viser intet af beslutningen på disse lukkede punkter:"
        ), self.tr("Dan alligevel"), self.tr("Offentlig beslutningstekst mangler"),
            self.tr("Skriv teksten først"))

    def _stop_progress(self) -> None:
        self.progress.setRange(0, 1)
        self.export_button.setEnabled(True)

    def _finished(self, path: str) -> None:
        self._stop_progress()
        self.progress.setValue(1)
        self.status.setText(self.tr("Gemt: %1").replace("%1", path))
        settings().setValue(f"export/folder/{self.exporting}", str(Path(path).parent))
        self.done.emit(path)
        if self.open_after.isChecked() and not QDesktopServices.openUrl(QUrl.fromLocalFile(path)):
            self.status.setText(self.tr(
                "Gemt: %1. Filen kunne ikke åbnes: der er intet program til den slags filer, "
                "eller det kunne ikke starte."
            ).replace("%1", path))

    def _failed(self, message: str) -> None:
        self._stop_progress()
        self.status.setText("")
        self.error.show_message(message)

    def is_busy(self) -> bool:
        return self.progress.maximum() == 0
