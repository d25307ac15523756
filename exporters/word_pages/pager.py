"""The blocks put on pages by the rules LibreOffice follows for a Word file (measured on
LibreOffice 7.4 against a 200-item referat and generated meetings):

- the gap between two paragraphs is the larger of the one's space below and the other's
  space above, not their sum;
- a paragraph that starts a page after a page break keeps its space above; one that the
  text pushed onto a new page does not;
- no paragraph leaves one line alone at a page's foot or top (widow control);
- a paragraph kept with the next moves to the next page with it, unless it starts its
  page; a heading's lines are kept together.
"""

from __future__ import annotations

from exporters.word_pages.metrics import Unknown
from exporters.word_pages.reader import Para, Row
from exporters.word_pages.styles import Props

WIDOWS = ORPHANS = 2


class Pager:
    """Puts the blocks on pages, noting the page of every bookmark.

    `y` is where the last line placed ends; the space below a paragraph is kept apart
    (`after`): the next paragraph's gap is the larger of it and its own space above, as
    LibreOffice spaces a Word file's paragraphs."""

    def __init__(self, height: int):
        self.height = height
        self.pages: dict[str, int] = {}

    def run(self, source, wanted: set[str]) -> None:
        """Lay the blocks from `source` out until every bookmark in `wanted` has its page."""
        blocks: list = []
        page, y, after, i = 1, 0, 0, 0
        placed: list[tuple[int, int, int]] = []  # each block's (page, y, after) before it
        forced: set[int] = set()
        missing = set(wanted)
        while missing:
            if i == len(blocks):
                block = next(source, None)
                if block is None:
                    return
                blocks.append(block)
            block = blocks[i]
            placed[i:] = [(page, y, after)]
            if isinstance(block, Row):
                if y and y + after + block.height > self.height:
                    if not block.whole:
                        raise Unknown("en tabelrække der kan deles over to sider")
                    page, y = page + 1, 0
                for name in block.anchors:
                    self.pages[name] = page
                    missing.discard(name)
                y, after = y + (after if y else 0) + block.height, 0
                i += 1
                continue
            if y and (block.props.page_break or i in forced):
                page, y, after = page + 1, 0, 0
            start_page = page
            first_page, page, y = self._place(block, page, y, after, blocks, i)
            chain = self._chain(blocks, placed, i, start_page) if first_page != start_page \
                else i
            if chain < i:
                forced.add(chain)  # the paragraphs kept with this one go along to its page
                page, y, after = placed[chain]
                i = chain
                continue
            for name in block.anchors:
                self.pages[name] = first_page
                missing.discard(name)
            after = block.props.after
            i += 1

    @staticmethod
    def _chain(blocks, placed, i: int, page: int) -> int:
        """The first of the paragraphs before `i` kept with it on `page`; `i` if none, or
        if they start the page (then they cannot go along)."""
        chain = i
        while chain and isinstance(blocks[chain - 1], Para) and \
                blocks[chain - 1].props.keep_next and placed[chain - 1][0] == page:
            chain -= 1
        return i if placed[chain][1] == 0 else chain

    def _place(self, para: Para, page: int, y: int, after: int, blocks, i):
        """Lay `para` out from (page, y): its first page, and the page and y after it."""
        props, line, lines = para.props, para.props.line, para.lines
        if y:
            gap = max(after, props.before)
            if props.contextual and isinstance(blocks[i - 1], Para) and \
                    blocks[i - 1].props.style == props.style:
                gap = 0
        else:  # a page's top: the space above stays after a page break, not after a run-over
            gap = props.before if props.page_break or page == 1 else 0
        first_page = None
        while True:
            room = (self.height - y - gap) // line  # whole lines that fit here
            if room >= lines:
                return first_page or page, page, y + gap + lines * line
            take = self._split(props, lines, room, y == 0)
            if take:
                first_page = first_page or page
                lines -= take
            page, y, gap = page + 1, 0, 0

    @staticmethod
    def _split(props: Props, lines: int, room: int, top: bool) -> int:
        """How many of the paragraph's remaining `lines` go on this page with `room`."""
        if room <= 0:
            return 0 if not top else 1
        if props.keep_lines and not top:
            return 0
        take = min(room, lines)
        if props.widows:
            if lines - take < WIDOWS:
                take = lines - WIDOWS
            if take < ORPHANS:
                return 0 if not top else min(room, lines)
        return take
