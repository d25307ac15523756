"""The command-line verbs as a user runs them: import, meetings, export, and their errors."""

from __future__ import annotations

import json
import subprocess
import sys

from main import main
from model.sealing.record import sealed_part, sha256
from tests.conftest import EXAMPLE_FILES, ROOT
from tests.model.normalize import normalize

STEVNS = next(p for p in EXAMPLE_FILES if p.stem.startswith("stevns"))


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_import_meetings_export(tmp_path, capsys):
    db = tmp_path / "x.sqlite3"
    code, out, _ = run(capsys, "--db", db, "import", STEVNS)
    assert code == 0
    assert "Tilføjet: 1 udvalg, 7 medlemmer, 1 møde, 9 punkter" in out

    code, out, _ = run(capsys, "--db", db, "meetings")
    assert code == 0
    assert out.splitlines() == [
        "aet-2020-08-19\tAET\t2020-08-19\tReferat Arbejdsmarked, Erhverv og Turisme d. 19-08-2020"
        "\tunderskrevet"
    ]

    target = tmp_path / "y.json"
    code, out, _ = run(capsys, "--db", db, "export", "aet-2020-08-19", "--out", target)
    assert code == 0
    original = normalize({"cases": [], **json.loads(STEVNS.read_text("utf-8"))})
    exported = json.loads(target.read_text("utf-8"))
    # The example is signed and came without a seal: it was sealed as it came in.
    seal = exported["meetings"][0]["sealed"]
    assert seal["sha256"] == sha256(sealed_part(original["meetings"][0]))
    original["meetings"][0]["sealed"] = seal
    assert exported == original

    code, out, _ = run(capsys, "--db", db, "import", STEVNS)
    assert "Uændret: 1 udvalg, 7 medlemmer, 1 møde, 9 punkter" in out


def test_bad_import_is_one_line_and_changes_nothing(tmp_path, capsys):
    db = tmp_path / "x.sqlite3"
    run(capsys, "--db", db, "import", STEVNS)
    run(capsys, "--db", db, "export", "aet-2020-08-19", "--out", tmp_path / "before.json")
    document = json.loads(STEVNS.read_text("utf-8"))
    document["meetings"][0]["items"][0]["title"] = "Ændret"
    document["meetings"][0]["items"][3]["decision"]["absent"] = ["aet-m1", "m9"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), "utf-8")

    # Into a new archive: the unknown member is named, and nothing is stored.
    fresh = tmp_path / "ny.sqlite3"
    code, out, err = run(capsys, "--db", fresh, "import", bad)
    assert code == 2
    assert err == 'referent: meetings[0].items[3].decision.absent[1]: ukendt medlem "m9"\n'
    assert run(capsys, "--db", fresh, "meetings")[1] == ""

    # Over the signed meeting, the same: the file is checked before it is compared.
    code, out, err = run(capsys, "--db", db, "import", bad)
    assert code == 2
    assert err == 'referent: meetings[0].items[3].decision.absent[1]: ukendt medlem "m9"\n'
    run(capsys, "--db", db, "export", "aet-2020-08-19", "--out", tmp_path / "after.json")
    assert (tmp_path / "after.json").read_bytes() == (tmp_path / "before.json").read_bytes()


def test_failed_export_leaves_no_file_and_keeps_the_old_one(tmp_path, capsys):
    db = tmp_path / "x.sqlite3"
    run(capsys, "--db", db, "import", STEVNS)
    target = tmp_path / "y.json"
    target.write_text("gammelt indhold", "utf-8")

    code, _, err = run(capsys, "--db", db, "export", "findes-ikke", "--out", target)

    assert code == 2
    assert err == 'referent: Mødet "findes-ikke" findes ikke i arkivet.\n'
    assert target.read_text("utf-8") == "gammelt indhold"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_export_into_missing_folder(tmp_path, capsys):
    db = tmp_path / "x.sqlite3"
    run(capsys, "--db", db, "import", STEVNS)
    code, _, err = run(
        capsys, "--db", db, "export", "aet-2020-08-19", "--out", tmp_path / "nope" / "y.json"
    )
    assert code == 2
    assert err == f"referent: {tmp_path / 'nope' / 'y.json'}: mappen eller filen findes ikke\n"


def test_missing_file_and_foreign_archive(tmp_path, capsys):
    code, _, err = run(capsys, "--db", tmp_path / "x.sqlite3", "import", tmp_path / "none.json")
    assert code == 2 and "filen kan ikke læses" in err and err.count("\n") == 1

    foreign = tmp_path / "foreign.sqlite3"
    foreign.write_text("hej", "utf-8")
    code, _, err = run(capsys, "--db", foreign, "meetings")
    assert code == 2 and "ikke et Referent-arkiv" in err
    assert foreign.read_text("utf-8") == "hej"


def test_real_process_prints_no_traceback(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "referent-interchange", "version": 1, "committees": [', "utf-8")
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "--db",
            str(tmp_path / "x.sqlite3"),
            "import",
            str(bad),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith(f"referent: {bad}:1:")
    assert "ugyldig JSON" in result.stderr


def test_export_all_carries_the_whole_archive(tmp_path, capsys):
    db = tmp_path / "x.sqlite3"
    for path in EXAMPLE_FILES:
        assert main(["--db", str(db), "import", str(path)]) == 0
    out = tmp_path / "alt.json"
    assert main(["--db", str(db), "export", "--all", "--out", str(out)]) == 0
    assert "Gemt 4 møder" in capsys.readouterr().out
    document = json.loads(out.read_text("utf-8"))
    assert [m["date"] for m in document["meetings"]] == sorted(
        m["date"] for m in document["meetings"]
    )

    fresh = tmp_path / "ny.sqlite3"
    assert main(["--db", str(fresh), "import", str(out)]) == 0
    assert (
        "Tilføjet: 4 udvalg, 27 medlemmer, 2 sager, 4 møder, 23 punkter" in capsys.readouterr().out
    )
    assert main(["--db", str(db), "export", "--out", str(out)]) == 2
    assert "Angiv enten" in capsys.readouterr().err


def test_meetings_imported_from_the_command_line_are_searchable(tmp_path):
    from model import search
    from model.database import open_archive

    db = tmp_path / "x.sqlite3"
    assert main(["--db", str(db), "import", str(STEVNS)]) == 0
    archive = open_archive(db)
    with archive.engine.connect() as connection:
        triggers = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
        ).scalar()
    assert triggers > 0  # the index was kept by triggers during the import, not rebuilt now
    with archive.sessions() as session:
        hits = search.search(session, "balanceforslag")
    assert {hit.number for hit in hits} >= {193}
