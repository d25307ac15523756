"""A large held meeting for the stand-in, vote and signature tests: 21 seats with names of
40 characters and more, the formand's seat filled by a suppleant, one member away."""

from __future__ import annotations

from model import agenda, committees, meeting_setup

FIRST = ("Anne-Kathrine", "Hans-Christian", "Marie-Louise", "Jens-Henrik", "Karen-Margrethe",
         "Poul-Erik", "Birgitte-Helene")
LAST = ("Østergaard Bjerregaard-Mikkelsen", "Vestergaard Frederiksen-Holm",
        "Christensen-Skovgaard Lindholm")
PARTIES = ("A", "V", "C", "F", "O", "Ø", "B")
STAND_IN = "Sofie-Amalie Rosenkrantz Gyldenstjerne-Brahe (A)"
COMMITTEE = "Udvalget for Klima, Natur og Bæredygtig Byudvikling"


def long_name(n: int) -> str:
    return f"{FIRST[n % 7]} {LAST[n % 3]}"


def big_meeting(s, seats: int = 21):
    """(committee, meeting, member ids by seat): held, seat 0 (formand) substituted by a
    typed suppleant, seat 5 absent, item 1 with votes taken by party."""
    c = committees.create_committee(s, COMMITTEE, "KNB", numbering="per_meeting",
                                    standard_items=[])
    ids = []
    for n in range(seats):
        role = {0: "formand", 1: "næstformand"}.get(n, "medlem")
        ids.append(committees.add_member(s, c.id, long_name(n), PARTIES[n % 7], role).id)
    committees.add_member(s, c.id, "Jens Sekretær", None, "sekretær", signs=False)
    m = meeting_setup.create_meeting(s, c.id, "2026-03-12", "09:00", "Byrådssalen, Rådhuset",
                                     end="11:45")
    for title in ("Klimaplan 2030", "Naturpark ved fjorden", "Underskriftsark"):
        agenda.add_item(s, m.id, title)
    rows = meeting_setup.attendance_rows(s, m.id)
    rows[0].status, rows[0].substitute = "substituted", STAND_IN
    rows[5].status, rows[5].note = "absent", "Afbud"
    meeting_setup.set_attendance(s, m.id, rows)
    for _ in range(2):
        meeting_setup.advance_status(s, m.id)
    return c, m, ids
