"""Files to greyscale page images: PDF pages rasterised, PNG, JPEG and (multi-page) TIFF
read as they are."""

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
    elif data[:4] in (b"II*\x00", b"MM\x00*"):  # a TIFF may hold a scanner's every page
        yield from _tiff_pages(name, data)
    elif path.suffix.lower() in IMAGES or data[:4] == b"\x89PNG" or data[:3] == b"\xff\xd8\xff":
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


def _tiff_pages(name: str, data: bytes) -> Iterator[SourcePage]:
    import cv2

    ok, images = cv2.imdecodemulti(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if not ok or not images:
        yield SourcePage(name, 1, None, "Billedet kan ikke læses.")
        return
    for index, image in enumerate(images):
        yield SourcePage(name, index + 1, _fit(image), "")


def _fit(image: np.ndarray) -> np.ndarray:
    """A phone photo scaled down to LONGEST pixels on its longer side; a scan as it is."""
    import cv2

    longest = max(image.shape)
    if longest <= LONGEST:
        return image
    scale = LONGEST / longest
    return cv2.resize(image, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)


def _image(data: bytes) -> tuple[np.ndarray | None, str]:
    import cv2

    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_GRAYSCALE)
    if image is None:
        return None, "Billedet kan ikke læses."
    return _fit(image), ""
