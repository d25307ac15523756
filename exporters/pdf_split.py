"""A long PDF laid out in two processes at once, and put together as one.

Every chapter starts a page of its own, so the chapters after a split point
can be laid out by a forked process while this one lays out the front page,
the contents and the chapters before it. The fork shares the canvas made
before it, so both processes name the fonts alike; every character of the
document is given its code in each font before the fork, so both encode
text alike (pdf_font.give_codes). The other process sends back each page's
stream, where its chapters start and what its text is (the tagging notes);
this one draws those pages as its own, with their bookmarks, and numbers
everything once all pages are known (pdf_numbers).

Whatever the other process cannot hand over safely (a link, characters or
fonts first used in both halves in another order, a failure) makes `join`
say no, and this process lays the other half out itself: slower, never
different. Only where a process can be forked (not Windows), and only when
asked: the window does not fork its export thread.
"""

from __future__ import annotations

import dataclasses
import os
import pickle
from dataclasses import dataclass, field

from exporters.blocks import FORM_BLOCKS, Document, PageFill, Run
from exporters.fonts import FALLBACK, FAMILY, main_coverage, register_fallback

FACES = (FAMILY, f"{FAMILY}-Bold", f"{FAMILY}-Italic", f"{FAMILY}-BoldItalic")
LEAST = 120_000  # characters of text below which a fork costs more than it saves
OWN_SHARE = 0.47  # of the text laid out here: this process also puts the pages together
PRINTED = "Side af . – · "  # what the writer adds to the document's own text


class Refused(Exception):
    """What the other process drew cannot be put into this document as it is."""


@dataclass
class Laid:
    """What the other process sends back."""

    pages: list[str]  # each page's stream, its untagged runs wrapped (pdf_tagging)
    entries: list[tuple[int, str, str]]  # (its page, from 1; TOC text; anchor)
    notes: object  # its pdf_tagging.Tagger
    codes: dict[str, str] = field(default_factory=dict)  # given after the fork, by font
    fonts: list[str] = field(default_factory=list)  # first drawn after the fork, in order


@dataclass
class Split:
    """The other process laying out part of a document, and the fonts at the fork."""

    pid: int
    pipe: int
    codes: dict[str, int]  # pdf_font.codes_given at the fork
    fonts: int  # how many fonts the document had named at the fork
    done: bool = False


@dataclass
class Plan:
    """Where to split a document, and every character it prints."""

    at: int  # the first chapter the other process lays out
    chars: str


def plan(doc: Document, workers: int) -> Plan | None:
    """How to lay `doc` out in two processes, or None for one process."""
    if workers < 2 or not hasattr(os, "fork") or doc.compact or doc.page_mark \
            or doc.scan_meeting or len(doc.chapters) < 4 or _has_forms(doc):
        return None
    texts = [_text(chapter) for chapter in doc.chapters]
    total = sum(map(len, texts))
    if total < LEAST:
        return None
    own = 0
    for index, text in enumerate(texts[:-1]):
        own += len(text)
        if own >= OWN_SHARE * total:
            texts += [PRINTED, doc.organisation, doc.header, doc.edition, doc.toc_title,
                      _text(doc.front)]
            return Plan(index + 1, "".join(sorted(set().union(*texts))))
    return None


def _has_forms(doc: Document) -> bool:
    """Forms are drawn for reading the paper back, which needs their boxes' places: the
    other process does not send them."""
    return any(isinstance(block, (*FORM_BLOCKS, PageFill))
               for chapter in doc.chapters for block in chapter.blocks)


def fork(canvas, plan: Plan, lay_out) -> Split:
    """Give every character of the document its codes in `canvas`'s document, then fork
    a process that runs `lay_out()` (which returns a Laid) and sends the result back."""
    from exporters import pdf_font

    _give_codes(canvas._doc, plan.chars)
    split = Split(0, 0, pdf_font.codes_given(canvas._doc), len(canvas._doc.fontMapping))
    read, write = os.pipe()
    split.pid = os.fork()
    if split.pid == 0:  # the other process: never returns
        os.close(read)
        _answer(write, lay_out, canvas._doc, split)
    os.close(write)
    split.pipe = read
    return split


