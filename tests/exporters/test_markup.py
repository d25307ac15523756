"""Markdown read into blocks: the simple reading (paragraphs, "- " lists, headings) is
markdown-it's."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from exporters.blocks import LINE_BREAK, ListBlock, ListEntry, Para, Run, SubHeading
from exporters.markup import _parsed_blocks, _simple_blocks, markdown_blocks
from model.interchange import load_json
from tests.conftest import EXAMPLE_FILES

# Letters, and every character Markdown may read as more than text, at a line's start
# or inside it; white space of several kinds.
PIECES = st.sampled_from([
    "Udvalget", "godkender", "æøå", "ÆØÅ", "2026", "12.", "3)", "kl.", "10.30", "-", "–",
    "#", "##", ">", "*", "**", "_", "`", "```", "~~~", "[", "]", "(", ")", "!", "<", "&",
    "&amp;", "\\", "=", "===", "---", "+", "|", ":", "http://x.dk", " ", "  ", "\t",
    "\u00a0", "\n", "\n\n", "\n \n", "    ",
])
TEXTS = st.lists(PIECES, max_size=30).map("".join)
# Lines as sections are written: a start that may open a block, then words.
STARTS = st.sampled_from(["", "", "- ", "-  ", "-", "# ", "### ", "###", "####### ", "1. ",
                          "> ", "- - ", "- # ", "- 1. ", " ", "* ", "---", "==="])
WORDS = st.lists(st.sampled_from(["Udvalget", "godkender", "planen", "2026.", "#", "-",
                                  "kl.", "10.30", "a", "B"]), max_size=6).map(" ".join)
LINES = st.lists(st.tuples(STARTS, WORDS, st.sampled_from(["\n", "\n\n", "\n\n\n", ""])),
                 max_size=12).map(lambda parts: "".join(a + b + c for a, b, c in parts))


def _same_or_none(text: str) -> bool:
    """The simple reading, where it applies, is markdown-it's; True where it applies."""
    simple = _simple_blocks(text)
    if simple is not None:
        assert simple == _parsed_blocks(text)
    return simple is not None


@settings(max_examples=3000, deadline=None)
@given(TEXTS)
def test_any_text_read_simply_is_read_as_markdown_it_reads_it(text):
    if text.strip():
        _same_or_none(text)


@settings(max_examples=3000, deadline=None)
@given(LINES)
def test_sections_read_simply_are_read_as_markdown_it_reads_them(text):
    if text.strip():
        _same_or_none(text)


def test_plain_text_is_read_simply_as_paragraphs_of_lines():
    text = "Første afsnit, 2026-09-21, kl. 10.30: 12,5 mio. kr.\nNy linje.\n\n\nAndet afsnit."
    assert _simple_blocks(text) == [
        Para([Run("Første afsnit, 2026-09-21, kl. 10.30: 12,5 mio. kr."), LINE_BREAK,
              Run("Ny linje.")]),
        Para([Run("Andet afsnit.")]),
    ]
    assert markdown_blocks(text) == _parsed_blocks(text)


def test_lists_and_headings_are_read_simply():
    text = "### Baggrund\n\n- første\n- anden\n\n- tredje\n\nTekst.\n\n- ny liste"
    assert _simple_blocks(text) == [
        SubHeading("Baggrund"),
        ListBlock([ListEntry("•", [Run("første")], 0, 1), ListEntry("•", [Run("anden")], 0, 1),
                   ListEntry("•", [Run("tredje")], 0, 1)]),
        Para([Run("Tekst.")]),
        ListBlock([ListEntry("•", [Run("ny liste")], 0, 2)]),
    ]
    assert _same_or_none(text)


def test_markup_is_left_to_markdown_it():
    for text in ("1. punkt", "* punkt", "Tekst\n- punkt", "- punkt\nfortsat", "**fed**",
                 "a  \nb", "    kode", "> citat", "Tekst\n---", "a &amp; b", "[link](x)",
                 "#Tæt", "####### syv", "- - -", "-  to mellemrum"):
        assert _simple_blocks(text) is None, text


def test_the_examples_read_alike_both_ways():
    """Every text of the example meetings: where the quick reading applies, it is
    markdown-it's; and it applies to most."""
    texts = []
    for path in EXAMPLE_FILES:
        for meeting in load_json(path)["meetings"]:
            for item in meeting["items"]:
                texts += [s["text"] for s in item.get("sections", [])]
                if item.get("decision"):
                    texts.append(item["decision"].get("text") or "")
    simple = sum(_same_or_none(text) for text in filter(str.strip, texts))
    assert simple >= len(texts) // 2, (simple, len(texts))
