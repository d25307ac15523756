"""A chair's pen and a scanner, imitated: protocol pages marked by hand, then scanned.

The pages are the real PDF pages rasterised at the scanner's resolution; the
marks are drawn where the stored layout says the boxes are, the way a hurried
hand draws them (over the box edge, crosses, strokes 0.25-0.5 mm); the scanner
rotates, shifts, scales, blurs, adds noise and a grey paper tone, and saves JPEG.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

import cv2
import numpy as np

from scanning.locate import SCALE
from scanning.measure import pixel_rect
from scanning.read import ABSENT_KEY, DECISION_KEY, WRITTEN_KEY
from scanning.sources import DPI

PX_MM = DPI / 25.4
BED = 4  # mm of scanner window beyond each edge of the sheet


@dataclass
class Marked:
    """One marked page and what the chair marked on it."""

    image: np.ndarray
    meeting: str
    item: str | None
    ticked: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    written: bool = False


def clean_pages(pdf: bytes) -> list[np.ndarray]:
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        pixels = np.array(page.render(scale=SCALE, grayscale=True).to_numpy(), copy=True)
        pages.append(pixels[..., 0] if pixels.ndim == 3 else pixels)
    document.close()
    return pages


BLACK = (10, 70)  # a black pen's grey on the clean page
BLUE = (120, 150)  # a blue ballpoint's, as a greyscale scanner sees it


def mark_page(image: np.ndarray, layout, rng: np.random.Generator, *, double: bool = False,
              scribble: bool | None = None, ink: tuple[int, int] = BLACK) -> Marked:
    """The page marked as a chair would: one decision ticked (two if `double`), 0-2 members
    ticked as away, and, often, a few written lines in the ruled box."""
    page = image.copy()
    pen = lambda: _pen(rng, ink)  # noqa: E731
    height = layout.page_height
    boxes = [tuple(b) for b in layout.boxes]
    marked = Marked(page, layout.meeting, layout.item or None)
    decisions = [b for b in boxes if b[0].startswith(DECISION_KEY)]
    if decisions:
        for box in rng.choice(len(decisions), size=2 if double else 1, replace=False):
            _tick(page, decisions[box], height, rng, pen())
            marked.ticked.append(decisions[box][0][len(DECISION_KEY):])
    away = [b for b in boxes if b[0].startswith(ABSENT_KEY)]
    if away:
        for box in rng.choice(len(away), size=min(len(away), int(rng.integers(0, 3))),
                              replace=False):
            _tick(page, away[box], height, rng, pen())
            marked.absent.append(away[box][0][len(ABSENT_KEY):])
    writing = [b for b in boxes if b[0] == WRITTEN_KEY]
    if writing and (rng.random() < 0.6 if scribble is None else scribble):
        _scribble(page, writing[0], height, rng, pen())
        marked.written = True
    # The order the reader reports them in: the layout's order.
    order = [b[0] for b in boxes]
    marked.ticked.sort(key=lambda label: order.index(DECISION_KEY + label))
    marked.absent.sort(key=lambda m: order.index(ABSENT_KEY + m))
    return marked


def _pen(rng, ink: tuple[int, int]) -> tuple[int, int]:
    """A stroke's width in pixels (0.25-0.5 mm) and its ink's grey."""
    return max(2, round(rng.uniform(0.25, 0.5) * PX_MM)), int(rng.integers(*ink))


def _tick(page, box, height, rng, pen) -> None:
    x0, y0, x1, y1 = pixel_rect(box, height)
    size = x1 - x0
    width, ink = pen
    if rng.random() < 0.5:  # a check mark, its long arm running past the box's top right
        points = np.array([
            (x0 + size * rng.uniform(0.05, 0.3), y0 + size * rng.uniform(0.4, 0.65)),
            (x0 + size * rng.uniform(0.35, 0.55), y0 + size * rng.uniform(0.8, 1.1)),
            (x0 + size * rng.uniform(1.0, 1.4), y0 - size * rng.uniform(0.0, 0.4)),
        ], np.int32)
        cv2.polylines(page, [points], False, ink, width, cv2.LINE_AA)
    else:  # a cross, corner to corner, overrunning the frame
        over = size * rng.uniform(-0.1, 0.25)
        cv2.line(page, (int(x0 - over), int(y0 - over)), (int(x1 + over), int(y1 + over)),
                 ink, width, cv2.LINE_AA)
        cv2.line(page, (int(x1 + over), int(y0 - over)), (int(x0 - over), int(y1 + over)),
                 ink, width, cv2.LINE_AA)


def _scribble(page, box, height, rng, pen) -> None:
    """One to four lines of wavy 'handwriting' in the ruled box."""
    x0, y0, x1, y1 = pixel_rect(box, height)
    line = 9 * PX_MM
    width, ink = pen
    for row in range(int(rng.integers(1, 5))):
        base = y0 + line * (row + 0.6)
        start = x0 + rng.uniform(0.03, 0.1) * (x1 - x0)
        end = start + rng.uniform(0.25, 0.85) * (x1 - start)
        xs = np.linspace(start, end, int((end - start) / 3))
        ys = base + np.sin(xs / rng.uniform(4, 9)) * line * 0.22 + rng.normal(0, 1, xs.size)
        cv2.polylines(page, [np.stack([xs, ys], 1).astype(np.int32)], False, ink, width,
                      cv2.LINE_AA)


def scan(page: np.ndarray, rng: np.random.Generator, upside_down: bool = False,
         perspective: float = 0.0, shadow: float = 1.0) -> np.ndarray:
    """`page` as a sheet-fed scanner returns it: skewed up to 2°, shifted, scaled by up to
    3 %, blurred, noisy, on grey paper, through JPEG; `perspective` tilts it like a photo,
    and `shadow` darkens it towards one corner to that share of the light, as a hand or a
    phone does.
    The scanner's window is BED mm wider than the sheet on every side, as a real one is
    (216 mm for A4's 210), so a skewed sheet keeps its corners."""
    h, w = page.shape
    bed = round(BED * PX_MM)
    page = cv2.copyMakeBorder(page, bed, bed, bed, bed, cv2.BORDER_CONSTANT, value=255)
    h, w = page.shape
    paper = rng.uniform(185, 235)
    toned = page.astype(np.float32) * (paper / 255)
    angle = rng.uniform(-2, 2)
    scale = rng.uniform(0.97, 1.03)
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), angle, scale)
    matrix[:, 2] += rng.uniform(-3, 3, 2) * PX_MM
    affine = np.vstack([matrix, [0, 0, 1]])
    if perspective:
        d = perspective * w
        src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
        dst = np.float32([[d * rng.uniform(0, 1), d * rng.uniform(0, 1)],
                          [w - d * rng.uniform(0, 1), d * rng.uniform(0, 0.5)],
                          [w - d * rng.uniform(0, 0.5), h], [d * rng.uniform(0, 0.5), h]])
        affine = cv2.getPerspectiveTransform(src, dst) @ affine
    out = cv2.warpPerspective(toned, affine, (w, h), flags=cv2.INTER_LINEAR,
                              borderValue=float(paper))
    if shadow < 1:
        rows, columns = np.mgrid[0:h, 0:w]
        out *= 1 - (1 - shadow) * ((columns / w + rows / h) / 2) ** 1.5
    out = cv2.GaussianBlur(out, (0, 0), rng.uniform(0.6, 1.1))
    out += rng.normal(0, rng.uniform(3, 7), out.shape).astype(np.float32)
    out = np.clip(out, 0, 255).astype(np.uint8)
    if upside_down:
        out = cv2.rotate(out, cv2.ROTATE_180)
    ok, jpeg = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, int(rng.integers(55, 85))])
    assert ok
    return cv2.imdecode(jpeg, cv2.IMREAD_GRAYSCALE)


def as_pdf(images: list[np.ndarray]) -> bytes:
    """The scanned pages as one PDF of JPEG images at the scanner's resolution."""
    from PIL import Image

    pictures = [Image.fromarray(image) for image in images]
    out = io.BytesIO()
    pictures[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=pictures[1:],
                     quality=80)
    return out.getvalue()
