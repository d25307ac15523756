"""Starting the desktop program: Qt, Danish, the archive, the window, and the first start."""

from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from model.errors import ReferentError


def install_translations(app: QApplication) -> None:
    """Danish for Qt's own buttons and dialogs; our texts are written in Danish, and a
    translation file for another language (resources/translations/referent_<sprog>.qm)
    is used when the user's language is not Danish."""
    locale = QLocale.system()
    language = QLocale.languageToCode(locale.language())
    QLocale.setDefault(QLocale(QLocale.Language.Danish, QLocale.Country.Denmark))
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = "da" if language == "da" or not _own_translation(language) else language
    for name in ("qtbase",):
        translator = QTranslator(app)
        if translator.load(f"{name}_{wanted}", qt_folder):
            app.installTranslator(translator)
    own = _own_translation(language)
    if own and language != "da":
        translator = QTranslator(app)
        if translator.load(str(own)):
            app.installTranslator(translator)


def _own_translation(language: str) -> Path | None:
    try:
        folder = resources.files("resources").joinpath("translations")
        path = Path(str(folder)) / f"referent_{language}.qm"
    except (ModuleNotFoundError, FileNotFoundError):
        return None
    return path if path.exists() else None


def application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Referent")
    app.setOrganizationName("Referent")
    app.setApplicationDisplayName("Referent")
    if not getattr(app, "_referent_translated", False):
        install_translations(app)
        app._referent_translated = True
    from ui import spelling

    spelling.install()
    return app


def example_files() -> list[Path]:
    folder = Path(str(resources.files("resources").joinpath("examples")))
    return sorted(folder.glob("*.json"))


