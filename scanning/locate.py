"""Finding a protocol page in an image: its QR code, then its corner marks, then the page
straightened into its own coordinates (PDF points × SCALE, origin top left)."""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from exporters.scan_marks import (
    MARK,
    QR_SIZE,
    Identity,
    mark_centres,
    parse_payload,
    qr_rect,
)
from scanning.sources import DPI

SCALE = DPI / 72  # pixels of the straightened page per PDF point
SEARCH = 12 * 72 / 25.4  # points around a corner mark's expected place to look for it


@dataclass
class Found:
    identity: Identity | None  # None: a QR code, but not a Referent page's
    text: str
    corners: np.ndarray  # the symbol's corners in the image: top left, top right, ...


def find_code(image: np.ndarray) -> Found | None:
    """The page's QR code (ours first, if there are several), or None."""
    import zxingcpp

    results = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode)
    if not results:
        # A small, soft code may be found once the image is sharpened and doubled.
        bigger = cv2.resize(image, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        results = [_halved(r) for r in
                   zxingcpp.read_barcodes(bigger, formats=zxingcpp.BarcodeFormat.QRCode)]
    found = None
    for result in results:
        corners = _corners(result) if not isinstance(result, tuple) else result[1]
        text = result.text if not isinstance(result, tuple) else result[0]
        identity = parse_payload(text)
        if identity is not None:
            return Found(identity, text, corners)
        found = found or Found(None, text, corners)
    return found


def _corners(result) -> np.ndarray:
    p = result.position
    return np.array([[c.x, c.y] for c in (p.top_left, p.top_right, p.bottom_right,
                                           p.bottom_left)], np.float32)


def _halved(result) -> tuple[str, np.ndarray]:
    return result.text, _corners(result) / 2


def page_transform(image: np.ndarray, found: Found, page_size: tuple[float, float]
                   ) -> np.ndarray | None:
    """The homography from the straightened page to `image`, fitted to the four corner
    marks (found near where the QR code says they are); None when a mark is missing."""
    width, height = page_size
    rough = cv2.getPerspectiveTransform(_symbol_corners(found.text, height), found.corners)
    found_marks = []
    for cx, cy in mark_centres(width, height):
        centre = _find_mark(image, rough, cx * SCALE, (height - cy) * SCALE)
        if centre is None:
            return None
        found_marks.append(centre)
    page = np.array([[cx * SCALE, (height - cy) * SCALE] for cx, cy in
                     mark_centres(width, height)], np.float32)
    return cv2.getPerspectiveTransform(page, np.array(found_marks, np.float32))


def straighten(image: np.ndarray, transform: np.ndarray, page_size: tuple[float, float]
               ) -> np.ndarray:
    size = (round(page_size[0] * SCALE), round(page_size[1] * SCALE))
    flags = cv2.INTER_LINEAR | cv2.WARP_INVERSE_MAP
    return cv2.warpPerspective(image, transform, size, flags=flags,
                               borderMode=cv2.BORDER_REPLICATE)


def _symbol_corners(text: str, page_height: float) -> np.ndarray:
    """Where the QR symbol (without its quiet zone) is on the straightened page."""
    from reportlab.graphics.barcode.qr import QrCodeWidget

    widget = QrCodeWidget(text, barLevel="M", barBorder=4)
    widget.qr.make()
    modules = widget.qr.getModuleCount()
    module = QR_SIZE / (modules + 8)
    x, y, _, size = qr_rect(page_height)
    left, top = (x + 4 * module) * SCALE, (page_height - y - size + 4 * module) * SCALE
    side = modules * module * SCALE
    return np.array([[left, top], [left + side, top], [left + side, top + side],
                     [left, top + side]], np.float32)


def _find_mark(image: np.ndarray, rough: np.ndarray, x: float, y: float):
    """The centre, in the image, of the dark square nearest to where (x, y) of the page
    should be; None if no square of about the right size is there."""
    reach = SEARCH * SCALE
    window = np.array([[[x - reach, y - reach]], [[x + reach, y - reach]],
                       [[x + reach, y + reach]], [[x - reach, y + reach]]], np.float32)
    corners = cv2.perspectiveTransform(window, rough).reshape(-1, 2)
    expected = cv2.perspectiveTransform(np.array([[[x, y]]], np.float32), rough)[0, 0]
    h, w = image.shape
    x0, y0 = np.clip(corners.min(axis=0).astype(int), 0, [w, h])
    x1, y1 = np.clip(corners.max(axis=0).astype(int) + 1, 0, [w, h])
    if x1 - x0 < 8 or y1 - y0 < 8:
        return None
    crop = image[y0:y1, x0:x1]
    _, dark = cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY_INV | cv2.THRESH_OTSU)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(dark)
    # The mark's area in the image, from the rough transform's local scale.
    ends = cv2.perspectiveTransform(np.array([[[x, y], [x + MARK * SCALE, y]]], np.float32),
                                    rough)[0]
    side = float(np.linalg.norm(ends[1] - ends[0]))
    best, best_distance = None, None
    for i in range(1, count):
        area = stats[i, cv2.CC_STAT_AREA]
        bw, bh = stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]
        if not (0.5 * side**2 < area < 1.6 * side**2 and 0.6 < bw / max(bh, 1) < 1.6):
            continue
        if area < 0.75 * bw * bh:  # a filled square, not a ring or a stroke
            continue
        centre = centroids[i] + (x0 + 0.5, y0 + 0.5)  # pixel centres, not corners
        distance = np.linalg.norm(centre - expected)
        if best_distance is None or distance < best_distance:
            best, best_distance = centre, distance
    return best
