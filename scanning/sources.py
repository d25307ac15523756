"""Files to greyscale page images: PDF pages rasterised, PNG and JPEG read as they are."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

DPI = 200  # a scanner's usual resolution: a 5 mm box is 39 pixels
LONGEST = 3000  # a phone photo is scaled down to this many pixels on its longer side
IMAGES = {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp"}


@dataclass
class SourcePage:
    source: str
    page: int  # 1-based, in its file
    image: np.ndarray | None  # greyscale, uint8; None when it could not be read
    why: str = ""


def pages(path: Path) -> Iterator[SourcePage]:
    """Every page of the file `path`, in the file's order."""
    name = str(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        from model.os_errors import message

        yield SourcePage(name, 1, None, message(error))
        return
    if data[:5] == b"%PDF-":
        yield from _pdf_pages(name, data)
    elif path.suffix.lower() in IMAGES or data[:4] in (b"\x89PNG", b"II*\x00", b"MM\x00*") \
            or data[:3] == b"\xff\xd8\xff":
        yield SourcePage(name, 1, *_image(data))
    else:
        yield SourcePage(name, 1, None, "Filen er hverken en PDF eller et billede.")


def _pdf_pages(name: str, data: bytes) -> Iterator[SourcePage]:
    import pypdfium2 as pdfium

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        yield SourcePage(name, 1, None, "PDF-filen kan ikke læses (den er beskadiget).")
        return
    try:
        for index in range(len(document)):
            bitmap = document[index].render(scale=DPI / 72, grayscale=True)
            image = np.array(bitmap.to_numpy(), copy=True)
            if image.ndim == 3:
                image = image[:, :, 0]
            yield SourcePage(name, index + 1, image)
    finally:
        document.close()


def _image(data: bytes) -> tuple[np.ndarray | None, str]:
    import cv2

    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        return None, "Billedet kan ikke læses."
    longest = max(image.shape)
    if longest > LONGEST:
        scale = LONGEST / longest
        image = cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    return image, ""
