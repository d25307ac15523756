"""What looks like a CPR number, however it is written, and what does not."""

from __future__ import annotations

import pytest

from model.cpr import find_cpr_numbers, masked

# Every way of writing 010203-1234 that prints (or reads) as a CPR number.
WRITTEN = [
    "010203-1234",
    "0102031234",
    "010203 1234",
    "010203‐1234",  # U+2010 hyphen (Word)
    "010203\u20111234",  # non-breaking hyphen
    "010203\u20131234",  # en dash
    "010203\u20141234",  # em dash
    "010203\u22121234",  # minus sign
    "010203\u20121234",  # figure dash
    "010203\u00a01234",  # non-breaking space
    "010203\u202f1234",  # narrow non-breaking space
    "010203\u200b1234",  # zero-width space
    "010203\u200d-1234",  # zero-width joiner
    "0102\u00ad031234",  # soft hyphen inside
    "010203-\n1234",  # a line break
    "010203\r\n1234",
    "010203\u20281234",  # line separator
    "01.02.03-1234",
    "01.02.03 1234",
    "01-02-03-1234",
    "010203 - 1234",
    "010203/1234",
    "010203.1234",
    "CPR-0102031234",
    "CPR-nr. 010203-1234",
    "cpr.nr.: 0102031234",
    "CPR: 01 02 03 12 34",
    "CPR-nummer 0102 03 1234",
    "\ufeff010203-1234",
    "０１０２０３-１２３４",  # fullwidth digits
]


@pytest.mark.parametrize("written", WRITTEN, ids=[repr(w) for w in WRITTEN])
def test_finds_every_way_of_writing_it(written):
    text = f"Borgeren ({written}) har klaget."
    hits = find_cpr_numbers(text)
    assert len(hits) == 1, hits
    assert hits[0].digits == "0102031234"
    assert masked(hits[0]) == "010203-xxxx"
    assert "1234" in "".join(c for c in text[hits[0].start : hits[0].end] if c.isdigit()) or (
        "１２３４" in text[hits[0].start : hits[0].end]
    )


@pytest.mark.parametrize(
    "text",
    [
        "Borgeren (010203-1234) har klaget.",
        "cpr 0102031234 i sagen",
        "CPR: 311299 1234",
        "290200-4321",  # 29 February 2000 exists
        "010203‐1234",  # a Word hyphen
    ],
)
def test_finds_cpr_numbers(text):
    hits = find_cpr_numbers(text)
    assert len(hits) == 1
    assert masked(hits[0]) == hits[0].digits[:6] + "-xxxx"
    assert hits[0].digits[:6] in text.replace("‐", "-").replace(" ", "")


NOT_CPR = [
    "Sagsnr. 00.01.00-A21-6-19",  # KLE journal numbers
    "KLE 27.12.04-P20-1-19",
    "Journalnr. 85.02.02-G01-4-20",
    "KLE 00.15.00",
    "Telefon 56 57 58 59",
    "Tlf. +45 56 57 58 59",
    "Tlf. 5657 5859 eller 2021 2223",
    "+45 20 10 12 34",
    "321299-1234",  # day 32
    "011399-1234",  # month 13
    "290299-1234",  # 29 February 1999 and 2099 do not exist
    "Budget 2021-2024 på 24,551 mio. kr.",
    "Beløb: 1.234.567,89 kr. og 120.000.000 kr.",
    "kr. 12.345.678",
    "Konto 12345678901",  # eleven digits
    "Reg.nr. 1234 kontonr. 0012345678",
    "CVR 29189803",
    "CVR-nr. 29 18 98 03",
    "EAN 5798000416604",
    "EAN-nr. 5798 0004 1660 4",
    "Mødet 2020-08-19 kl. 16.00",
    "19-08-2020 og 19.08.2020 og 19/8 2020",
    "Perioden 01.01.2020-31.12.2020",
    "Lokalplan 1234 og 5678",
    "2020-01-01 1234",
    "",
]


@pytest.mark.parametrize("text", NOT_CPR)
def test_leaves_other_numbers_alone(text):
    assert find_cpr_numbers(text) == []


def test_finds_several():
    hits = find_cpr_numbers("010203-1234 og 150590\u20134321, CPR 0102 03 9999")
    assert [h.digits for h in hits] == ["0102031234", "1505904321", "0102039999"]
