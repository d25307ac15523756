"""Take indscannet.png: the decision entry with a scanned protocol's reading and the
chair's handwriting beside the decision field, on the Faxe example, under Xvfb.

    xvfb-run -a -s "-screen 0 1366x768x24" python docs/screenshots/take_scan_screenshot.py

The protocol is printed with items 3-8 undecided, item 3's page is marked (a tick, one
member away, the decision written by hand) and scanned, and the scan is read in.
"""

from __future__ import annotations

from pathlib import Path

from example_window import OUT, example_window, run, settle

MEETING = "sagsbehandling-2020-04-21"
HANDWRITING = ["Udvalget drøftede punktet og", "godkendte indstillingen med den",
               "tilføjelse, at personalet inddrages."]


def _handwrite(page, layout, lines: list[str]) -> None:
    """The decision written in the ruled box in a script hand (OpenCV's Hershey script)."""
    import cv2

    from scanning.measure import pixel_rect
    from tests.scanning.simulate import PX_MM

    box = next(b for b in layout.boxes if b[0] == "decision")
    x0, y0, _x1, _y1 = pixel_rect(box, layout.page_height)
    for row, text in enumerate(lines):
        base = int(y0 + (row + 0.8) * 9 * PX_MM)
        cv2.putText(page, text, (int(x0 + 4 * PX_MM), base), cv2.FONT_HERSHEY_SCRIPT_SIMPLEX,
                    1.5, 40, 3, cv2.LINE_AA)


def _tick(page, layout, key: str) -> None:
    import cv2

    from scanning.measure import pixel_rect

    x0, y0, x1, y1 = pixel_rect(next(b for b in layout.boxes if b[0] == key),
                                layout.page_height)
    size = x1 - x0
    points = [(x0 + size // 5, y0 + size // 2), (x0 + size // 2, y1 - 3),
              (x1 + size // 4, y0 - size // 4)]
    for a, b in zip(points, points[1:], strict=False):
        cv2.line(page, a, b, 30, 3, cv2.LINE_AA)


def _scanned_protocol(archive, folder: Path) -> Path:
    import numpy as np

    from exporters.render import render_protocol_pdf
    from model.meetings import load_meeting
    from model.protocol_pages import find
    from scanning.locate import find_code
    from tests.scanning.simulate import as_pdf, clean_pages, scan

    rng = np.random.default_rng(3)
    with archive.sessions() as session:
        meeting = load_meeting(session, MEETING)
        away = meeting.committee.members[2].ext_id
        pages = []
        for image in clean_pages(render_protocol_pdf(session, meeting)):
            layout = find(session, find_code(image).identity.digest)
            page = image.copy()
            keys = {box[0] for box in layout.boxes}
            if layout.item == meeting.items[2].ext_id and "decision" in keys:
                _tick(page, layout, "decision:Godkendt")
                _tick(page, layout, f"absent:{away}")
                _handwrite(page, layout, HANDWRITING)
            pages.append(scan(page, rng))
    path = folder / "scanning.pdf"
    path.write_bytes(as_pdf(pages))
    return path


def _prepare(archive, folder: Path) -> None:
    """Items 3-8 undecided, the protocol printed, marked, scanned and read in."""
    from sqlalchemy import select

    from model.entities import Meeting
    from scanning.apply import apply_scan
    from scanning.read import read_files

    with archive.transaction() as s:
        meeting = s.scalar(select(Meeting).where(Meeting.ext_id == MEETING))
        for item in meeting.items[2:]:
            item.decision = None
            item.follow_ups.clear()
        meeting.status = "held"
    scanned = _scanned_protocol(archive, folder)
    with archive.sessions() as session:
        result = read_files(session, [scanned])
    print(apply_scan(archive, result)[0])


def main() -> None:
    app, window = example_window(prepare=_prepare)
    from sqlalchemy import select

    from model.entities import Meeting

    meeting_id = window.ws.read(
        lambda s: s.scalar(select(Meeting.id).where(Meeting.ext_id == MEETING)))
    window.setGeometry(window.screen().availableGeometry())  # 1366×768

    def shoot() -> None:
        window.open_meeting(meeting_id)
        window.enter_decisions()
        entry = window.decision_entry
        entry.setGeometry(entry.screen().availableGeometry())  # as large as a laptop allows
        settle(app)
        entry.grab().save(str(OUT / "indscannet.png"))
        app.quit()

    run(app, shoot)


if __name__ == "__main__":
    main()
