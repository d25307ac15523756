"""The example meetings in their committees' house styles print the words of the published
minutes (tests/exporters/originals/*.txt, copies of ../shared/examples) in their order.

The share is the words of the original found, in order, in the printed document:
difflib's matching blocks over the two word sequences. Words added by our layout
(running headers, "Side 3 af 12") do not count against it; words lost or moved do.
"""

from __future__ import annotations

import difflib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.exporters.helpers import needs_soffice

ORIGINALS = Path(__file__).parent / "originals"
MEETINGS = {"aet-2020-08-19": "stevns-aet-2020-08-19",
            "sagsbehandling-2020-04-21": "faxe-sagsbehandling-2020-04-21"}
REQUIRED = 0.995
# A word: letters, or a number with its inner separators ("24,551", "9.00"). Punctuation,
# bullets and Markdown marks (**, #) are not words; case does not count ("REFERAT").
# A line-wrapped file name or "ledighed.Målgruppe" (no space in the original) splits
# into its parts on both sides alike.
WORD = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+")
# The page numbers of the original's table of contents are its own page furniture,
# like "Side 3 af 12" (which the .txt files leave out); our TOC prints ours.
TOC_PAGE = re.compile(r"^(.*\.{3,})\s*\d+\s*$", re.MULTILINE)

needs_pdftotext = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                     reason="poppler-utils (pdftotext) is not installed")


def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text)]


def word_share(original: str, printed: str) -> tuple[float, list[str]]:
    """The share of the original's words printed in order, and the runs that are missing."""
    theirs = words(TOC_PAGE.sub(r"\1", original))
    ours = words(printed)
    matcher = difflib.SequenceMatcher(None, theirs, ours, autojunk=False)
    found, missing, at = 0, [], 0
    for block in matcher.get_matching_blocks():
        if block.a > at:
            missing.append(" ".join(theirs[at:block.a]))
        found += block.size
        at = block.a + block.size
    return found / len(theirs), missing


def test_the_measure_counts_lost_and_moved_words():
    original = "Punkt 1: Godkendelse. Beslutning: Godkendt, 24,551 mio. kr."
    assert word_share(original, "punkt 1 godkendelse beslutning godkendt 24,551 mio kr")[0] == 1
    share, missing = word_share(original, "Punkt 1 Godkendelse Godkendt 24,551 mio. kr.")
    assert share == 7 / 8 and missing == ["beslutning"]
    # moved: only one of the two orders can match
    assert word_share("a b c d", "c d a b")[0] == 0.5
    assert word_share("Indhold\nVelkomst.....\t3\n", "Indhold Velkomst 4")[0] == 1


def _pdf_text(pdf: bytes, folder: Path) -> str:
    path = folder / "printed.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _render(archive, meeting_id: str, fmt: str, folder: Path) -> bytes:
    from tests.exporters.helpers import render

    # The published minutes are the public version: closed items show their titles only.
    return render(archive, meeting_id, "referat", fmt, folder / f"x.{fmt}", public=True) \
        .read_bytes()


@pytest.fixture(scope="module")
def styled_archive(tmp_path_factory):
    from model.database import open_archive
    from model.interchange import import_file
    from tests.conftest import EXAMPLES

    archive = open_archive(tmp_path_factory.mktemp("share") / "a.sqlite3", keep_backups=None)
    for name in MEETINGS.values():
        import_file(archive, EXAMPLES / f"{name}.json")
    yield archive
    archive.close()


@needs_pdftotext
@pytest.mark.parametrize("meeting_id", MEETINGS)
def test_pdf_prints_the_published_words_in_order(styled_archive, tmp_path, meeting_id):
    printed = _pdf_text(_render(styled_archive, meeting_id, "pdf", tmp_path), tmp_path)
    original = (ORIGINALS / f"{MEETINGS[meeting_id]}.txt").read_text("utf-8")
    share, missing = word_share(original, printed)
    print(f"\n{MEETINGS[meeting_id]} PDF: {share:.2%} of the words; missing: {missing}")
    assert share >= REQUIRED, missing


@needs_soffice
@needs_pdftotext
@pytest.mark.parametrize("meeting_id", MEETINGS)
def test_word_file_as_libreoffice_lays_it_out_prints_the_published_words(
    styled_archive, tmp_path, meeting_id
):
    from exporters.layout import convert_to_pdf

    pdf = convert_to_pdf(_render(styled_archive, meeting_id, "docx", tmp_path))
    assert pdf is not None
    printed = _pdf_text(pdf, tmp_path)
    original = (ORIGINALS / f"{MEETINGS[meeting_id]}.txt").read_text("utf-8")
    share, missing = word_share(original, printed)
    print(f"\n{MEETINGS[meeting_id]} Word: {share:.2%} of the words; missing: {missing}")
    assert share >= REQUIRED, missing


def test_without_the_house_style_the_stevns_minutes_lose_their_order(tmp_path):
    """The measure can fail: Stevns' meeting in the default style prints the bilag
    at the end of each item under a heading, not under the item's heading as published."""
    import json

    from model.database import open_archive
    from model.interchange import import_file
    from tests.conftest import EXAMPLES

    data = json.loads((EXAMPLES / "stevns-aet-2020-08-19.json").read_text("utf-8"))
    data["committees"][0].pop("style")
    source = tmp_path / "plain.json"
    source.write_text(json.dumps(data), "utf-8")
    archive = open_archive(tmp_path / "a.sqlite3", keep_backups=None)
    try:
        import_file(archive, source)
        from exporters.document import build_document
        from exporters.render import render_document
        from model.meetings import load_meeting

        with archive.sessions() as session:
            doc = build_document(load_meeting(session, "aet-2020-08-19"), "referat", True)
            if shutil.which("pdftotext") is None:
                pytest.skip("poppler-utils (pdftotext) is not installed")
            printed = _pdf_text(render_document(doc, "pdf"), tmp_path)
    finally:
        archive.close()
    original = (ORIGINALS / "stevns-aet-2020-08-19.txt").read_text("utf-8")
    share, _ = word_share(original, printed)
    print(f"\nstevns-aet-2020-08-19 PDF without its style: {share:.2%}")
    assert share < REQUIRED


def test_the_originals_are_copies_of_the_shared_examples():
    from tests.conftest import SHARED_EXAMPLES

    if not SHARED_EXAMPLES.is_dir():
        pytest.skip("../shared/examples is not beside this checkout")
    for name in MEETINGS.values():
        assert (ORIGINALS / f"{name}.txt").read_bytes() == \
            (SHARED_EXAMPLES / f"{name}.txt").read_bytes()
