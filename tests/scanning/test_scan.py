"""`referent scan`: printed protocols marked by a chair's pen and scanned are read back."""

from __future__ import annotations

import json

import cv2
import numpy as np
import pytest

import main
from scanning.locate import SCALE
from scanning.read import WRITTEN_KEY
from tests.scanning.conftest import FAXE, OTHER, SIGNED, STEVNS, layouts
from tests.scanning.simulate import as_pdf, mark_page, scan


def _scan_json(printed, files, capsys, *extra) -> dict:
    capsys.readouterr()
    code = main.main(["--db", str(printed.db), "scan", *map(str, files), "--json", *extra])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    return json.loads(captured.out)


def _pile(printed, rng, meetings=(FAXE, STEVNS)):
    """Every page of the meetings' protocols, marked, in a shuffled pile."""
    marked = [mark_page(image, layout, rng) for meeting in meetings
              for image, layout in layouts(printed, meeting)]
    order = rng.permutation(len(marked))
    return [marked[i] for i in order]


def _assert_read_as_marked(page: dict, marked) -> None:
    assert (page["meeting"], page["item"]) == (marked.meeting, marked.item)
    assert page["ticked"] == marked.ticked
    assert page["absent"] == marked.absent


def test_a_shuffled_scanned_pile_is_read_exactly(printed, rng, tmp_path, capsys):
    pile = _pile(printed, rng)
    upside_down = 3
    scans = [scan(m.image, rng, upside_down=(i == upside_down)) for i, m in enumerate(pile)]
    # Most pages in one scanned PDF, the last two as JPEG files from another scanner.
    pdf = tmp_path / "scanning.pdf"
    pdf.write_bytes(as_pdf(scans[:-2]))
    jpegs = [tmp_path / f"side{i}.jpg" for i in (1, 2)]
    for path, image in zip(jpegs, scans[-2:], strict=True):
        cv2.imwrite(str(path), image)
    result = _scan_json(printed, [pdf, *jpegs], capsys)

    assert result["unread"] == []
    read = result["pages"]
    assert len(read) == len(pile)
    sources = [(str(pdf), n) for n in range(1, len(scans) - 1)] + [(str(p), 1) for p in jpegs]
    assert [(p["source"], p["page"]) for p in read] == sources
    for page, marked in zip(read, pile, strict=True):
        _assert_read_as_marked(page, marked)
    items = {p["item"] for p in read if p["meeting"] == FAXE}
    assert len(items) == 9 and None in items  # the front page and the eight items
    assert sum(len(m.absent) for m in pile) > 5 and any(m.item is None and m.absent
                                                         for m in pile)
    with_writing = [p for p, m in zip(read, pile, strict=True) if m.written]
    assert len(with_writing) >= 5
    noticed = sum(p["written"] for p in with_writing)
    assert noticed >= 0.95 * len(with_writing)
    assert not any(p["written"] for p, m in zip(read, pile, strict=True) if not m.written)


def test_the_danish_summary_names_each_page(printed, rng, tmp_path, capsys):
    image, layout = layouts(printed, FAXE)[1]
    marked = mark_page(image, layout, rng, scribble=True)
    while not marked.absent:
        marked = mark_page(image, layout, rng, scribble=True)
    path = tmp_path / "side.png"
    cv2.imwrite(str(path), scan(marked.image, rng))
    assert main.main(["--db", str(printed.db), "scan", str(path)]) == 0
    out = capsys.readouterr().out
    assert f"{path}, side 1: mødet {FAXE}, punkt {marked.item}." in out
    assert f"Afkrydset: {marked.ticked[0]}." in out
    names = {"sagsbehandling-m1": "Poul Fiktivsen", "sagsbehandling-m2": "Henrik R. Aakast",
             "sagsbehandling-m3": "Claus H.", "sagsbehandling-m4": "Inger Eksempelsen",
             "sagsbehandling-m5": "Jens Opdigtet", "sagsbehandling-m6": "Susanne Pseudonymsen",
             "sagsbehandling-m7": "Kirsten Eksempel"}
    away = ", ".join(names[m] for m in marked.absent)
    assert f"Ikke til stede: {away}." in out
    assert "Der er skrevet i beslutningsfeltet." in out
    assert "1 side læst, 0 ikke læst." in out


def test_a_phone_photo_with_perspective_and_a_shadow_is_read(printed, rng, tmp_path, capsys):
    for index, (image, layout) in enumerate(layouts(printed, STEVNS)[:3]):
        marked = mark_page(image, layout, rng, scribble=True)
        photo = scan(marked.image, rng, perspective=0.05, shadow=0.35)
        photo = cv2.resize(photo, None, fx=1.4, fy=1.4)  # a camera's resolution, not 200 dpi
        path = tmp_path / f"foto{index}.png"
        cv2.imwrite(str(path), photo)
        result = _scan_json(printed, [path], capsys)
        assert result["unread"] == []
        _assert_read_as_marked(result["pages"][0], marked)
        assert result["pages"][0]["written"] == marked.written


