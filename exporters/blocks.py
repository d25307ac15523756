"""The neutral document: what is printed and in which order, with no layout.

`document.build_document` fills these from a meeting; each writer (pdf, docx)
only lays them out. Text in here is already clean: no control characters,
nothing that an XML part or a PDF content stream would refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Run:
    """A stretch of text with one emphasis; a run whose text is "\\n" is a line break."""

    text: str
    bold: bool = False
    italic: bool = False


LINE_BREAK = Run("\n")


@dataclass
class Para:
    """A paragraph. `style` is one of body, lead (a bold label line), meta (small, grey)."""

    runs: list[Run]
    style: str = "body"


@dataclass
class ListEntry:
    label: str  # "•" or "3." as printed (the PDF prints it; Word numbers from it)
    runs: list[Run]
    level: int = 0
    group: int = 0  # entries of one list share it: a numbered list restarts per group


@dataclass
class ListBlock:
    entries: list[ListEntry]
    keep: bool = False  # on one page, with the heading before it (an item's bilag)


@dataclass
class SectionHeading:
    """A section of an item: Resume, Indstilling, Beslutning, Bilag."""

    text: str


@dataclass
class SubHeading:
    """A `###` heading inside a section's Markdown."""

    text: str


@dataclass
class TickBoxes:
    """Labels each with an empty box, ticked with a pen (a decision, a member not present).

    `keys` (one per label, when given) name each box for whoever reads the paper back
    (exporters/pdf_forms.Placed): "decision:Godkendt", "absent:<member id>"."""

    labels: list[str]
    columns: int = 2
    keys: list[str] = field(default_factory=list)


@dataclass
class WritingBox:
    """A ruled box to write in by hand, `lines` written lines tall. With `fewest`, the box
    gives way down to that many lines so that its PageFill stays on one page."""

    lines: int
    fewest: int = 0
    key: str = ""


@dataclass
class FormColumn:
    title: str
    share: float  # of the text width; the shares of a table add up to 1
    kind: str = "text"  # text (printed), box (a box to tick), blank (room to write)
    key: str = ""  # of a box column: with the row's key, names each box ("present:<id>")


@dataclass
class FormTable:
    """A ruled table filled in by hand: a row per entry of `rows` (one string per column,
    empty where written by hand), then `blank_rows` empty rows `row_lines` lines tall."""

    columns: list[FormColumn]
    rows: list[list[str]]
    blank_rows: int = 0
    row_lines: float = 1
    row_keys: list[str] = field(default_factory=list)  # one per entry of `rows`, when given
    key: str = ""  # names the whole form for whoever reads the paper back ("questions")


@dataclass
class Fields:
    """Label and value rows in a frame: one follow-up's question, people, status, answer."""

    rows: list[tuple[str, str]]


@dataclass
class PageFill:
    """The forms that end a page (an item's decision, absences, questions): `groups` of
    blocks, each kept on one page. They share the page with what comes before them when
    the elastic WritingBox among them can give way enough; otherwise the first group
    (with the box) keeps the page and the others move on, or all of them move to the
    next page together."""

    groups: list[list[Block]]


Block = (Para | ListBlock | SectionHeading | SubHeading | TickBoxes | WritingBox | FormTable
         | Fields | PageFill)
FORM_BLOCKS = (TickBoxes, WritingBox, FormTable, Fields)


@dataclass
class Chapter:
    """A top-level part listed in the table of contents: an item or the signature page."""

    anchor: str  # bookmark name; never derived from a title, so a closed title cannot leak
    heading: str
    blocks: list[Block] = field(default_factory=list)
    signature: SignaturePage | None = None
    # What every page of the chapter is marked with beside Document.page_mark
    # ("Punkt 193"), so the loose pages of a protocol can be put back in order.
    mark: str = ""
    toc: str = ""  # the chapter's line in the table of contents, when not its heading
    scan_item: str = ""  # the item's id in the scan marks of a protocol's pages

    @property
    def toc_text(self) -> str:
        return self.toc or self.heading


@dataclass
class FrontPage:
    organisation: str
    committee: str
    kind: str  # "Referat", "Dagsorden"
    title: str
    rows: list[tuple[str, list[str]]]  # ("Til stede", names); printed as a two-column table
    blocks: list[Block] = field(default_factory=list)  # after the rows (the attendance form)


@dataclass
class Signer:
    name: str
    note: str = ""  # "Fraværende", "Stedfortræder for …"


@dataclass
class SignaturePage:
    intro: str
    signers: list[Signer]
    meeting: str = ""  # which meeting is signed: committee, date, place
    dated: str = ""  # the line for the date of signing

    @property
    def tight(self) -> bool:
        """A long list (more than 12) is set tighter by every writer: 20 fit one page."""
        return len(self.signers) > 12


@dataclass
class Document:
    """One printable document, decided once for every format."""

    kind: str  # "Referat", "Dagsorden", "Underskriftsark"
    public: bool
    organisation: str
    committee: str
    title: str  # also the file's metadata title
    header: str  # the right-hand side of every page's header
    front: FrontPage | None
    chapters: list[Chapter]
    with_toc: bool = True
    # Compact: the front block and the chapters share pages (a lone signature sheet);
    # otherwise the front page, the TOC and every chapter start a page of their own.
    compact: bool = False
    toc_title: str = "Indholdsfortegnelse"
    keywords: list[str] = field(default_factory=list)
    # Marked pages: every header and footer names the meeting ("AET 19.08.2020") and the
    # chapter's mark, and each chapter is a section of its own in Word. Empty: not marked.
    page_mark: str = ""
    # Written on with a pen and read at arm's length: no text under 11 pt.
    large_print: bool = False
    # "Intern udgave" on every page, cover too: the full version of a meeting with closed
    # items, so a page of it is never taken for the public one. Empty: no mark.
    edition: str = ""
    # Read back by a scanner: every PDF page gets a QR code naming this meeting, the
    # chapter's item and the page, and four corner marks (exporters/scan_marks.py).
    scan_meeting: str = ""

    @property
    def elastic(self) -> bool:
        """Whether a chapter holds forms that end a page (PageFill), whose ruled box gives
        way to what the page has room for: only a layout can say how many lines it gets."""
        return any(isinstance(b, PageFill) for chapter in self.chapters for b in chapter.blocks)
