"""The committee dialog's Husstil tab: the committee's templates, a starting point to pick,
and a live preview of one item as the committee's documents will print it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from model import style as house_style
from ui.line_field import ErrorLabel

# Label and the placeholders offered, as a tooltip, per template.
TEMPLATES = {
    "item_heading": "Punktets overskrift",
    "toc_entry": "Linje i indholdsfortegnelsen",
    "decision_heading": "Overskrift over beslutningen",
    "prior_decision_heading": "Overskrift over tidligere beslutning",
    "absence": "Fravær",
    "not_participating": "Deltog ikke (inhabil)",
    "substitute_line": "Stedfortræder (tom: ingen linje)",
    "attachments_heading": "Overskrift over bilag (tom: ingen)",
}
POSITIONS = {
    "absence_position": ("Fravær står", [("Før beslutningsteksten", "before"),
                                          ("Efter beslutningsteksten", "after")]),
    "attachments_position": ("Bilag står", [("Sidst i punktet", "end"),
                                            ("Lige under overskriften", "after_heading")]),
}
STANDARD = "Programmets standard"
PREVIEW_DELAY_MS = 150  # typing a template redraws the preview once the typing pauses


class StyleTab(QWidget):
    """`style()` is what the fields say (None: every default); `set_style` shows a style."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.committee_name = ""
        self.decision_placement = "end"
        self.preset = QComboBox(self)
        self.preset.addItem(self.tr(STANDARD), None)
        for name in house_style.PRESETS:
            self.preset.addItem(name, name)
        use = QPushButton(self.tr("Brug som udgangspunkt"), self)
        use.clicked.connect(self.use_preset)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Udgangspunkt"), self))
        top.addWidget(self.preset, 1)
        top.addWidget(use)

        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in TEMPLATES.items():
            edit = QLineEdit(self)
            edit.setToolTip(self.tr("Pladsholdere: ") + " ".join(
                "{" + (p + "KEY" if p.endswith(".") else p) + "}"
                for p in house_style.PLACEHOLDERS[key]))
            edit.textChanged.connect(self._changed)
            self.edits[key] = edit
            form.addRow(self.tr(label), edit)
            if key == "toc_entry":
                self.lines = QPlainTextEdit(self)
                self.lines.setPlaceholderText(self.tr("Én linje pr. række, f.eks. Sagsnr.: "
                                                      "{journal_number}"))
                self.lines.setToolTip(self.tr(
                    "Linjer under overskriften. Pladsholdere: {journal_number} {open} "
                    "{committee} {extra.KEY} {time_slot} {presenters}"))
                self.lines.setMaximumHeight(70)
                self.lines.textChanged.connect(self._changed)
                form.addRow(self.tr("Linjer under overskriften"), self.lines)
        self.positions: dict[str, QComboBox] = {}
        for key, (label, choices) in POSITIONS.items():
            box = QComboBox(self)
            for text, value in choices:
                box.addItem(self.tr(text), value)
            box.currentIndexChanged.connect(self._changed)
            self.positions[key] = box
            form.addRow(self.tr(label), box)
        hint = QLabel(self.tr("{title} erstattes af punktets titel. En del i [ ] skrives kun, "
                              "når alle pladsholdere i den har en værdi."), self)
        hint.setWordWrap(True)
        self.error = ErrorLabel(self)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(top)
        column.addLayout(form)
        column.addWidget(hint)
        column.addWidget(self.error)
        column.addStretch(1)

        self.preview = QTextBrowser(self)
        self.preview.setAccessibleName(self.tr("Eksempel på et punkt"))
        right = QWidget(self)
        preview_column = QVBoxLayout(right)
        preview_column.setContentsMargins(0, 0, 0, 0)
        preview_column.addWidget(QLabel(self.tr("Sådan skrives et punkt i referatet"), self))
        preview_column.addWidget(self.preview, 1)
        split = QSplitter(self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        self.preview.setMinimumWidth(300)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self._loading = False

    def set_style(self, style: dict | None) -> None:
        """Show `style` in the fields (every key, defaults where it has none)."""
        look = house_style.effective(style)
        self._loading = True
        for key, edit in self.edits.items():
            edit.setText(look[key] or "")
            edit.setCursorPosition(0)  # a long template shows its start
        self.lines.setPlainText("\n".join(look["item_lines"]))
        for key, box in self.positions.items():
            box.setCurrentIndex(max(0, box.findData(look[key])))
        self._loading = False
        self.refresh()

    def style(self) -> dict:
        """Every key as the fields say; the model drops what equals the default."""
        made: dict = {key: edit.text().strip() for key, edit in self.edits.items()}
        made["substitute_line"] = made["substitute_line"] or None
        if made["toc_entry"] in ("", made["item_heading"]):
            made["toc_entry"] = None  # the same as the heading, and follows it
        made["item_lines"] = [line.strip() for line in self.lines.toPlainText().splitlines()
                              if line.strip()]
        for key, box in self.positions.items():
            made[key] = box.currentData()
        return made

    def use_preset(self) -> None:
        name = self.preset.currentData()
        self.set_style(house_style.PRESETS[name] if name else None)

    def set_context(self, committee_name: str, decision_placement: str) -> None:
        """The committee's name and decision placement, as the preview prints them."""
        self.committee_name, self.decision_placement = committee_name, decision_placement
        self._changed()

    def _changed(self, *_args) -> None:
        if not self._loading:
            self._timer.start()

    def refresh(self) -> None:
        from exporters.html import chapter_html
        from exporters.sample import sample_chapter

        style = self.style()
        found = house_style.problems(style)
        self.error.show_message(found[0] if found else None)
        if found:
            return  # the last good preview stays while a template is half typed
        chapter = sample_chapter(style, self.committee_name, self.decision_placement)
        bar = self.preview.verticalScrollBar().value()
        self.preview.setHtml(chapter_html(chapter))
        self.preview.verticalScrollBar().setValue(bar)
