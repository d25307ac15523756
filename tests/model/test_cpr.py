"""What looks like a CPR number, and what does not."""

from __future__ import annotations

import pytest

from model.cpr import find_cpr_numbers, masked


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
    assert hits[0].text.replace("‐", "-").replace(" ", "-").startswith(hits[0].text[:6])
    assert masked(hits[0]) == hits[0].text[:6] + "-xxxx"


@pytest.mark.parametrize(
    "text",
    [
        "Sagsnr. 00.01.00-A21-6-19",
        "Telefon 56 57 58 59",
        "321299-1234",  # day 32
        "011399-1234",  # month 13
        "290299-1234",  # 29 February 1999 and 2099 do not exist
        "Budget 2021-2024 på 24,551 mio. kr.",
        "Konto 12345678901",  # eleven digits
        "01.02.03-1234",
        "",
    ],
)
def test_leaves_other_numbers_alone(text):
    assert find_cpr_numbers(text) == []


def test_finds_several():
    assert len(find_cpr_numbers("010203-1234 og 150590-4321")) == 2
