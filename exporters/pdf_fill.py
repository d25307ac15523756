"""The forms that end a protocol page (blocks.PageFill), laid out as one flowable.

The item's text comes first; then the decision (boxes and a ruled box), the
absences and the question form should share its page. The ruled box gives
way first: it takes what the page has left, between its fewest and most
lines. When even its fewest lines do not fit, the first group (with the box)
stays on the page and the other groups move on; when not even that fits,
the whole fill moves to the next page and is laid out there the same way.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether

from exporters.pdf_forms import LINE, RuledBox

ALONE = 2  # a box alone with its group on a page may grow to twice its lines
SLACK = 2 * mm  # kept free: platypus and this module round heights differently


class PageFill(Flowable):
    def __init__(self, groups: list[list[Flowable]], page_height: float):
        super().__init__()
        self.groups = groups
        self.page_height = page_height  # the frame's height: a fill there is at a page top
        boxes = [f for group in groups for f in group if isinstance(f, RuledBox)]
        self.box = boxes[0] if boxes else None

    def _heights(self, width: float) -> list[float]:
        return [_stacked(group, width)[0] for group in self.groups]

    def _grow(self, spare: float, most: int) -> float:
        """Give the box what `spare` holds beyond its fewest lines; the height it took."""
        if self.box is None:
            return 0.0
        extra = max(0, min(most - self.box.fewest, int((spare - SLACK) // LINE)))
        self.box.lines = self.box.fewest + extra
        return extra * LINE

    def _fewest(self) -> None:
        if self.box is not None:
            self.box.lines = self.box.fewest

    def wrap(self, avail_width, avail_height):
        self._fewest()
        needed = sum(self._heights(avail_width))
        if needed <= avail_height:
            most = self.box.most if self.box else 0
            needed += self._grow(avail_height - needed, most)
        else:
            needed = avail_height + 1  # too tall: platypus asks split() what goes here
        self.width, self.height = avail_width, needed
        return self.width, self.height

    def split(self, avail_width, avail_height):
        self._fewest()
        heights = self._heights(avail_width)
        if sum(heights) <= avail_height:
            return [self]
        first = heights[0]
        if first <= avail_height:
            most = self.box.most * ALONE if self.box else 0
            self._grow(avail_height - first, most)
            return self.groups[0] + [KeepTogether(group) for group in self.groups[1:]]
        if avail_height < self.page_height - 1:
            return []  # not at the top of a page: all of it on the next one
        if self.box is not None:
            self.box.lines = self.box.most
        return [f for group in self.groups for f in group]  # a page cannot hold even that

    def draw(self):
        y = self.height
        for group in self.groups:
            y = _draw_stacked(self.canv, group, self.width, y)


def _stacked(flowables: list[Flowable], width: float) -> tuple[float, list]:
    """The height of flowables one under the other, spaced as a platypus frame spaces them
    (the larger of one's space after and the next one's space before), and their places."""
    height, after, places = 0.0, 0.0, []
    for i, flowable in enumerate(flowables):
        w, h = flowable.wrap(width, 10_000)
        before = flowable.getSpaceBefore() if i else 0.0
        height += max(before, after)
        places.append((flowable, w, height, h))
        height += h
        after = flowable.getSpaceAfter()
    return height + after, places


def _draw_stacked(canvas, flowables: list[Flowable], width: float, top: float) -> float:
    height, places = _stacked(flowables, width)
    for flowable, w, offset, h in places:
        flowable.drawOn(canvas, 0, top - offset - h, _sW=width - w)
    return top - height
