"""Pages as a typesetter breaks them, checked on long generated meetings read back from the
PDF: no single line of a paragraph alone at the top or bottom of a page, a bilag list on
the page of its heading, wrapped TOC lines under their text, no running header on the
cover, and a long committee name shortened at a word in the header."""

from __future__ import annotations

import random
import re
import shutil
import subprocess
from collections import defaultdict

import pytest

from exporters.blocks import (
    Chapter,
    Document,
    FrontPage,
    ListBlock,
    ListEntry,
    Para,
    Run,
    SectionHeading,
)

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="poppler-utils (pdftotext) is not installed")

LONG_NAME = ("Udvalget for Klima, Miljø, Teknik, Erhverv, Beskæftigelse og Borgerinddragelse "
             "i Landdistrikterne")
TOKEN = re.compile(r"\bp(\d+)w\d+\b")
BILAG = re.compile(r"\bb(\d+)x\d+\b")


def _meeting(seed: int, chapters: int = 40) -> Document:
    """Chapters of paragraphs 1-12 lines long (each word names its paragraph: p17w3),
    lists, and a bilag list of 2-6 entries under its heading at the end."""
    rng = random.Random(seed)
    paragraph = 0
    doc_chapters = []
    for number in range(1, chapters + 1):
        title = "Meget lang titel " * rng.randint(1, 6) + f"nummer {number}"
        blocks = []
        for _ in range(rng.randint(3, 8)):
            blocks.append(SectionHeading(rng.choice(["Resume", "Sagsfremstilling", "Økonomi"])))
            for _ in range(rng.randint(1, 3)):
                paragraph += 1
                words = rng.randint(8, 12 * 13)  # about 13 words a line
                blocks.append(Para([Run(" ".join(f"p{paragraph}w{k}" for k in range(words)))]))
        blocks.append(SectionHeading("Bilag"))
        blocks.append(ListBlock([ListEntry("•", [Run(f"b{number}x{k} bilag")])
                                 for k in range(rng.randint(2, 6))], keep=True))
        doc_chapters.append(Chapter(f"punkt_{number}", f"{number}. {title}", blocks))
    front = FrontPage("Prøvekommune", LONG_NAME, "Referat", "Referat",
                      [("Mødedato", ["Mandag d. 6. januar 2020 kl. 09:00"])])
    return Document(kind="Referat", public=False, organisation="Prøvekommune",
                    committee=LONG_NAME, title="Referat",
                    header=f"{LONG_NAME} · Referat 06.01.2020", front=front,
                    chapters=doc_chapters)


def _pages(pdf: bytes, tmp_path) -> list[list[str]]:
    path = tmp_path / "m.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout
    return [page.splitlines() for page in text.split("\f")[:-1]]


@pytest.fixture(scope="module", params=[1, 2])
def laid_out(request, tmp_path_factory):
    from exporters.pdf import render_pdf

    doc = _meeting(request.param)
    return doc, _pages(render_pdf(doc), tmp_path_factory.mktemp("breaks"))


def test_no_single_line_of_a_paragraph_alone_on_a_page(laid_out):
    _, pages = laid_out
    lines_on = defaultdict(lambda: defaultdict(int))  # paragraph → page → lines
    for number, page in enumerate(pages, start=1):
        for line in page:
            found = {int(n) for n in TOKEN.findall(line)}
            assert len(found) <= 1, line
            for paragraph in found:
                lines_on[paragraph][number] += 1
    split = {p: dict(on) for p, on in lines_on.items() if len(on) > 1}
    assert len(split) > 10, "the test meeting should split many paragraphs over pages"
    for paragraph, on in split.items():
        assert min(on.values()) >= 2, f"paragraph {paragraph}: lines per page {on}"
        assert len(on) == 2 or min(on[p] for p in sorted(on)[1:-1]) > 0


def test_a_bilag_list_is_on_the_page_of_its_heading(laid_out):
    _, pages = laid_out
    for number, page in enumerate(pages, start=1):
        for at, line in enumerate(page):
            listed = BILAG.findall(line)
            if listed and line.strip().startswith("•") and "x0 " in line:
                before = [ln.strip() for ln in page[:at] if ln.strip()]
                assert before and before[-1] == "Bilag", f"page {number}: {line!r}"
    everywhere = defaultdict(set)
    for number, page in enumerate(pages, start=1):
        for line in page:
            for item in BILAG.findall(line):
                everywhere[item].add(number)
    assert len(everywhere) == 40
    assert all(len(on) == 1 for on in everywhere.values()), everywhere


def test_the_cover_has_no_running_header_and_the_others_a_shortened_name(laid_out):
    _, pages = laid_out
    cover = "\n".join(pages[0])
    assert cover.count("Prøvekommune") == 1  # the cover's own organisation line
    assert "Side 1 af" in cover
    for page in pages[1:]:
        header = page[0]
        assert header.split()[0] == "Prøvekommune"
        assert header.rstrip().endswith("… · Referat 06.01.2020"), header
        shown = header.split("Prøvekommune", 1)[1].split("…")[0].split()
        whole = LONG_NAME.split()
        assert 3 <= len(shown) < len(whole)
        # every word shown is a whole word of the name, in order (a comma may go)
        assert shown[:-1] == whole[:len(shown) - 1]
        assert whole[len(shown) - 1].rstrip(",") == shown[-1].rstrip(",")


def test_header_fit_cuts_at_a_word():
    from exporters.pdf_styles import fit, fit_header, text_width

    short = fit_header(f"{LONG_NAME} · Referat 06.01.2020", 200, 8.5)
    assert short.endswith("… · Referat 06.01.2020") and text_width(short, 8.5) <= 200
    assert LONG_NAME.startswith(short.split("…")[0])
    assert LONG_NAME[len(short.split("…")[0])] in " ,"
    assert fit("Økonomiudvalget", 500, 8.5) == "Økonomiudvalget"
    assert fit("Kommunalbestyrelsesmedlemmernes", 30, 8.5).endswith("…")


def test_wrapped_toc_lines_are_indented_under_their_text(laid_out, tmp_path):
    """Read with word boxes: a wrapped entry's second line starts where its title does,
    after the number, not under the number."""
    from exporters.pdf import render_pdf

    doc, _ = laid_out
    path = tmp_path / "toc.pdf"
    path.write_bytes(render_pdf(doc))
    html = subprocess.run(["pdftotext", "-bbox-layout", "-f", "2", "-l", "2", str(path), "-"],
                          capture_output=True, text=True, check=True).stdout
    lines = []  # (x of each word, words) per text line, leaders and page numbers left out
    for line in re.findall(r"<line[^>]*>(.*?)</line>", html, re.S):
        found = [(float(x), w) for x, w in
                 re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', line)]
        found = [(x, w) for x, w in found if w.strip(".") and not (x > 400 and w.isdigit())]
        if found:
            lines.append(([x for x, _ in found], [w for _, w in found]))
    number = re.compile(r"\d+\.")
    entries = [(xs, words) for xs, words in lines if number.fullmatch(words[0])]
    margin = min(xs[0] for xs, _ in entries)
    assert all(abs(xs[0] - margin) < 0.5 for xs, _ in entries)
    wrapped = 0
    for (xs, words), (next_xs, next_words) in zip(lines, lines[1:], strict=False):
        if number.fullmatch(words[0]) and not number.fullmatch(next_words[0]) \
                and next_words[0] != "Side":  # the footer
            assert abs(next_xs[0] - xs[1]) < 1.0, (words, next_words)
            wrapped += 1
    assert wrapped >= 3
