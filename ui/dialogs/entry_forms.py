"""Small forms of the decision entry mode: a question or order, a protokoltilførsel, a
correction, an answer. Filled in from the keyboard (Tab between fields, Ctrl+Enter to
save); a refused value keeps the form open and says why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from model.errors import ReferentError
from ui.keys import tab_moves_on
from ui.line_field import ErrorLabel


@dataclass
class FormField:
    name: str
    label: str
    kind: str = "line"  # "line", "text" (several lines) or "choice"
    value: str = ""
    choices: list[tuple[str, object]] = field(default_factory=list)  # (shown, value)
    completions: list[str] = field(default_factory=list)
    placeholder: str = ""


class EntryForm(QDialog):
    """`save(values)` stores the form; an error it raises is shown and the form stays."""

    def __init__(self, title: str, fields: list[FormField],
                 save: Callable[[dict[str, object]], None], parent=None, intro: str = ""):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.save = save
        self.widgets: dict[str, object] = {}
        form = QFormLayout()
        for spec in fields:
            widget = self._widget(spec)
            self.widgets[spec.name] = widget
            form.addRow(spec.label, widget)
        self.error = ErrorLabel(self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Gem (Ctrl+Enter)"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, activated=self.accept)
        layout = QVBoxLayout(self)
        if intro:
            label = QLabel(intro, self)
            label.setWordWrap(True)
            layout.addWidget(label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())
        tab_moves_on(self)
        self.first = self.widgets[fields[0].name]
        self.first.setFocus()

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # Typing goes on in the form at once, without a click to bring it forward.
        self.activateWindow()
        self.first.setFocus()

    def _widget(self, spec: FormField):
        if spec.kind == "text":
            widget = QPlainTextEdit(spec.value, self)
            widget.setTabChangesFocus(True)
            widget.setPlaceholderText(spec.placeholder)
            widget.setMinimumHeight(90)
            return widget
        if spec.kind == "choice":
            widget = QComboBox(self)
            for shown, value in spec.choices:
                widget.addItem(shown, value)
            return widget
        widget = QLineEdit(spec.value, self)
        widget.setPlaceholderText(spec.placeholder)
        if spec.completions:
            completer = QCompleter(spec.completions, widget)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            widget.setCompleter(completer)
        return widget

    def values(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for name, widget in self.widgets.items():
            if isinstance(widget, QPlainTextEdit):
                values[name] = widget.toPlainText().strip()
            elif isinstance(widget, QComboBox):
                values[name] = widget.currentData()
            else:
                values[name] = widget.text().strip()
        return values

    def accept(self) -> None:
        try:
            self.save(self.values())
        except ReferentError as error:
            self.error.show_message(str(error))
            return
        super().accept()