def _answer(pipe: int, lay_out, doc, split: Split) -> None:
    from exporters import pdf_font

    try:
        with os.fdopen(pipe, "wb") as out:
            try:
                laid = lay_out()
                laid.codes = pdf_font.codes_since(doc, split.codes)
                laid.fonts = list(doc.fontMapping)[split.fonts:]
            except BaseException as error:  # noqa: BLE001 - the parent lays it out then
                pickle.dump(("failed", repr(error)), out)
            else:  # written as it is made: never held twice, as object and as bytes
                pickle.dump(("laid", laid), out, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffers


def result(split: Split) -> Laid | None:
    """The other process's pages, once it is done; None if it failed."""
    try:
        with os.fdopen(split.pipe, "rb") as source:
            kind, value = pickle.load(source)
    except (EOFError, pickle.UnpicklingError, ValueError):  # it ended before it was done
        kind, value = "failed", None
    os.waitpid(split.pid, 0)
    split.done = True
    return value if kind == "laid" else None


def abandon(split: Split) -> None:
    """End the other process when this one gives up first."""
    if split.done:
        return
    import signal

    os.kill(split.pid, signal.SIGKILL)
    os.close(split.pipe)
    os.waitpid(split.pid, 0)
    split.done = True


def join(canvas, split: Split, laid: Laid | None, offset: int) -> bool:
    """Whether the other half's pages can follow this half's `offset` pages on `canvas`:
    then its fonts, codes and tagging notes are made this document's."""
    if laid is None or laid.notes.links:  # failed; a link's target may be in this half
        return False
    try:
        _agree_fonts(canvas._doc, split, laid)
    except Refused:
        return False
    _merge_notes(canvas._tagger, laid, offset)
    return True


def _agree_fonts(doc, split: Split, laid: Laid) -> None:
    """Make the fonts and codes of `doc` (a canvas's) agree with the other half's, as
    long as each half's additions since the fork begin like the other's; else refuse."""
    from reportlab.pdfbase import pdfmetrics

    from exporters import pdf_font

    own = pdf_font.codes_since(doc, split.codes)
    # Every font checked before any is changed.
    more = {name: _beyond(own.get(name, ""), laid.codes.get(name, ""))
            for name in own.keys() | laid.codes.keys()}
    names = _beyond(list(doc.fontMapping)[split.fonts:], laid.fonts)
    pdf_font.give_codes(doc, {name: chars for name, chars in more.items() if chars})
    for name in names:
        pdfmetrics.getFont(name).getSubsetInternalName(0, doc)


def _beyond(own, other):
    """What `other` has after `own`, when one begins with the other; else refuse."""
    if other[:len(own)] == own:
        return other[len(own):]
    if own[:len(other)] == other:
        return other[:0]
    raise Refused("the two halves gave codes or names in another order")


def _merge_notes(notes, laid: Laid, offset: int) -> None:
    """The other half's tagging notes after this half's, its pages `offset` on."""
    other = laid.notes
    for element in other.elements:
        element.kids = [(page + offset, mcid) for page, mcid in element.kids]
        if element.label is not None:
            element.label = (element.label[0] + offset, element.label[1])
        if element.cell is not None:
            element.cell = (element.cell[0] + notes.tables, *element.cell[1:])
    notes.elements.extend(other.elements)
    notes.tables += other.tables


def _give_codes(target, chars: str) -> None:
    """Codes for `chars` in every face (`target`: a canvas's document), and names for the
    faces every document draws, in the order a layout names them."""
    from reportlab.pdfbase import pdfmetrics

    from exporters import pdf_font

    main = main_coverage()
    codes = dict.fromkeys(FACES, "".join(c for c in chars if ord(c) in main))
    rare = "".join(c for c in chars if ord(c) not in main)
    if rare.strip():  # what with_fallback sets in DejaVu Sans, a U+FFFD for what none has
        register_fallback()
        codes[FALLBACK] = rare + "\ufffd"
    pdf_font.give_codes(target, codes)
    for name in FACES[:2]:  # the body text and the headings
        pdfmetrics.getFont(name).getSubsetInternalName(0, target)


def _text(value) -> str:
    """Every string in a neutral block, chapter or page, run together."""
    parts: list[str] = []
    _strings(value, parts)
    return "".join(parts)


def _strings(value, parts: list[str]) -> None:
    kind = type(value)  # by type, not isinstance: a long document has 100,000 runs
    if kind is Run:
        parts.append(value.text)
    elif kind is str:
        parts.append(value)
    elif kind is list or kind is tuple:
        for item in value:
            _strings(item, parts)
    else:
        for name in _fields(kind):
            _strings(getattr(value, name), parts)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(kind: type) -> tuple[str, ...]:
    """The fields of a dataclass; none for anything else (a number, None, a subclass of
    str or list, which holds no text of a document's)."""
    known = _FIELDS.get(kind)
    if known is None:
        fields = dataclasses.fields(kind) if dataclasses.is_dataclass(kind) else ()
        known = _FIELDS[kind] = tuple(f.name for f in fields)
    return known
