"""Hjælp: the keyboard shortcuts (read from the window's own actions), a short guide to
the workflow, and the version."""

from __future__ import annotations

from importlib import metadata

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMenu,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)


def tr(text: str) -> str:
    return QCoreApplication.translate("Help", text)


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…")


def window_shortcuts(window) -> list[tuple[str, str, str]]:
    """(menu, action, keys) for every action in the window's menus that has a key."""
    rows = []
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts()
                    if shown_key(k)]
            if keys and not action.isSeparator():
                rows.append((_plain(menu.title()), _plain(action.text()), ", ".join(keys)))
    return rows


def shown_key(key: QKeySequence) -> bool:
    """Not the dedicated Undo and Redo keys of some keyboards, which nobody looks up."""
    return key[0].key() not in (Qt.Key.Key_Undo, Qt.Key.Key_Redo)


def editor_shortcuts(window) -> list[tuple[str, str]]:
    """The formatting keys, as the editor's toolbar names them: "Fed (Ctrl+B)"."""
    rows = []
    for action in window.editor.toolbar.findChildren(QAction):
        tip = action.toolTip()
        if tip.endswith(")") and "(" in tip:
            name, keys = tip[:-1].rsplit("(", 1)
            if "+" in keys:
                rows.append((keys, name.strip()))
    return rows


def _table(rows: list[tuple[str, ...]]) -> str:
    cells = "".join(
        "<tr>" + "".join(f"<td style='padding: 2px 12px 2px 0'>{_html(c)}</td>" for c in row)
        + "</tr>" for row in rows
    )
    return f"<table>{cells}</table>"


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def shortcuts_html(window) -> str:
    from ui.decision_entry import KEY_HELP

    menu_rows = [(keys, f"{menu} › {name}") for menu, name, keys in window_shortcuts(window)]
    return (
        f"<h3>{tr('I hovedvinduet')}</h3>" + _table(menu_rows)
        + f"<h3>{tr('I tekstfelterne')}</h3>" + _table(editor_shortcuts(window) + [
            ("Tab", tr("Til næste felt")), ("Shift+Tab", tr("Til forrige felt")),
        ])
        + f"<h3>{tr('Når du indtaster beslutninger')}</h3>" + _table(KEY_HELP)
    )


GUIDE = """
<h3>Et møde fra dagsorden til underskrevet referat</h3>
<ol>
<li><b>Udvalget.</b> Filer › Udvalg og medlemmer: navn, forkortelse, medlemmer og deres
roller, afsnittene i nye punkter, de faste punkter og standardbeslutningerne.</li>
<li><b>Mødet.</b> Filer › Nyt møde (Ctrl+Shift+N): dato, tidspunkt og sted. Referent
foreslår stedet fra udvalgets sidste møde og sætter de faste punkter på.</li>
<li><b>Dagsordenen.</b> Nyt punkt (Ctrl+N), titel og afsnit; flyt med Ctrl+↑/↓. Møde ›
Udsatte punkter tager punkter med, der blev udsat; Møde › Kopiér dagsorden henter punkter
fra et tidligere møde. Alt gemmes, mens du skriver; Ctrl+Z fortryder.</li>
<li><b>Dagsorden udsendt.</b> Næste trin for mødet låser punkternes numre. Eksportér
dagsordenen (Ctrl+E), gerne med bilag i én PDF.</li>
<li><b>Protokollen.</b> Eksportér protokollen og tag den med til mødet; formanden krydser
beslutninger, fravær og afstemninger af på papiret.</li>
<li><b>Beslutningerne.</b> Efter mødet: Møde › Indtast beslutninger (Ctrl+Shift+B). Punkt
for punkt: Alt+1…9 for standardbeslutningerne, Alt+F for fremmøde og stemmer,
Ctrl+Return til næste punkt. Et lukket punkt har et felt til den offentlige
beslutningstekst: det, der må offentliggøres af beslutningen.
Er den udfyldte protokol scannet, så læs den ind med Møde ›
Indlæs scannet protokol (eller træk PDF-filen ind i vinduet): afkrydsningerne og
håndskriften vises ved beslutningsfeltet, og Alt+G bruger aflæsningen for punktet.</li>
<li><b>Referatet.</b> Eksportér referatet som PDF eller Word, også i en offentlig udgave
uden lukkede punkters indhold; den interne udgave siger »Intern udgave« på hver side.
Spørgsmål og bestillinger står under deres punkt, medmindre udvalget har slået det fra;
svarene står i opfølgningslisten.
Når referatet er godkendt og underskrevet, sæt mødet til næste trin; et underskrevet
referat kan kun få daterede rettelser.</li>
</ol>
<p>Opfølgningslisten (Ctrl+Shift+O) samler spørgsmål og bestillinger på tværs af møder.
Søg i hele arkivet med Ctrl+F.</p>
"""


def _show(parent: QWidget, title: str, html: str) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    view = QTextBrowser(dialog)
    view.setHtml(html)
    view.setOpenExternalLinks(False)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    buttons.rejected.connect(dialog.reject)
    layout = QVBoxLayout(dialog)
    layout.addWidget(view)
    layout.addWidget(buttons)
    dialog.resize(640, 560)
    dialog.open()
    return dialog


def show_shortcuts(window) -> QDialog:
    return _show(window, tr("Tastaturgenveje"), shortcuts_html(window))


def show_guide(window) -> QDialog:
    return _show(window, tr("Sådan bruger du Referent"), tr(GUIDE))


def version() -> str:
    try:
        return metadata.version("referent")
    except metadata.PackageNotFoundError:  # run from a checkout that was never installed
        return tr("ukendt")


def about_text(archive_where: str) -> str:
    return (
        tr("Referent %1: dagsordener og referater for udvalg.").replace("%1", version())
        + "\n\n" + tr("Arkiv: %1").replace("%1", archive_where)
    )


def show_about(window) -> None:
    where = str(window.ws.archive.path or tr("databaseserver"))
    QMessageBox.about(window, tr("Om Referent"), about_text(where))
