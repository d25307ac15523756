"""Danish dates without Babel at render time: the same words Babel's da_DK gives."""

from __future__ import annotations

import datetime as dt

from exporters import danish


def test_dates_read_as_babel_writes_them_for_da_dk():
    from babel.dates import format_date

    for n in range(0, 800, 3):  # every month and weekday, leap day and year ends
        day = dt.date(2019, 12, 1) + dt.timedelta(days=n)
        assert danish.long_date(day) == format_date(day, "d. MMMM y", locale="da_DK")
        assert danish.weekday(day) == format_date(day, "EEEE", locale="da_DK")
        when = format_date(day, "EEEE 'd.' d. MMMM y", locale="da_DK")
        assert danish.meeting_when(day, dt.time(9), dt.time(11, 45)) == (
            f"{when[:1].upper()}{when[1:]} kl. 09:00-11:45")


def test_a_meeting_day_in_full():
    assert danish.meeting_when(dt.date(2020, 1, 16), dt.time(9)) == (
        "Torsdag d. 16. januar 2020 kl. 09:00")
