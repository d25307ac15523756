"""Beside the decision field: what the scanned protocol says about the item, and the
chair's handwriting as scanned, so the secretary types it without leafing through paper."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from model.scan_proposals import ScanView

IMAGE_WIDTH = 420  # pixels: the ruled box readable without filling the window


class ScanPanel(QWidget):
    """The item's scanned reading; `confirmed` when the secretary takes it over. The images
    scroll, so the entry window still fits a laptop's 768 pixels."""

    confirmed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        title = QLabel(self.tr("Scannet protokol"), self)
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        self.reading = QLabel(self)
        self.reading.setWordWrap(True)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setStyleSheet("color: #b00020; font-weight: bold;")
        images = QWidget(self)
        column = QVBoxLayout(images)
        column.setContentsMargins(0, 0, 0, 0)
        self.decision_image = self._image(self.tr("Beslutningsfeltet som scannet"))
        self.questions_image = self._image(self.tr("Spørgsmål og bestillinger som scannet"))
        self.votes_image = self._image(self.tr("Afstemningen som scannet"))
        column.addWidget(self.decision_image)
        column.addWidget(self.votes_image)
        column.addWidget(self.questions_image)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(images)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Ignored)
        scroll.setFixedWidth(IMAGE_WIDTH + 20)  # the images, and room for the scroll bar
        self.use = QPushButton(self.tr("Brug aflæsningen (Alt+G)"), self)
        self.use.setAutoDefault(False)
        self.use.clicked.connect(self.confirmed)
        for widget in (title, self.reading, self.question):
            layout.addWidget(widget)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.use, 0, Qt.AlignmentFlag.AlignLeft)
        self.setFixedWidth(IMAGE_WIDTH + 30)

    def _image(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setAccessibleName(name)
        label.setToolTip(name)
        label.setStyleSheet("border: 1px solid #999; background: white;")
        return label

    def show_scan(self, scan: ScanView | None, names: dict[int, str], locked: bool) -> None:
        """Show the item's reading, or hide the panel when it has none."""
        self.setVisible(scan is not None)
        if scan is None:
            return
        lines = [self.tr("Afkrydset: %1").replace("%1", scan.phrase) if scan.phrase
                 else self.tr("Ingen afgørelse afkrydset.") if not scan.question else ""]
        if scan.absent:
            away = ", ".join(names.get(m, "?") for m in scan.absent)
            lines.append(self.tr("Ikke til stede: %1").replace("%1", away))
        lines.append(self.tr("Der er skrevet i beslutningsfeltet.") if scan.written
                     else self.tr("Beslutningsfeltet er tomt."))
        self.reading.setText("\n".join(line for line in lines if line))
        self.question.setText(scan.question)
        self.question.setVisible(bool(scan.question))
        _show(self.decision_image, scan.decision_image)
        _show(self.questions_image, scan.questions_image)
        _show(self.votes_image, scan.votes_image)
        self.use.setEnabled(not locked and (scan.phrase is not None or bool(scan.absent)))


def _show(label: QLabel, png: bytes | None) -> None:
    pixmap = QPixmap()
    if not png or not pixmap.loadFromData(png, "PNG"):
        label.hide()
        return
    label.setPixmap(pixmap.scaledToWidth(IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation))
    label.show()
