"""Full-text search across the archive: item titles, sections, decisions, questions and
orders with their answers, protokoltilførsler and bilag titles.

On SQLite an FTS5 index holds one row per item (rowid = item id), one column per
kind of text, kept up to date by triggers on every table it reads, so an import
from the command line is found too. A hit says where its words are
(`Hit.where`: "Spørgsmål", "Protokoltilførsel", "Bilag" …) and opens its item. It is
made by `ensure_index` rather than by a migration: it is derived data, can
be rebuilt at any time, and a virtual table with its shadow tables has no
place among the entities. The tokenizer keeps å, æ and ø apart from a, ae and
o ("får" must not find "far"). On PostgreSQL the server's own full-text
search (Danish configuration) reads the tables directly.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from model import archive_file

INDEX = "search_index"

# The text of one item as the index holds it, a column per kind; {id} is filled in per
# trigger.
_ITEM_TEXT = """
SELECT i.id,
       i.title || ' ' || coalesce(i.public_title, ''),
       coalesce((SELECT group_concat(s.text, char(10)) FROM sections s WHERE s.item_id = i.id), '')
       || char(10) || coalesce((SELECT d.text FROM decisions d WHERE d.item_id = i.id), ''),
       coalesce((SELECT group_concat(f.text, char(10)) FROM follow_ups f
                 WHERE f.item_id = i.id), ''),
       coalesce((SELECT group_concat(f.answer, char(10)) FROM follow_ups f
                 WHERE f.item_id = i.id), ''),
       coalesce((SELECT group_concat(n.text, char(10)) FROM minority_notes n
                 JOIN decisions d ON d.id = n.decision_id WHERE d.item_id = i.id), ''),
       coalesce((SELECT group_concat(a.title, char(10)) FROM attachments a
                 WHERE a.item_id = i.id), '')