def offer_first_steps(window) -> None:
    """On an empty archive: load the examples, or make the first committee."""
    from model import browse

    if window.ws.read(browse.committees):
        return
    box = QMessageBox(window)
    box.setWindowTitle(window.tr("Velkommen til Referent"))
    box.setText(window.tr("Arkivet er tomt."))
    box.setInformativeText(window.tr(
        "Vil du se programmet med eksempler fra Stevns og Faxe Kommune, eller oprette dit "
        "første udvalg?"
    ))
    examples = box.addButton(window.tr("Indlæs eksemplerne"), QMessageBox.ButtonRole.AcceptRole)
    committee = box.addButton(window.tr("Opret et udvalg"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(window.tr("Senere"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    if box.clickedButton() is examples:
        load_examples(window)
    elif box.clickedButton() is committee:
        window.edit_committees()


def load_examples(window) -> None:
    from model.interchange import import_file

    try:
        for path in example_files():
            import_file(window.ws.archive, path)
    except ReferentError as error:
        window.show_error(str(error))
    window.ws.committees_changed.emit()


def open_window(archive, first_start: bool = True):
    """The main window on an open archive (tests use this without `run`)."""
    from ui.main_window import MainWindow
    from ui.workspace import Workspace

    return MainWindow(Workspace(archive))  # open_archive made the search index


def install_error_hook(window) -> None:
    """Show in the window an error meant for the user that no action caught (a damaged
    archive found while the tree reads it, say), rather than print it where nobody looks."""
    import re
    import time

    previous = sys.excepthook
    last: dict[str, float] = {}

    def hook(kind, error, trace) -> None:  # noqa: ANN001
        if not isinstance(error, ReferentError):
            previous(kind, error, trace)
            return
        # PySide puts "Error calling Python override of QAbstractItemModel::rowCount(): "
        # before the message of an error raised in a model's method; the user needs ours.
        message = re.sub(r"^(Error calling Python override of [\w:]+\(\): )+", "", str(error))
        now = time.monotonic()
        if now - last.get(message, -60.0) > 10:  # every repaint of the tree raises it again
            last[message] = now
            window.show_error(message)

    sys.excepthook = hook


def start_daily_backup(archive, window=None) -> None:
    """Check and copy the archive in the background: on a large archive the day's
    full read and copy take seconds, and the window should answer at once. SQLite's
    backup copies a consistent state even while the window writes. Damage the check
    finds is shown in `window` (the same Danish line as at the command line, naming
    Filer › Gendan sikkerhedskopi, which the open window offers); no copy is made."""
    if archive.pending_backup is None:
        return
    from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

    class _Found(QObject):
        damage = Signal(str)

    found = _Found(window)
    if window is not None:
        found.damage.connect(window.show_error)

    class _Backup(QRunnable):
        def run(self) -> None:
            try:
                archive.pending_backup()
            except ReferentError as error:  # a damaged file, or a full disk
                found.damage.emit(str(error))
            except Exception:  # noqa: BLE001 - a failed copy must not take the window down
                pass  # the next start tries again: the day's copy is still missing

    QThreadPool.globalInstance().start(_Backup())


def start_seal_check(window) -> None:
    """Check the signed meetings' seals in the background (sealing those signed before
    seals were kept; every seal once a day), then show a failing one's red banner."""
    from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

    from model import sealing

    archive = window.ws.archive

    class _Done(QObject):
        finished = Signal()

    done = _Done(window)
    done.finished.connect(window.agenda.refresh_seal)

    class _Check(QRunnable):
        def run(self) -> None:
            try:
                sealing.check_seals(archive, verify_all=archive.seal_check_due)
                archive.seal_check_due = False
            except Exception:  # noqa: BLE001 - the next start checks again
                return
            done.finished.emit()

    QThreadPool.globalInstance().start(_Check())


def warm_up(archive) -> None:
    """Read a meeting the way the window does, once, in the background.

    SQLAlchemy compiles each query the first time it runs (about 100 ms for
    what opening a meeting needs, the tree's years and meetings included), and
    the spell check's dictionary takes 0.7 s to load; done here while the
    secretary looks at the tree, the first meeting she opens shows at once.
    """
    from PySide6.QtCore import QRunnable, QThreadPool

    class _WarmUp(QRunnable):
        def run(self) -> None:
            from sqlalchemy import select

            from model import browse, cases, decisions
            from model.entities import Item, Meeting
            from ui.speller import speller

            try:
                speller()
                with archive.sessions() as session:
                    meeting_id = session.scalar(
                        select(Meeting.id).order_by(Meeting.date.desc()).limit(1)
                    )
                    if meeting_id is None:
                        return
                    view = browse.meeting_view(session, meeting_id)
                    # The tree's queries for the meeting's committee and year too.
                    browse.committee_years(session, view.committee_id)
                    browse.meetings_in_year(session, view.committee_id, view.date.year)
                    rows = browse.agenda_rows(session, meeting_id)
                    cases.postponed_items(session, meeting_id)
                    if rows:
                        browse.item_view(session, rows[0].id)
                        decisions.is_locked(session.get(Item, rows[0].id).meeting)
            except Exception:  # noqa: BLE001 - only an optimisation; the window works without
                pass

    QThreadPool.globalInstance().start(_WarmUp())


def run(db: Path | None = None, db_url: str | None = None) -> int:
    """Open the window on the archive (`--db`, `--db-url`, or the user's default)."""
    app = application()
    from model.database import open_archive
    from ui import crash

    crash.enable_faulthandler()

    try:
        archive = open_archive(path=db, url=db_url, defer_backup=True)
    except ReferentError as error:
        QMessageBox.critical(QWidget(), "Referent", str(error))
        return 2
    except Exception as error:  # noqa: BLE001 - say it in a box, not on a console nobody sees
        QMessageBox.critical(QWidget(), "Referent", f"Arkivet kan ikke åbnes: {error}")
        return 2
    try:
        window = open_window(archive)
    except ReferentError as error:  # a damaged archive found while the window reads it
        QMessageBox.critical(QWidget(), "Referent", str(error))
        archive.close()
        return 2
    # An error meant for the user is shown as it is; anything else is the crash report's.
    crash.install(window.flush, lambda: window)
    install_error_hook(window)
    window.show()
    import gc

    gc.enable()  # off while starting (main.run_gui)
    warm_up(archive)
    start_daily_backup(archive, window)
    start_seal_check(window)
    offer_first_steps(window)
    code = app.exec()
    window.ws.close()
    return code