def test_a_blue_ballpoint_at_150_and_300_dpi_is_read(printed, rng, tmp_path, capsys):
    from tests.scanning.simulate import BLUE

    pages = layouts(printed, STEVNS)
    marked = [mark_page(image, layout, rng, ink=BLUE) for image, layout in pages]
    files = []
    for index, page in enumerate(marked):
        dpi = (150, 300)[index % 2]
        image = cv2.resize(scan(page.image, rng), None, fx=dpi / 200, fy=dpi / 200,
                           interpolation=cv2.INTER_AREA)
        files.append(tmp_path / f"side{index}.jpg")
        cv2.imwrite(str(files[-1]), image)
    result = _scan_json(printed, files, capsys)
    assert result["unread"] == []
    for page, expected in zip(result["pages"], marked, strict=True):
        _assert_read_as_marked(page, expected)
        assert page["written"] == expected.written


def test_pages_that_are_not_referent_protocol_pages_are_unread_with_the_reason(
        printed, tmp_path, capsys):
    from exporters.render import render_meeting

    referat = tmp_path / "referat.pdf"
    archive = printed.archive()
    with archive.sessions() as session:
        render_meeting(session, SIGNED, "referat", "pdf", False, referat)
    archive.close()
    foreign = cv2.QRCodeEncoder.create().encode("https://www.example.dk/")
    code = tmp_path / "fremmed.png"
    cv2.imwrite(str(code), cv2.resize(foreign, None, fx=8, fy=8,
                                      interpolation=cv2.INTER_NEAREST))
    text = tmp_path / "noter.txt"
    text.write_text("ikke en scanning")
    result = _scan_json(printed, [referat, code, text], capsys)
    assert result["pages"] == []
    why = {(u["source"], u["page"]): u["why"] for u in result["unread"]}
    assert why[(str(referat), 1)].startswith("Ingen QR-kode fundet")
    assert why[(str(code), 1)] == "QR-koden er ikke fra en protokol fra Referent."
    assert why[(str(text), 1)] == "Filen er hverken en PDF eller et billede."


def test_a_page_printed_from_another_archive_is_unread(printed, rng, tmp_path, capsys):
    from model.database import open_archive
    from model.interchange import import_file
    from tests.conftest import EXAMPLE_FILES
    from tests.scanning.simulate import clean_pages

    other = open_archive(tmp_path / "andet.sqlite3", keep_backups=None)
    for path in EXAMPLE_FILES:
        import_file(other, path)
    from exporters.render import render_meeting

    with other.sessions() as session:  # Faxe's decisions kept there: another front page
        render_meeting(session, FAXE, "protokol", "pdf", False, tmp_path / "andet.pdf")
    other.close()
    page = tmp_path / "andet.png"
    cv2.imwrite(str(page), scan(clean_pages((tmp_path / "andet.pdf").read_bytes())[0], rng))
    result = _scan_json(printed, [page], capsys)
    assert result["pages"] == []
    assert "ikke udskrevet fra dette arkiv" in result["unread"][0]["why"]


def _proposals(printed, meeting_id):
    from model.meetings import load_meeting
    from model.scan_proposals import proposals

    archive = printed.archive()
    try:
        with archive.sessions() as session:
            meeting = load_meeting(session, meeting_id)
            found = {_item_ext(meeting, item_id): row
                     for item_id, row in proposals(session, meeting).items()}
            for row in found.values():
                session.expunge(row)
            return found, [item.decision for item in meeting.items]
    finally:
        archive.close()


def _item_ext(meeting, item_id):
    return next((item.ext_id for item in meeting.items if item.id == item_id), None)


def test_apply_stores_proposals_never_decisions(printed, rng, tmp_path, capsys):
    pages = layouts(printed, OTHER)
    marked = [mark_page(image, layout, rng, scribble=True) for image, layout in pages]
    pdf = tmp_path / "kb.pdf"
    pdf.write_bytes(as_pdf([scan(m.image, rng) for m in marked]))
    assert main.main(["--db", str(printed.db), "scan", str(pdf), "--apply"]) == 0
    out = capsys.readouterr().out
    assert f"Mødet {OTHER}: forslag gemt for 1 punkt og fremmødet" in out
    stored, decisions = _proposals(printed, OTHER)
    assert decisions == [None]
    item_page = next(m for m in marked if m.item)
    row = stored[item_page.item]
    assert (row.ticked, row.absent, row.written) == (item_page.ticked, item_page.absent, True)
    assert row.decision_image[:4] == b"\x89PNG" and row.questions_image[:4] == b"\x89PNG"
    decoded = cv2.imdecode(np.frombuffer(row.decision_image, np.uint8), cv2.IMREAD_GRAYSCALE)
    layout = next(layout for _, layout in pages if layout.item)
    _, _, _, width, height = next(b for b in layout.boxes if b[0] == WRITTEN_KEY)
    # The ruled box (and a margin of 2 points around it) as scanned, not the page.
    assert decoded.shape == pytest.approx(((height + 4) * SCALE, (width + 4) * SCALE), abs=2)
    front = next(m for m in marked if m.item is None)
    assert stored[None].absent == front.absent


