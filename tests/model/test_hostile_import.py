"""Property test: any text in any text field either round-trips exactly or is refused cleanly."""

from __future__ import annotations

import copy
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model.database import open_archive
from model.errors import InterchangeError
from model.interchange import import_file, load_json
from tests.conftest import EXAMPLE_FILES
from tests.model.normalize import normalize
from tests.model.test_roundtrip import export_all

PROEVE = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune")))
PROEVE["meetings"][0]["status"] = "held"  # a signed meeting would refuse every change
NOT_TEXT = {
    "id",
    "committee",
    "member",
    "case",
    "date",
    "start",
    "end",
    "due",
    "status",
    "role",
    "numbering",
    "decision_placement",
    "part",
    "format",
    "content_base64",
    "substitute_member",
    "absent",
    "not_participating",
    "for",
    "against",
    "abstain",
}


def text_places(value, path=()):
    """Every place in the example that holds free text."""
    if isinstance(value, dict):
        for key, child in value.items():
            if key not in NOT_TEXT and key != "extra":
                yield from text_places(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from text_places(child, (*path, index))
    elif isinstance(value, str):
        yield path


PLACES = sorted(
    set(text_places(PROEVE))
    | {
        ("meetings", 0, "items", 1, "sections", 0, "heading"),
        ("meetings", 0, "guests", 0),
    }
)
IDS = [m["id"] for m in PROEVE["meetings"]]

hostile_text = st.one_of(
    st.text(max_size=300),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
    st.sampled_from(
        [
            "\x0b",
            "\x0c",
            "\r\n",
            "\u2028",
            "\ufeff",
            "😀👩‍👩‍👧",
            "\x00",
            "",
            "Ł č ş ø å æ",
            "<w:t>&amp;</w:t>",
            "]]>",
            "{{ }}",
            "%s %n",
        ]
    ),
)


def put(document, path, value):
    target = document
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(place=st.sampled_from(PLACES), text=hostile_text)
def test_any_text_round_trips_or_is_refused_cleanly(place, text):
    document = copy.deepcopy(PROEVE)
    put(document, place, text)
    source = FOLDER / "input.json"
    source.write_text(json.dumps(document), "utf-8")
    before = export_all(ARCHIVE, IDS)
    try:
        import_file(ARCHIVE, source)
    except InterchangeError as refused:
        too_long = "er for lang" in refused.message and len(text) > 20  # party: 20 at most
        assert "\x00" in text or text == "" or too_long, refused
        assert export_all(ARCHIVE, IDS) == before
        return
    assert export_all(ARCHIVE, IDS) == normalize(document)


_folder = tempfile.TemporaryDirectory()
FOLDER = Path(_folder.name)
ARCHIVE = open_archive(FOLDER / "arkiv.sqlite3", keep_backups=None)
(FOLDER / "start.json").write_text(json.dumps(PROEVE), "utf-8")
import_file(ARCHIVE, FOLDER / "start.json")