FROM items i WHERE i.id = {id}
"""
# The index's columns after `title`, and how a hit in each is named; "" is the item itself.
PLACES = (("body", ""), ("questions", "Spørgsmål"), ("answers", "Svar"),
          ("notes", "Protokoltilførsel"), ("bilag", "Bilag"))
_COLUMNS = ("title", *(column for column, _label in PLACES))
# A protokoltilførsel names its decision; the decision names the item.
_NOTE_ITEM = "(SELECT item_id FROM decisions WHERE id = {row}.decision_id)"

_TRIGGERS = {
    "items_ai": ("AFTER INSERT ON items", "NEW.id"),
    "items_au": ("AFTER UPDATE OF title, public_title ON items", "NEW.id"),
    "items_ad": ("AFTER DELETE ON items", "OLD.id"),
    "sections_ai": ("AFTER INSERT ON sections", "NEW.item_id"),
    "sections_au": ("AFTER UPDATE OF text ON sections", "NEW.item_id"),
    "sections_ad": ("AFTER DELETE ON sections", "OLD.item_id"),
    "decisions_ai": ("AFTER INSERT ON decisions", "NEW.item_id"),
    "decisions_au": ("AFTER UPDATE OF text ON decisions", "NEW.item_id"),
    "decisions_ad": ("AFTER DELETE ON decisions", "OLD.item_id"),
    "follow_ups_ai": ("AFTER INSERT ON follow_ups", "NEW.item_id"),
    "follow_ups_au": ("AFTER UPDATE OF text, answer ON follow_ups", "NEW.item_id"),
    "follow_ups_ad": ("AFTER DELETE ON follow_ups", "OLD.item_id"),
    "minority_notes_ai": ("AFTER INSERT ON minority_notes", _NOTE_ITEM.format(row="NEW")),
    "minority_notes_au": ("AFTER UPDATE OF text ON minority_notes", _NOTE_ITEM.format(row="NEW")),
    "minority_notes_ad": ("AFTER DELETE ON minority_notes", _NOTE_ITEM.format(row="OLD")),
    "attachments_ai": ("AFTER INSERT ON attachments", "NEW.item_id"),
    "attachments_au": ("AFTER UPDATE OF title ON attachments", "NEW.item_id"),
    "attachments_ad": ("AFTER DELETE ON attachments", "OLD.item_id"),
}


def _trigger_sql(name: str) -> str:
    when, item_id = _TRIGGERS[name]
    return (
        f"CREATE TRIGGER IF NOT EXISTS {INDEX}_{name} {when} BEGIN "
        f"DELETE FROM {INDEX} WHERE rowid = {item_id}; "
        f"INSERT INTO {INDEX}(rowid, {', '.join(_COLUMNS)}) {_ITEM_TEXT.format(id=item_id)}; END"
    )


def ensure_index(engine: Engine) -> bool:
    """Make the SQLite index and its triggers if any is missing (a table rebuilt by a
    migration loses its triggers); returns whether the index was rebuilt."""
    if engine.dialect.name != "sqlite":
        return False
    with engine.begin() as connection:
        present = {
            row[0]
            for row in connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE name LIKE 'search_index%'"
            )
        }
        wanted = {INDEX} | {f"{INDEX}_{name}" for name in _TRIGGERS}
        if wanted <= present and _is_current(connection):
            return False
        _rebuild(connection)
        return True


# Prefix indexes of 3 and 4 letters: Danish words are searched by their start
# ("budget" finds "budgettet"), and without them such a search in 100,000
# items reads every term that starts so (30-50 % slower).
_DEFINITION = (f"fts5({', '.join(_COLUMNS)}, tokenize = 'unicode61 remove_diacritics 0', "
               "prefix = '3 4')")


# The index grows by small b-trees, one for each write, which FTS5 merges only now and
# then; a search reads every one of them (two words in 100,000 items: 28 ms against 15 ms
# in one). The day's upkeep (model/database.py) merges them into one, a short step at a
# time, so that the window's own writes go in between.
MERGE_PAGES = 500  # index pages a step writes: some 30 ms


def compact(engine: Engine, pages: int = MERGE_PAGES) -> int:
    """Merge the SQLite index's b-trees into one; returns the number of steps it took.
    Upkeep, not the user's work: with the archive held by another program's write it
    stops, to go on another day."""
    if engine.dialect.name != "sqlite":
        return 0
    try:
        return _merge(engine, pages)
    except OperationalError as error:
        if archive_file.held(error.orig):
            return 0
        raise


def _merge(engine: Engine, pages: int) -> int:
    steps = 0
    with engine.connect() as connection:
        # As few as two b-trees are merged (FTS5's default waits for four of a size).
        with connection.begin():
            connection.exec_driver_sql(
                f"INSERT INTO {INDEX}({INDEX}, rank) VALUES('usermerge', 2)")
        while True:
            raw = connection.connection.dbapi_connection
            with connection.begin():
                before = raw.total_changes
                # The first step, negative, puts every b-tree on one level to be merged.
                connection.exec_driver_sql(f"INSERT INTO {INDEX}({INDEX}, rank) "
                                           f"VALUES('merge', {-pages if not steps else pages})")
                worked = raw.total_changes - before >= 2  # FTS5's sign of work done
            steps += 1
            if not worked:
                return steps


def _is_current(connection: Connection) -> bool:
    """Whether the index was made with today's definition (else it is made again)."""
    sql = connection.exec_driver_sql(
        f"SELECT sql FROM sqlite_master WHERE name = '{INDEX}'"
    ).scalar()
    return bool(sql) and _DEFINITION in sql


def _rebuild(connection: Connection) -> None:
    for name in _TRIGGERS:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {INDEX}_{name}")
    connection.exec_driver_sql(f"DROP TABLE IF EXISTS {INDEX}")
    connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {INDEX} USING {_DEFINITION}")
    every = _ITEM_TEXT.replace("WHERE i.id = {id}", "")
    connection.exec_driver_sql(f"INSERT INTO {INDEX}(rowid, {', '.join(_COLUMNS)}) {every}")
    for name in _TRIGGERS:
        connection.exec_driver_sql(_trigger_sql(name))
    connection.exec_driver_sql(f"INSERT INTO {INDEX}({INDEX}) VALUES('optimize')")