def test_nothing_is_applied_to_a_signed_meeting(printed, rng, tmp_path, capsys):
    pages = [mark_page(image, layout, rng) for image, layout in layouts(printed, SIGNED)]
    path = tmp_path / "underskrevet.pdf"
    path.write_bytes(as_pdf([scan(m.image, rng) for m in pages]))
    code = main.main(["--db", str(printed.db), "scan", str(path), "--apply"])
    out = capsys.readouterr().out
    assert code == 1
    assert f"Intet indlæst for mødet {SIGNED}" in out and "underskrevet" in out
    assert _proposals(printed, SIGNED)[0] == {}


def test_a_page_of_another_meeting_is_reported_and_not_applied(printed, rng, tmp_path):
    from scanning.apply import apply_scan
    from scanning.read import read_files

    (image, layout), *_ = layouts(printed, FAXE)
    path = tmp_path / "faxe.png"
    cv2.imwrite(str(path), scan(mark_page(image, layout, rng).image, rng))
    archive = printed.archive()
    try:
        with archive.sessions() as session:
            result = read_files(session, [path])
        report, ok = apply_scan(archive, result, meeting_id=STEVNS)
    finally:
        archive.close()
    assert not ok
    assert f"hører til et andet møde ({FAXE}) og er ikke indlæst" in report
    assert _proposals(printed, FAXE)[0] == {}


