"""Reading the archive back in UI tests, the way a second program would."""

from __future__ import annotations

from sqlalchemy import select

from model.entities import Committee, Item, Meeting, Section


def titles(archive, meeting_id):
    with archive.sessions() as s:
        return [(i.number, i.title) for i in s.get(Meeting, meeting_id).items]


def section_texts(archive, item_id):
    with archive.sessions() as s:
        return [x.text for x in s.scalars(select(Section).where(Section.item_id == item_id)
                                          .order_by(Section.position))]


def item(archive, item_id):
    with archive.sessions() as s:
        return s.get(Item, item_id)


def committee_named(archive, name):
    with archive.sessions() as s:
        return s.scalar(select(Committee).where(Committee.name == name))


def make_meeting(archive, titles=("A", "B", "C"), numbering="per_meeting"):
    from model import agenda, committees, meeting_setup

    with archive.transaction() as s:
        c = committees.create_committee(s, "Økonomiudvalget", "ØU", numbering=numbering,
                                        standard_items=[])
        committees.add_member(s, c.id, "Anna Berg", "V")
        m = meeting_setup.create_meeting(s, c.id, "2020-04-21", "17:00")
        for title in titles:
            agenda.add_item(s, m.id, title)
        return m.id