@dataclass(frozen=True)
class Hit:
    item_id: int
    meeting_id: int
    committee: str
    date: dt.date
    number: int
    title: str
    snippet: str
    where: str = ""  # "Spørgsmål", "Svar", "Protokoltilførsel", "Bilag"; "" the item's text


def _words(query: str) -> list[str]:
    return re.findall(r"\w+", query.lower())


def search(session: Session, query: str, limit: int = 50) -> list[Hit]:
    """Items that contain every word of `query` (as a word or its start), best first."""
    words = _words(query)
    if not words:
        return []
    if session.get_bind().dialect.name == "postgresql":
        rows = _search_postgresql(session, words, limit)
    else:
        ensure_index(session.get_bind())
        rows = _search_sqlite(session, words, limit)
    hits = []
    for item_id, meeting_id, committee, date, number, title, *texts in rows:
        where, shown = locate(title, [text or "" for text in texts], words)
        hits.append(Hit(item_id, meeting_id, committee, _as_date(date), number, title, shown,
                        where))
    return hits


def locate(title: str, texts: list[str], words: list[str]) -> tuple[str, str]:
    """Where a hit's words are, and the snippet to show: the kind of text (PLACES, in
    order, beside `texts`) that holds the most of them; the item itself when its title
    holds as many, or the body does."""
    found = [_found(texts[0], words)]
    if found[0] < len(words):  # most hits are in the body: the rest is not read then
        found += [_found(text, words) for text in texts[1:]]
    best = max(range(len(found)), key=lambda n: (found[n], -n))
    if found[best] == 0 or found[best] <= _found(title, words) or found[0] == found[best]:
        return "", snippet(texts[0], words)
    return PLACES[best][1], snippet(texts[best], words)


def _found(text: str, words: list[str]) -> int:
    """How many of `words` occur in `text`, as FTS5 matches them (whole, or as the start
    of a word when MIN_PREFIX letters or more). Each word is looked for, not the text
    split into words: the first occurrence is near the start (tokenising every hit's
    whole text was two thirds of the excerpting)."""
    lowered = text.lower()
    return sum(1 for word in words if _occurrence(word).search(lowered))


@lru_cache(maxsize=256)
def _occurrence(word: str) -> re.Pattern[str]:
    """A word of a text (as _TOKEN splits it, lower case) that is `word` or, for a word of
    MIN_PREFIX letters or more, starts with it."""
    end = "" if len(word) >= MIN_PREFIX else r"(?!\w)"
    return re.compile(r"(?<!\w)" + re.escape(word) + end)


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


_DETAILS = """
SELECT i.id, m.id, c.short_name, m.date, i.number, i.title,
       hits.body, hits.questions, hits.answers, hits.notes, hits.bilag
FROM hits JOIN items i ON i.id = hits.item_id
JOIN meetings m ON m.id = i.meeting_id JOIN committees c ON c.id = m.committee_id
ORDER BY hits.rank
"""


# Ranking every match of a common word costs 150 ms in a 100,000-item archive;
# ranking only the newest few hundred costs a tenth of that, and the newest
# meetings are what a secretary looks for first.
CANDIDATES = 500
# A word this short is matched whole: as a prefix ("af"*) it expands to
# thousands of terms and the search slows down tenfold.
MIN_PREFIX = 3


def _match_expression(words: list[str]) -> str:
    return " ".join(f'"{w}"*' if len(w) >= MIN_PREFIX else f'"{w}"' for w in words)


def _search_sqlite(session: Session, words: list[str], limit: int) -> list:
    """One ranked pass over the newest matches. Where the words are and the snippets are
    found afterwards in the indexed text of the few hits shown: FTS5's snippet() and
    highlight() would match everything again."""
    shown = ", ".join(f"{INDEX}.{column} AS {column}" for column, _label in PLACES)
    sql = (
        f"WITH newest AS (SELECT rowid AS item_id, rank FROM {INDEX} "
        f"WHERE {INDEX} MATCH :match ORDER BY rowid DESC LIMIT :candidates), "
        f"best AS (SELECT item_id, rank FROM newest ORDER BY rank LIMIT :limit), "
        f"hits AS (SELECT best.item_id, best.rank, {shown} "
        f"FROM best JOIN {INDEX} ON {INDEX}.rowid = best.item_id) {_DETAILS}"
    )
    params = {"match": _match_expression(words), "candidates": max(CANDIDATES, limit),
              "limit": limit}
    return list(session.execute(text(sql), params))


