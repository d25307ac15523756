"""Reading the boxes of a straightened page: is a tick box ticked, is a ruled box written in.

Ink is measured against the paper's own tone (a grey recycled sheet, a dim
scan), and what the page printed itself (a box's frame, the ruled lines) is
left out: only what the pen added counts.
"""

from __future__ import annotations

import cv2
import numpy as np

from exporters.pdf_forms import LINE
from scanning.locate import SCALE

INK = 0.3  # darker than the paper by this share of the paper's tone: ink
PAPER_REACH = 3 * 72 / 25.4  # points: wider than any pen stroke or printed frame
FRAME_MARGIN = 0.8 * 72 / 25.4  # points inside a box's frame that the frame may blur into
TICKED = 0.035  # share of a box's inside covered with ink: ticked
STROKE = 1.6 * 72 / 25.4  # points: the least reach of a pen stroke inside a box, not a speck
SPECK_PIXELS = 4  # smaller pieces of ink are noise
RULE_BAND = 0.7 * 72 / 25.4  # points either side of a ruled line left out of the reading
WRITTEN = 3.0  # square millimetres of pen strokes in a ruled box: written in
PX_MM2 = (SCALE * 72 / 25.4) ** 2  # pixels per square millimetre


def ink_mask(page: np.ndarray) -> np.ndarray:
    """Pixels darker than the paper around them by INK. The paper's tone is taken locally
    (the lightest pixel within PAPER_REACH, smoothed), so the shadow across a phone photo
    or a grey copy is paper, not ink."""
    reach = round(PAPER_REACH * SCALE)
    paper = cv2.dilate(page, np.ones((reach, reach), np.uint8))  # strokes and frames gone
    paper = cv2.blur(paper, (reach, reach)).astype(np.float32)
    return page < paper * (1 - INK)


def pixel_rect(box, page_height: float, inset: float = 0) -> tuple[int, int, int, int]:
    """x0, y0, x1, y1 in the straightened page of a box (key, x, y, width, height) in points,
    `inset` points smaller on every side."""
    _, x, y, width, height = box
    x0 = (x + inset) * SCALE
    x1 = (x + width - inset) * SCALE
    y0 = (page_height - y - height + inset) * SCALE
    y1 = (page_height - y - inset) * SCALE
    return round(x0), round(y0), round(x1), round(y1)


def ticked(ink: np.ndarray, box, page_height: float) -> bool:
    """Whether the pen ticked the box: enough ink inside its frame, in a stroke, not a speck
    of dust or toner (a tick or a cross runs across the box)."""
    x0, y0, x1, y1 = pixel_rect(box, page_height, FRAME_MARGIN)
    inside = ink[y0:y1, x0:x1].astype(np.uint8)
    if inside.size == 0 or float(inside.mean()) < TICKED:
        return False
    count, _, stats, _ = cv2.connectedComponentsWithStats(inside)
    # The pieces of ink, leaving out a pixel or two of noise; a check mark whose corner lies
    # outside the measured square comes in as two short pieces.
    reaches = [max(stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT])
               for i in range(1, count) if stats[i, cv2.CC_STAT_AREA] >= SPECK_PIXELS]
    return len(reaches) > 1 or max(reaches, default=0) >= STROKE * SCALE


def written(ink: np.ndarray, box, page_height: float) -> bool:
    """Whether the pen wrote in the ruled box: ink beyond the frame and the ruled lines,
    specks of noise left out."""
    x0, y0, x1, y1 = pixel_rect(box, page_height, FRAME_MARGIN)
    inside = ink[y0:y1, x0:x1].astype(np.uint8)
    if inside.size == 0:
        return False
    bottom = y1 + FRAME_MARGIN * SCALE  # the box's own bottom edge, in page pixels
    band = RULE_BAND * SCALE
    line = LINE * SCALE
    rows = np.arange(y0, y1)
    on_rule = np.abs(((bottom - rows) + line / 2) % line - line / 2) <= band
    inside[on_rule, :] = 0
    inside = cv2.morphologyEx(inside, cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return float(inside.sum()) / PX_MM2 >= WRITTEN


def crop(page: np.ndarray, box, page_height: float) -> bytes:
    """The box as PNG, for showing the handwriting beside the field it belongs in."""
    x0, y0, x1, y1 = pixel_rect(box, page_height, -2)
    h, w = page.shape
    ok, data = cv2.imencode(".png", page[max(0, y0):min(h, y1), max(0, x0):min(w, x1)])
    return data.tobytes() if ok else b""
