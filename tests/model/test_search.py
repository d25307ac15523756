"""Full-text search across the archive."""

from __future__ import annotations

from model import agenda, item_edit, search
from tests.model.agenda_helpers import committee, meeting


def test_examples_are_found_by_title_section_and_decision(examples_archive):
    with examples_archive.sessions() as s:
        hits = search.search(s, "personaleprofiler")
        assert hits and hits[0].title == "Personaleprofiler"
        assert search.search(s, "telefonmødet")  # in a decision of the Faxe meeting
        assert search.search(s, "") == []


def test_edits_are_found_at_once_and_letters_stay_apart(archive):
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        m = meeting(s, c.id, "2020-03-01", ["Vejbelysning"])
        item_edit.set_section_text(s, m.items[0].sections[0].id, "Vi får nye lamper.")
    with archive.sessions() as s:
        assert [h.title for h in search.search(s, "lamp")] == ["Vejbelysning"]
        assert [h.title for h in search.search(s, "FÅR")] == ["Vejbelysning"]
        assert search.search(s, "far") == []
    with archive.transaction() as s:
        item_edit.set_item_field(s, m.items[0].id, "title", "Gadelys")
    with archive.sessions() as s:
        assert [h.title for h in search.search(s, "lamper gadelys")] == ["Gadelys"]
    with archive.transaction() as s:
        agenda.delete_item(s, m.items[0].id)
    with archive.sessions() as s:
        assert search.search(s, "lamper") == []


def _sqlite_examples(tmp_path):
    from model.database import open_archive
    from model.interchange import import_file
    from tests.conftest import EXAMPLE_FILES

    archive = open_archive(tmp_path / "arkiv.sqlite3", keep_backups=None)
    for path in EXAMPLE_FILES:
        import_file(archive, path)
    return archive


def test_an_index_of_an_older_definition_is_made_again(tmp_path):
    # The index is SQLite's own (FTS5); this test needs a SQLite archive whatever the run.
    archive = _sqlite_examples(tmp_path)
    engine = archive.engine
    with engine.begin() as connection:
        connection.exec_driver_sql("DROP TABLE search_index")
        connection.exec_driver_sql(
            "CREATE VIRTUAL TABLE search_index USING fts5(title, body)"  # as an old version did
        )
    assert search.ensure_index(engine) is True
    assert search.ensure_index(engine) is False
    with engine.connect() as connection:
        definition = connection.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'search_index'"
        ).scalar()
    assert "remove_diacritics 0" in definition  # å, æ, ø kept apart again
    with archive.sessions() as session:
        assert {hit.number for hit in search.search(session, "balanceforslag")} >= {193}
    archive.close()


def test_the_index_is_merged_into_one_and_finds_the_same(tmp_path):
    archive = _sqlite_examples(tmp_path)  # an import each: b-trees of their own
    with archive.transaction() as s:
        c = committee(s, numbering="per_meeting", standard_items=[])
        for day in range(1, 9):  # and some edits, each written by itself
            meeting(s, c.id, f"2020-04-0{day}", [f"Vejbelysning {day}"])
    words = ["balanceforslag", "vejbelysning", "budget", "anlæg drift", "personaleprofiler"]

    def found() -> list[list[tuple[int, str]]]:
        with archive.sessions() as session:
            return [[(h.item_id, h.snippet) for h in search.search(session, w)] for w in words]

    before = found()
    assert search.compact(archive.engine) > 1  # merging took steps
    assert search.compact(archive.engine) == 1  # one b-tree: nothing left to merge
    assert found() == before and any(before)
    archive.close()


def test_the_days_upkeep_merges_the_index(tmp_path, monkeypatch):
    from model.database import open_archive

    path = tmp_path / "arkiv.sqlite3"
    open_archive(path, keep_backups=None).close()
    merged = []
    monkeypatch.setattr(search, "compact", lambda engine: merged.append(engine) or 1)
    archive = open_archive(path, defer_backup=True)  # the window's way: left to run later
    assert merged == [] and archive.pending_backup is not None
    archive.pending_backup()
    assert merged == [archive.engine]
    archive.close()


def test_a_server_needs_no_index_and_finds_all_the_same(examples_archive):
    engine = examples_archive.engine
    if engine.dialect.name == "sqlite":
        with engine.connect() as connection:
            assert connection.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'search_index'"
            ).scalar() == 1
    else:
        assert search.ensure_index(engine) is False
    with examples_archive.sessions() as session:
        assert {hit.number for hit in search.search(session, "balanceforslag")} >= {193}


def test_snippet_marks_the_words_around_the_first_match():
    from model.search import snippet

    body = ("Udvalget drøftede budgettet for 2021 og overslagsårene, herunder anlæg og drift "
            "af veje og stier i kommunen.")
    assert snippet(body, ["anlæg", "drift"]) == (
        "…og overslagsårene, herunder »anlæg« og »drift« af veje og stier…")
    assert snippet("Kort tekst om budgettet.", ["budget"]) == "Kort tekst om »budgettet«."
    assert snippet("Et af punkterne.", ["af"]) == "Et »af« punkterne."
    assert snippet("Afgørelsen er truffet.", ["af"]) == ""  # short words match whole only
    assert snippet("Intet her.", ["budget"]) == ""


def test_snippet_near_the_end_and_in_capitals():
    from model.search import snippet

    body = " ".join(f"ord{n}" for n in range(40)) + " afslutning om ANLÆG."
    # the last ten words, the match in them with its own capitals, and the full stop
    assert snippet(body, ["anlæg"]) == (
        "…ord33 ord34 ord35 ord36 ord37 ord38 ord39 afslutning om »ANLÆG«.")
    # a short word is passed over where it only starts a longer one ("afslutning")
    assert snippet(body + " Om af.", ["af"]) == (
        "…ord35 ord36 ord37 ord38 ord39 afslutning om ANLÆG. Om »af«.")
