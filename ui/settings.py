"""The user's settings (window layout, last meeting): Qt's own store, as an INI file."""

from __future__ import annotations

from PySide6.QtCore import QSettings


def settings() -> QSettings:
    return QSettings(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Referent", "Referent"
    )