SNIPPET_WORDS = 10
_TOKEN = re.compile(r"\w+")


def _matches(token: str, words: list[str]) -> bool:
    """Whether the token is one of `words`, or starts with one (of MIN_PREFIX letters or
    more), as the index matches them."""
    token = token.lower()
    return any(token == w or (len(w) >= MIN_PREFIX and token.startswith(w)) for w in words)


def snippet(body: str, words: list[str], size: int = SNIPPET_WORDS) -> str:
    """About `size` words of `body` around the first match, matches marked »so«."""

    def matches(token: str) -> bool:
        return _matches(token, words)

    # The first match found by one regular expression, and only the words near it cut out:
    # tokenising the whole text of each of the 50 hits was most of a search's time.
    found = next((m for m in _first_word(tuple(words)).finditer(body) if matches(m.group())),
                 None)
    if found is None:
        return ""
    before = list(_TOKEN.finditer(body, 0, found.start()))
    first = len(before)
    after = list(islice(_TOKEN.finditer(body, found.start()), size + 1))
    total = first + len(after)  # exact when the text ends within `size` words, else more
    start = max(0, min(first - size // 3, total - size))
    shown = (before + after)[start : start + size]
    parts, cursor = [], shown[0].start()
    for token in shown:
        parts.append(body[cursor : token.start()])
        parts.append(f"»{token.group()}«" if matches(token.group()) else token.group())
        cursor = token.end()
    prefix = "…" if start > 0 else ""
    suffix = "…" if start + size < total else body[cursor:].rstrip()
    return prefix + "".join(parts) + suffix


# The same kinds of text as the SQLite index's columns, read from the tables.
_PG_TEXTS = {
    "body": "coalesce((SELECT string_agg(s.text, ' ') FROM sections s WHERE s.item_id = i.id),"
            " '') || ' ' || coalesce((SELECT d.text FROM decisions d WHERE d.item_id = i.id), '')",
    "questions": "coalesce((SELECT string_agg(f.text, ' ') FROM follow_ups f "
                 "WHERE f.item_id = i.id), '')",
    "answers": "coalesce((SELECT string_agg(f.answer, ' ') FROM follow_ups f "
               "WHERE f.item_id = i.id), '')",
    "notes": "coalesce((SELECT string_agg(n.text, ' ') FROM minority_notes n "
             "JOIN decisions d ON d.id = n.decision_id WHERE d.item_id = i.id), '')",
    "bilag": "coalesce((SELECT string_agg(a.title, ' ') FROM attachments a "
             "WHERE a.item_id = i.id), '')",
}


@lru_cache(maxsize=64)
def _first_word(words: tuple[str, ...]) -> re.Pattern[str]:
    """A whole word that may be a match (`matches` has the last word on case)."""
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + r")\w*",
                      re.IGNORECASE)


def _search_postgresql(session: Session, words: list[str], limit: int) -> list:
    tsquery = " & ".join(f"{w}:*" for w in words)
    texts = ", ".join(f"{sql} AS {column}" for column, sql in _PG_TEXTS.items())
    whole = " || ' ' || ".join(column for column in _PG_TEXTS)
    sql = (
        f"WITH q AS (SELECT to_tsquery('danish', :tsquery) AS q), "
        f"texts AS (SELECT i.id AS item_id, i.title || ' ' || coalesce(i.public_title, '') "
        f"AS title, {texts} FROM items i), "
        f"scored AS (SELECT texts.*, to_tsvector('danish', title || ' ' || {whole}) AS v "
        f"FROM texts), "
        f"hits AS (SELECT scored.*, -ts_rank(scored.v, q.q) AS rank "
        f"FROM scored, q WHERE scored.v @@ q.q ORDER BY rank LIMIT :limit) {_DETAILS}"
    )
    return list(session.execute(text(sql), {"tsquery": tsquery, "limit": limit}))
