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
SEARCH = 40 * 72 / 25.4  # points from a corner mark's expected place it may be found


@dataclass
class Found:
    identity: Identity | None  # None: a QR code, but not a Referent page's
    text: str
    corners: np.ndarray  # the symbol's corners in the image: top left, top right, ...


def find_code(image: np.ndarray) -> Found | None:
    """The page's QR code (ours first, if there are several), or None."""
    codes = _codes(image)
    if not codes:
        # A small, soft code may be found once the image is doubled.
        bigger = cv2.resize(image, None, fx=2, fy=2, interpolation=cv2.INTER_CUBIC)
        codes = [(text, corners / 2) for text, corners in _codes(bigger)]
    found = [Found(parse_payload(text), text, corners) for text, corners in codes]
    return next((f for f in found if f.identity is not None), found[0] if found else None)


def _codes(image: np.ndarray) -> list[tuple[str, np.ndarray]]:
    """Text and corners (top left, top right, bottom right, bottom left, in the symbol's
    own orientation) of every QR code in the image."""
    import zxingcpp

    codes = []
    for result in zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormat.QRCode):
        p = result.position
        corners = [(c.x, c.y) for c in (p.top_left, p.top_right, p.bottom_right,
                                         p.bottom_left)]
        codes.append((result.text, np.array(corners, np.float32)))
    return codes


def page_transform(image: np.ndarray, found: Found, page_size: tuple[float, float]
                   ) -> np.ndarray | None:
    """The homography from the straightened page to `image`, fitted to the corner marks:
    each the filled square nearest to where the QR code says it is. With one mark missing
    (a corner cut off by a skewed scan) three fix an affine transform; None with fewer."""
    width, height = page_size
    rough, _ = cv2.estimateAffinePartial2D(_symbol_corners(found.text, height), found.corners)
    if rough is None:
        return None
    scale = float(np.hypot(*rough[:, 0]))  # image pixels per page pixel
    squares = _squares(image, MARK * SCALE * scale)
    page, seen = [], []
    for cx, cy in mark_centres(width, height):
        point = np.array([cx * SCALE, (height - cy) * SCALE], np.float32)
        expected = rough[:, :2] @ point + rough[:, 2]
        if squares.size:
            distances = np.linalg.norm(squares - expected, axis=1)
            best = int(np.argmin(distances))
            if distances[best] <= SEARCH * SCALE * scale:
                page.append(point)
                seen.append(squares[best])
    if len(page) == 4:
        return cv2.getPerspectiveTransform(np.array(page), np.array(seen, np.float32))
    if len(page) == 3:
        affine = cv2.getAffineTransform(np.array(page), np.array(seen, np.float32))
        return np.vstack([affine, [0, 0, 1]])
    return None


def _squares(image: np.ndarray, side: float) -> np.ndarray:
    """Centres of the filled dark squares about `side` pixels wide: the corner marks."""
    # Dark against the paper around it (the lightest pixel within two marks' width), so a
    # shadow across a photographed page is not taken for ink.
    reach = max(3, round(2 * side))
    paper = cv2.dilate(image, np.ones((reach, reach), np.uint8)).astype(np.float32)
    dark = (image < paper * 0.5).astype(np.uint8)
    count, _, stats, centroids = cv2.connectedComponentsWithStats(dark)
    centres = []
    for i in range(1, count):
        area = stats[i, cv2.CC_STAT_AREA]
        bw, bh = stats[i, cv2.CC_STAT_WIDTH], stats[i, cv2.CC_STAT_HEIGHT]
        if not 0.45 * side**2 < area < 1.7 * side**2 or not 0.6 < bw / max(bh, 1) < 1.6:
            continue
        if area < 0.6 * bw * bh:  # a filled square, also when skewed; not a box or a stroke
            continue
        centres.append(centroids[i] + 0.5)  # pixel centres, not corners
    return np.array(centres, np.float32).reshape(-1, 2)


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
