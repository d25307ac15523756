"""The question before a public document goes out with what looks like CPR numbers."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

SHOWN = 12  # places listed; the rest are counted


def go_on_anyway(parent, warnings, intro: str, anyway: str, title: str | None = None,
                 back: str | None = None) -> bool:
    """List where the text looks like CPR numbers under `intro`; True when the secretary
    chooses `anyway` rather than "Ret teksten først". Another warning before a public
    document goes out gives its own `title` and `back`."""
    tr = lambda text: QCoreApplication.translate("CprQuestion", text)  # noqa: E731
    shown = "\n".join(f"• {w}" for w in warnings[:SHOWN])
    if len(warnings) > SHOWN:
        shown += "\n" + tr("… og %1 steder mere.").replace("%1", str(len(warnings) - SHOWN))
    box = QMessageBox(QMessageBox.Icon.Warning, title or tr("Mulige CPR-numre"), intro,
                      parent=parent)
    box.setInformativeText(shown)
    chosen = box.addButton(anyway, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(back or tr("Ret teksten først"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    return box.clickedButton() is chosen
