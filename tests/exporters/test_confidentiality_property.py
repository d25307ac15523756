"""Property test: nothing written in a closed item or a closed bilag reaches a public document.

Random secret words are put in every field of a closed item that a public
document must withhold, and in the title of a closed bilag on an open item.
The public referat and dagsorden, as PDF and as Word, must not hold them in
their text, metadata, bookmarks or any XML part; the internal referat must
print them (so the test can fail).
"""

from __future__ import annotations

import copy
import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from exporters.render import render_bytes
from model.database import open_archive
from model.interchange import import_file, load_json
from model.meetings import load_meeting
from tests.conftest import EXAMPLE_FILES
from tests.exporters.helpers import docx_parts, outline, pdf_pages

PROEVE = load_json(next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune")))
CLOSED, OPEN = 2, 1  # items 303 (closed) and 302 (open, with a closed bilag)

# Where the closed item's secrets go: (path inside the item, printed in the internal referat).
FIELDS = [
    (("title",), True),
    (("sections", 0, "text"), True),
    (("sections", 1, "heading"), True),
    (("decision", "text"), True),
    (("decision", "corrections", 0, "text"), True),
    (("journal_number",), True),
    (("presenters",), True),
    (("time_slot",), True),
]

secret_word = st.text(
    alphabet="ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyzæøåÆØÅ", min_size=6, max_size=12
).map(lambda s: "Hm" + s)


def put(record, path, value):
    for key in path[:-1]:
        record = record[key]
    record[path[-1]] = value


def public_texts(data_pdf: bytes, data_docx: bytes) -> str:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data_pdf))
    parts = [" ".join(pdf_pages(data_pdf))]
    parts += [str(v) for v in (reader.metadata or {}).values()]
    parts += [title for title, _ in outline(data_pdf)]
    parts += list(docx_parts(data_docx).values())
    return "\n".join(parts)


def flat(text: str) -> str:
    return "".join(text.split())


@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    phases=[Phase.explicit, Phase.reuse, Phase.generate],  # a shrink would take many minutes
)
@given(
    secrets=st.lists(secret_word, min_size=len(FIELDS) + 1, max_size=len(FIELDS) + 1, unique=True)
)
def test_no_closed_text_in_public_documents(secrets):
    document = copy.deepcopy(PROEVE)
    meeting = document["meetings"][0]
    closed = meeting["items"][CLOSED]
    closed["presenters"], closed["time_slot"], closed["journal_number"] = "x", "x", "x"
    for (path, _), secret in zip(FIELDS, secrets, strict=False):
        put(closed, path, secret)
    bilag_secret = secrets[-1]
    meeting["items"][OPEN]["attachments"][1]["title"] = bilag_secret  # the closed bilag

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "m.json"
        source.write_text(json.dumps(document), "utf-8")
        archive = open_archive(Path(folder) / "a.sqlite3", keep_backups=None)
        import_file(archive, source)
        with archive.sessions() as session:
            loaded = load_meeting(session, meeting["id"])
            internal = flat(" ".join(pdf_pages(render_bytes(loaded, "referat", "pdf"))))
            published = [
                flat(
                    public_texts(
                        render_bytes(loaded, kind, "pdf", public=True),
                        render_bytes(loaded, kind, "docx", public=True),
                    )
                )
                for kind in ("referat", "dagsorden")
            ]
        archive.close()

    for (path, printed), secret in zip(FIELDS, secrets, strict=False):
        if printed:
            assert secret in internal, f"{path} is not printed even internally"
        for text in published:
            assert secret not in text, f"{path} leaked into a public document"
    assert bilag_secret in internal
    for text in published:
        assert bilag_secret not in text
        assert "Salgafkommunalgrund(Lukketpunkt)" in text  # the public title is printed
