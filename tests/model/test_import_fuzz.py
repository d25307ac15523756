"""Fuzzing the importer: the example files with any value anywhere changed, a key dropped or an
entry repeated. `referent import` ends with exit 0, or with one clean line and the archive as it
was; on SQLite and, when REFERENT_TEST_DB_URL is set, on PostgreSQL."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from model.interchange import load_json
from tests.conftest import BACKENDS, EXAMPLE_FILES, archive_url
from tests.model.hostile_cli import assert_one_clean_line, run
from tests.model.test_roundtrip import export_all

DOCUMENTS = [load_json(p) for p in EXAMPLE_FILES]
ALL_IDS = [m["id"] for d in DOCUMENTS for m in d["meetings"]]


def places(value, path=()):
    """Every place in a document: each object's keys, each list's entries."""
    yield path
    if isinstance(value, dict):
        for key, child in value.items():
            yield from places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from places(child, (*path, index))


PLACES = [(n, path) for n, d in enumerate(DOCUMENTS) for path in places(d) if path]

hostile_strings = st.one_of(
    st.text(max_size=40),
    st.sampled_from([
        "", " ", "\x00", "09:00\n", "2020-08-19\n", "2020-02-30", "0000-01-01", "24:00",
        "\u2028", "\ud800x".encode("utf-8", "surrogatepass").decode("utf-8", "replace"),
        "a" * 3000, "held", "signed", "oeu", "oeu-1", "aet-m1", "extra", "😀" * 100,
    ]),
)
hostile_numbers = st.one_of(
    st.sampled_from([0, -1, 1, 99_999, 100_000, 2**31, 2**31 - 1, 2**63, -(2**63), 10**30]),
    st.integers(),
    st.floats(allow_nan=False, allow_infinity=False),
)
hostile_values = st.recursive(
    st.one_of(st.none(), st.booleans(), hostile_numbers, hostile_strings),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(hostile_strings, inner, max_size=3)
    ),
    max_leaves=8,
)
RAW = ["NaN", "Infinity", "-Infinity", "1" * 5000, "[" * 990 + "]" * 990, "1e999"]


@st.composite
def hostile_documents(draw):
    """(document number, the file's text) with one or two changes to an example."""
    n, _ = draw(st.sampled_from(PLACES))
    document = copy.deepcopy(DOCUMENTS[n])
    raw = None
    for _ in range(draw(st.integers(1, 2))):
        path = draw(st.sampled_from([p for m, p in PLACES if m == n]))
        parent = _at(document, path[:-1])
        if parent is None or path[-1] not in (parent if isinstance(parent, dict) else
                                               range(len(parent))):
            continue  # gone with the first change
        action = draw(st.sampled_from(["value", "value", "drop", "repeat", "raw"]))
        key = path[-1]
        if action == "drop":
            del parent[key]
        elif action == "repeat" and isinstance(parent, list):
            parent.append(copy.deepcopy(parent[key]))
        elif action == "raw" and raw is None:
            raw = draw(st.sampled_from(RAW))
            parent[key] = "__RAW__"
        else:
            parent[key] = draw(hostile_values)
    text = json.dumps(document, ensure_ascii=False)
    if raw is not None:
        text = text.replace('"__RAW__"', raw, 1)
    return text


def _at(document, path):
    target = document
    try:
        for key in path:
            target = target[key]
    except (KeyError, IndexError, TypeError):
        return None
    return target if isinstance(target, dict | list) else None


class Target:
    """One archive per backend for the whole run, holding every example to begin with."""

    def __init__(self, backend: str):
        self.folder = Path(tempfile.mkdtemp(prefix="referent-fuzz-"))
        if backend == "postgresql":
            from tests.pg import fresh_database

            self.url = fresh_database(archive_url())
            self.argv = ["--db-url", self.url]
        else:
            self.url = None
            self.argv = ["--db", str(self.folder / "arkiv.sqlite3")]
        for path in EXAMPLE_FILES:
            code, _, err = run(*self.argv, "import", path)
            assert code == 0, err
        from model.database import open_archive

        self.archive = open_archive(path=None if self.url else self.argv[1], url=self.url,
                                    keep_backups=None)

    def snapshot(self):
        """What the archive holds: on SQLite its file's bytes (any change at all shows)."""
        if self.url is None:
            path = Path(self.argv[1])
            wal = Path(f"{path}-wal")
            return path.read_bytes(), wal.read_bytes() if wal.exists() else b""
        return export_all(self.archive, ALL_IDS)


_targets: dict[str, Target] = {}


@pytest.mark.parametrize("backend", BACKENDS)
@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=hostile_documents())
def test_import_of_a_hostile_file_is_done_or_refused_in_one_clean_line(backend, text):
    target = _targets.setdefault(backend, Target(backend))
    source = target.folder / "fjendtlig.json"
    source.write_text(text, "utf-8", errors="surrogatepass")
    before = target.snapshot()

    code, _, err = run(*target.argv, "import", source)

    assert code in (0, 2), err
    event(f"exit {code}")
    if code == 2:
        assert_one_clean_line(err)
        assert target.snapshot() == before, err
