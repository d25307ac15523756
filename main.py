"""Referent: opens the desktop program, or runs one command-line verb.

    referent [--db PATH | --db-url URL] import FILE.json
    referent [--db ...] export {MEETING_ID ... | --all} --out FILE.json
    referent [--db ...] meetings
    referent [--db PATH] backup [--list | --out FILE]
    referent [--db PATH] restore BACKUP
    referent [--db ...] render MEETING_ID --document ... --format {pdf,docx} [--public] --out PATH
    referent [--db ...] publish --out DIR [--committee ID ...] [--url URL]

Errors are one Danish line on stderr and exit status 2; nothing half-written stays behind.
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path

EXIT_USAGE = 2
EXIT_MISMATCH = 1  # verify: a signed meeting does not match its seal


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line (argparse's text is Danish: cli_danish)
        self.exit(EXIT_USAGE, f"referent: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    import cli_danish

    cli_danish.install()
    parser = _Parser(prog="referent", description="Dagsordener og referater for udvalg.")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--db", type=Path, help="arkivets SQLite-fil (standard: brugerens datamappe)"
    )
    where.add_argument("--db-url", help="database-URL, f.eks. postgresql+psycopg://vært/referent")
    verbs = parser.add_subparsers(dest="verb", parser_class=_Parser, metavar="KOMMANDO")

    read = verbs.add_parser("import", help="indlæs en udvekslingsfil (JSON)")
    read.add_argument("file", type=Path)

    write = verbs.add_parser("export", help="gem møder som udvekslingsfil (JSON)")
    write.add_argument("meeting_ids", nargs="*", metavar="MEETING_ID")
    write.add_argument("--all", action="store_true", help="alle arkivets møder")
    write.add_argument("--out", type=Path, required=True)

    verbs.add_parser("meetings", help="vis arkivets møder")

    verify = verbs.add_parser(
        "verify", help="kontrollér at underskrevne møder svarer til deres segl"
    )
    verify.add_argument("meeting_ids", nargs="*", metavar="MEETING_ID")

    backup = verbs.add_parser("backup", help="tag en sikkerhedskopi af arkivet, eller vis dem")
    backup.add_argument(
        "--list", action="store_true", help="vis sikkerhedskopierne og deres indhold"
    )
    backup.add_argument("--out", type=Path, help="gem kopien her i stedet for i sikkerhedskopier/")

    restore = verbs.add_parser("restore", help="gendan arkivet fra en sikkerhedskopi")
    restore.add_argument("backup_file", type=Path, metavar="BACKUP")

    render = verbs.add_parser("render", help="dan et dokument som PDF eller Word")
    render.add_argument("meeting_id", metavar="MEETING_ID")
    render.add_argument(
        "--document",
        required=True,
        choices=["dagsorden", "referat", "protokol", "underskriftsark", "opfoelgning"],
    )
    render.add_argument("--format", required=True, choices=["pdf", "docx"])
    render.add_argument(
        "--public", action="store_true", help="offentlig udgave: lukkede punkter skjules"
    )
    render.add_argument("--out", type=Path, required=True)
    render.add_argument(
        "--with-bilag", action="store_true",
        help="dagsordenen og alle åbne PDF-bilag i én PDF med bogmærker",
    )
    render.add_argument(
        "--allow-cpr",
        action="store_true",
        help="dan den offentlige udgave, selv om teksten ser ud til at rumme CPR-numre",
    )
    publish = verbs.add_parser("publish", help="udgiv de offentlige dokumenter som websted")
    publish.add_argument("--out", type=Path, required=True, metavar="MAPPE")
    publish.add_argument("--committee", action="append", metavar="ID",
                         help="kun dette udvalg (kan gentages); standard: alle udvalg")
    publish.add_argument("--url", default="", help="webstedets adresse, til kalender og feed")
    publish.add_argument("--allow-cpr", action="store_true",
                         help="udgiv, selv om teksten ser ud til at rumme CPR-numre")
    scan = verbs.add_parser("scan", help="læs en scannet protokol (PDF eller billeder)")
    scan.add_argument("files", nargs="+", type=Path, metavar="FIL",
                      help="scannede sider: PDF fra en scanner, PNG eller JPEG")
    scan.add_argument("--json", action="store_true", help="skriv aflæsningen som JSON")
    scan.add_argument("--apply", action="store_true",
                      help="gem aflæsningen som forslag til beslutningsindtastningen")
    return parser


_opened: list = []  # archives a verb opened, closed when it is done


def _open(args: argparse.Namespace):
    from model.database import open_archive

    # Only an import makes a new archive; a mistyped --db path is an error, not an empty
    # archive. A restore may put back an archive that is gone.
    create = args.verb in ("import", "restore")
    archive = open_archive(path=args.db, url=args.db_url, create=create)
    _opened.append(archive)
    return archive


def cmd_import(args: argparse.Namespace) -> None:
    from model.interchange import import_file

    archive = _open(args)
    report = import_file(archive, args.file)
    print(f"Indlæst {args.file}")
    print(report.summary())


def cmd_export(args: argparse.Namespace) -> None:
    from model.errors import ReferentError
    from model.interchange import export_file
    from model.meetings import list_meetings

    if bool(args.meeting_ids) == bool(args.all):
        raise ReferentError("Angiv enten mødernes id eller --all.")
    archive = _open(args)
    with archive.sessions() as session:
        ids = args.meeting_ids or [m.ext_id for m in reversed(list_meetings(session))]
        document = export_file(session, ids, args.out)
    count = len(document["meetings"])
    print(f"Gemt {count} {'møde' if count == 1 else 'møder'} i {args.out}")


def cmd_meetings(args: argparse.Namespace) -> None:
    from model.meetings import STATUS_NAMES, display_title, list_meetings

    archive = _open(args)
    with archive.sessions() as session:
        meetings = list_meetings(session)
        for meeting in meetings:
            print(
                f"{meeting.ext_id}\t{meeting.committee.short_name}\t{meeting.date.isoformat()}"
                f"\t{display_title(meeting)}\t{STATUS_NAMES.get(meeting.status, meeting.status)}"
            )
        if not meetings:
            print("Arkivet har ingen møder endnu.", file=sys.stderr)


def cmd_verify(args: argparse.Namespace) -> int:
    """Exit 0 when every signed meeting (or every one named) matches its seal, else 1
    with one line per meeting that does not."""
    from model import sealing
    from model.sealing.verify import verify

    archive = _open(args)
    sealing.check_seals(archive, verify_all=False)  # those signed before seals were kept
    with archive.sessions() as session:
        problems = verify(session, args.meeting_ids or None)
    for line in problems:
        print(line)
    if not problems:
        print("Alle underskrevne møder svarer til deres segl.")
    return EXIT_MISMATCH if problems else 0


def _archive_file(args: argparse.Namespace) -> Path:
    from model.database import default_archive_path
    from model.errors import ReferentError

    if args.db_url:
        raise ReferentError(
            "Sikkerhedskopier af en databaseserver tages med serverens egne værktøjer (pg_dump)."
        )
    return args.db or default_archive_path()


def cmd_backup(args: argparse.Namespace) -> None:
    from model import backups

    path = _archive_file(args)
    if args.list:
        from model.errors import ReferentError

        found = backups.backups(path)
        for copy in found:
            try:
                print(backups.preview(copy).describe())
            except ReferentError as error:  # one bad copy does not hide the good ones
                print(f"{copy.name}: kan ikke bruges ({_one_line(error)})")
        if not found:
            print("Der er ingen sikkerhedskopier endnu.", file=sys.stderr)
        return
    _open(args).close()  # checks the archive and brings it up to date first
    if args.out:
        backups.copy_database(path, args.out)
        made = args.out
    else:
        made = backups.make_backup(path)
    print(f"Sikkerhedskopi gemt: {made}")
    print(backups.preview(made).describe())


def cmd_restore(args: argparse.Namespace) -> None:
    from model import backups

    path = _archive_file(args)
    print(f"Gendanner {backups.preview(args.backup_file).describe()}")
    before = backups.restore(args.backup_file, path)
    if before:
        print(f"Arkivet, som det var før, er gemt i {before}")
    _open(args).close()  # a backup from an older version is upgraded now
    print(f"Arkivet {path} er gendannet.")


def cmd_render(args: argparse.Namespace) -> None:
    try:
        from exporters.render import render_meeting
    except ImportError:
        from model.errors import ReferentError

        raise ReferentError("Dokumenter kan endnu ikke dannes i denne version.") from None
    archive = _open(args)
    # A process that renders once and ends: what the imports made (modules, classes, the
    # ORM's mappings) stays, and the collector need not go through it again and again
    # while the document is laid out (0.25 s of a 200-item PDF's 3.3 s); the render lets
    # go of what it is done with itself (render_meeting, pdf._tagged). Not in the window,
    # whose objects come and go, and undone for a caller in the same process.
    gc.freeze()
    gc.disable()
    try:
        with archive.sessions() as session:
            if args.public and args.document in ("referat", "dagsorden") and not args.allow_cpr:
                _refuse_cpr(session, args.meeting_id, args.document)
            if args.public:
                _warn_public_texts(session, args.meeting_id, args.document)
            if args.with_bilag:
                _render_with_bilag(session, args)
            else:
                # A process of its own, which may fork: a long PDF is laid out on two cores.
                render_meeting(session, args.meeting_id, args.document, args.format,
                               args.public, args.out, workers=min(2, os.cpu_count() or 1))
    finally:
        gc.enable()
        gc.unfreeze()
    print(f"Gemt {args.out}")


def cmd_publish(args: argparse.Namespace) -> None:
    from exporters.publish import publish_site

    archive = _open(args)
    with archive.sessions() as session:
        report = publish_site(session, args.out, args.committee, args.url, args.allow_cpr)
    for line in report.public_text_warnings:
        print(f"Advarsel: {line}", file=sys.stderr)
    print(report.summary())
    print(f"Forsiden: {args.out / 'index.html'}")


def _render_with_bilag(session, args: argparse.Namespace) -> None:
    from exporters.agenda_bundle import render_bundle
    from model.errors import ReferentError

    if args.document != "dagsorden" or args.format != "pdf":
        raise ReferentError("--with-bilag gælder kun --document dagsorden --format pdf.")
    bundle = render_bundle(session, args.meeting_id, args.out, args.public)
    for name in bundle.skipped:
        print(f"  {name}: kan ikke læses som PDF og er ikke taget med", file=sys.stderr)


def _warn_public_texts(session, meeting_id: str, document: str) -> None:
    """Name the closed, decided items whose public version shows no decision; go on."""
    from exporters.public_check import missing_public_texts_for

    for line in missing_public_texts_for(session, meeting_id, document):
        print(f"Advarsel: {line}", file=sys.stderr)


def _refuse_cpr(session, meeting_id: str, document: str) -> None:
    """Stop a public document whose open text looks like it holds CPR numbers."""
    from exporters.public_check import meeting_cpr_warnings
    from model import words
    from model.errors import NotFoundError, ReferentError
    from model.meetings import load_meeting

    meeting = load_meeting(session, meeting_id)
    if meeting is None:
        raise NotFoundError(f'Mødet "{meeting_id}" findes ikke i arkivet.')
    warnings = meeting_cpr_warnings(meeting, document)
    if warnings:
        for warning in warnings:
            print(f"  {warning}", file=sys.stderr)
        raise ReferentError(
            f"{words.count(len(warnings), 'sted', 'steder')} i den offentlige udgave ligner et"
            " CPR-nummer (vist ovenfor);"
            " ret teksten, eller dan den alligevel med --allow-cpr."
        )


def run_gui(args: argparse.Namespace) -> int:
    # The start makes some 80,000 objects that stay (modules, classes, the ORM's
    # mappings); the collector going through them again and again while they are made
    # costs 0.08 s of CPU. `run` turns it on once the window shows.
    gc.disable()
    try:
        # SQLAlchemy and the model before PySide6, on purpose: PySide6's import hook reads
        # the source of every module imported after it (looking for "PySide6"), 0.08 s
        # of CPU for SQLAlchemy's modules at every start.
        import model.database  # noqa: F401

        try:
            from ui.app import run
        except ImportError:
            print(
                "referent: vinduet findes ikke i denne version; brug et af verberne (se --help).",
                file=sys.stderr,
            )
            return EXIT_USAGE
        return run(db=args.db, db_url=args.db_url)
    finally:
        gc.enable()


def _one_line(text: str) -> str:
    """A message as one line on the terminal: line breaks and other control characters
    (whatever a file or a path smuggled in) written as escapes."""
    return "".join(
        ch if ch.isprintable() or ch == " " else f"\\u{ord(ch):04x}" for ch in str(text)
    )


def _os_message(error: OSError) -> str:
    """A Danish line for a file-system error, naming the file."""
    from model import os_errors

    return os_errors.message(error)


def cmd_scan(args: argparse.Namespace) -> int:
    """Exit 1 when --apply stored nothing for a page it read (a signed meeting)."""
    import json

    from scanning.read import read_files
    from scanning.report import member_names, summary

    archive = _open(args)
    with archive.sessions() as session:
        result = read_files(session, args.files)
        names = member_names(session, result)
    applied, ok = None, True
    if args.apply:
        from scanning.apply import apply_scan

        applied, ok = apply_scan(archive, result)
    if args.json:
        print(json.dumps(result.as_json(), ensure_ascii=False, indent=1))
    else:
        print(summary(result, names))
    if applied is not None:
        print(applied, file=sys.stderr if args.json else sys.stdout)
    return 0 if ok else 1


VERBS = {
    "import": cmd_import,
    "export": cmd_export,
    "meetings": cmd_meetings,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "render": cmd_render,
    "publish": cmd_publish,
    "scan": cmd_scan,
    "verify": cmd_verify,
}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.verb is None:
        return run_gui(args)
    result = _run(args)
    if not isinstance(result, int):
        print(f"referent: {_one_line(result)}", file=sys.stderr)
        result = EXIT_USAGE
    if argv is None:  # the program itself, not a caller in the same process
        _leave(result)
    return result


def _leave(status: int) -> None:
    """End a command now that its archive is closed and its files are written: what would
    follow is the interpreter freeing its objects one by one (70 ms after a long render)."""
    import atexit

    atexit._run_exitfuncs()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(status)


def _run(args: argparse.Namespace) -> str | int:
    """Run the verb: its exit status, or the user's message if it failed."""
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    from model.errors import ReferentError

    try:
        try:
            code = VERBS[args.verb](args)
        finally:
            while _opened:
                _opened.pop().close()
    except ReferentError as error:
        return str(error)
    except DBAPIError as error:
        reason = str(error.orig) if error.orig else str(error)
        return f"databasen kan ikke bruges: {(reason.splitlines() or [''])[0]}"
    except sqlite3.DatabaseError as error:
        return f"databasen kan ikke bruges: {error}"
    except OSError as error:
        return _os_message(error)
    return code or 0


if __name__ == "__main__":
    sys.exit(main())