def test_two_decisions_ticked_are_a_question_not_a_guess(printed, rng, tmp_path, capsys):
    image, layout = layouts(printed, FAXE)[1]
    marked = mark_page(image, layout, rng, double=True)
    path = tmp_path / "dobbelt.png"
    cv2.imwrite(str(path), scan(marked.image, rng))
    result = _scan_json(printed, [path], capsys)
    assert result["pages"][0]["ticked"] == marked.ticked and len(marked.ticked) == 2
    assert main.main(["--db", str(printed.db), "scan", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Spørgsmål til sekretæren: flere afgørelser er afkrydset" in out
    assert "ingen er valgt" in out


@pytest.mark.parametrize("bad", [b"%PDF-1.7 beskadiget", b"\x89PNG\r\n\x1a\n kaputt"])
def test_a_damaged_file_is_unread(printed, tmp_path, capsys, bad):
    path = tmp_path / ("x.pdf" if bad.startswith(b"%PDF") else "x.png")
    path.write_bytes(bad)
    result = _scan_json(printed, [path], capsys)
    assert result["pages"] == [] and len(result["unread"]) == 1
    assert "kan ikke læses" in result["unread"][0]["why"]


def test_every_pdf_page_names_its_meeting_item_and_page_and_word_says_it_cannot(
        printed, tmp_path):
    from docx import Document as WordDocument

    from exporters.render import render_meeting
    from model.meetings import load_meeting
    from scanning.locate import find_code
    from tests.exporters.helpers import pdf_pages
    from tests.scanning.simulate import clean_pages

    pdf = printed.pdfs[FAXE].read_bytes()
    texts = pdf_pages(pdf)
    archive = printed.archive()
    with archive.sessions() as session:
        numbers = {i.ext_id: i.number for i in load_meeting(session, FAXE).items}
        render_meeting(session, FAXE, "protokol", "docx", False, tmp_path / "p.docx")
    archive.close()
    for number, image in enumerate(clean_pages(pdf), start=1):
        identity = find_code(image).identity
        assert (identity.meeting, identity.page) == (FAXE, number)
        if identity.item:
            assert f"Punkt {numbers[identity.item]}" in texts[number - 1]
        else:
            assert number == 1
    word = "\n".join(p.text for p in WordDocument(str(tmp_path / "p.docx")).paragraphs)
    assert "Denne Word-udgave kan ikke læses af scanneren" in word
    assert not any("Word-udgave" in text for text in texts)


def test_a_page_is_read_as_printed_though_the_meeting_changed_since(printed, rng, tmp_path,
                                                                    capsys):
    from exporters.render import render_meeting
    from model.meetings import load_meeting
    from scanning.locate import find_code
    from tests.scanning.simulate import clean_pages

    (image, layout), *_ = layouts(printed, OTHER)  # the front page, printed before
    marked = mark_page(image, layout, rng)
    while not marked.absent:
        marked = mark_page(image, layout, rng)
    archive = printed.archive()
    try:
        with archive.transaction() as session:  # a member more moves the form's rows
            from model import committees

            meeting = load_meeting(session, OTHER)
            committees.add_member(session, meeting.committee_id, "Ny Efternavnsen", "B")
        with archive.sessions() as session:
            render_meeting(session, OTHER, "protokol", "pdf", False, tmp_path / "ny.pdf")
    finally:
        archive.close()
    again = clean_pages((tmp_path / "ny.pdf").read_bytes())[0]
    assert find_code(again).identity.digest != layout.digest  # the page is laid out anew
    path = tmp_path / "gammel.png"
    cv2.imwrite(str(path), scan(marked.image, rng))
    result = _scan_json(printed, [path], capsys)
    _assert_read_as_marked(result["pages"][0], marked)


def test_a_multi_page_tiff_is_read_page_by_page(printed, rng, tmp_path, capsys):
    marked = [mark_page(image, layout, rng) for image, layout in layouts(printed, STEVNS)[:2]]
    ok, data = cv2.imencodemulti(".tiff", [scan(m.image, rng, upside_down=i == 1)
                                           for i, m in enumerate(marked)])
    assert ok
    path = tmp_path / "scanning.tif"
    path.write_bytes(data.tobytes())
    result = _scan_json(printed, [path], capsys)
    assert [(p["source"], p["page"]) for p in result["pages"]] == [(str(path), 1),
                                                                    (str(path), 2)]
    for page, expected in zip(result["pages"], marked, strict=True):
        _assert_read_as_marked(page, expected)


def test_a_page_with_a_corner_cut_off_is_read_from_the_other_three_marks(
        printed, rng, tmp_path, capsys):
    image, layout = layouts(printed, FAXE)[2]
    marked = mark_page(image, layout, rng)
    scanned = scan(marked.image, rng)
    h, w = scanned.shape
    scanned[h - h // 12:, w - w // 8:] = 0  # the scanner's dark lid where a corner folded
    path = tmp_path / "hjoerne.png"
    cv2.imwrite(str(path), scanned)
    result = _scan_json(printed, [path], capsys)
    _assert_read_as_marked(result["pages"][0], marked)
    scanned[h - h // 12:, : w // 8] = 0  # and a second corner: too little to straighten by
    cv2.imwrite(str(path), scanned)
    why = _scan_json(printed, [path], capsys)["unread"][0]["why"]
    assert why == "Hjørnemærkerne kan ikke findes: er hele siden med på scanningen?"


def test_the_stored_layout_is_where_the_pdf_printed_the_boxes(printed):
    """The simulated pen draws where the stored layout says; this checks that the layout
    is the printed page's: a frame on each box's edges, clean paper inside."""
    from scanning.measure import pixel_rect

    for meeting in (FAXE, STEVNS):
        for image, layout in layouts(printed, meeting):
            ticks = [b for b in layout.boxes if b[0].startswith(("decision:", "absent:"))]
            assert ticks
            for box in ticks:
                x0, y0, x1, y1 = pixel_rect(box, layout.page_height)
                assert abs((x1 - x0) - (y1 - y0)) <= 1 and x1 - x0 >= 4 * 200 / 25.4 - 1
                edges = [image[y0:y1, x0:x0 + 2], image[y0:y1, x1 - 2:x1],
                         image[y0:y0 + 2, x0:x1], image[y1 - 2:y1, x0:x1]]
                assert all(edge.min() < 100 for edge in edges), box[0]
                assert image[y0 + 5:y1 - 5, x0 + 5:x1 - 5].min() > 200, box[0]


def test_specks_of_dust_in_empty_boxes_are_no_ticks(printed, rng, tmp_path, capsys):
    from scanning.measure import pixel_rect
    from tests.scanning.simulate import PX_MM

    image, layout = layouts(printed, FAXE)[1]
    marked = mark_page(image, layout, rng)
    empty = [b for b in layout.boxes if b[0].startswith(("decision:", "absent:"))
             and b[0].split(":", 1)[1] not in marked.ticked + marked.absent]
    for box in empty[:4]:
        x0, y0, x1, y1 = pixel_rect(box, layout.page_height)
        centre = ((x0 + x1) // 2 + int(rng.integers(-6, 7)), (y0 + y1) // 2)
        cv2.circle(marked.image, centre, round(0.65 * PX_MM), 30, -1)  # 1.3 mm across
    path = tmp_path / "stoev.png"
    cv2.imwrite(str(path), scan(marked.image, rng))
    _assert_read_as_marked(_scan_json(printed, [path], capsys)["pages"][0], marked)
