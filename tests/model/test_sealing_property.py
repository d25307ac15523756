"""A property: whatever is done to an archive that holds a signed meeting (model
operations on it and on other meetings, imports, committee and case edits), the
signed meeting's referat never changes and it keeps matching its seal."""

from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule
from sqlalchemy import select

from model import agenda, committees, item_edit, meeting_setup
from model.database import open_archive
from model.entities import Case, Item, Meeting, Member
from model.errors import ReferentError
from model.interchange import import_file, load_json
from model.sealing.verify import verify
from tests.conftest import EXAMPLE_FILES
from tests.model.test_sealing import OPERATIONS, _ids, referat

SIGNED = "oeu-2026-09-30"
PROEVE = next(p for p in EXAMPLE_FILES if p.stem.startswith("proevekommune"))
words = st.text(alphabet="abcæøå ÆØÅ-1", min_size=1, max_size=12).filter(str.strip)


class SignedArchive(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="segl-"))
        self.archive = open_archive(self.folder / "arkiv.sqlite3", keep_backups=None)
        import_file(self.archive, PROEVE)
        self.printed = referat(self.archive)
        with self.archive.sessions() as session:
            self.ids = _ids(session)
            other = session.scalar(select(Meeting).where(Meeting.ext_id == "kb-2026-10-08"))
            self.other_meeting = other.id
            self.other_items = [item.id for item in other.items]
        self.files = 0

    def teardown(self):
        self.archive.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _try(self, operation, *args) -> None:
        try:
            with self.archive.transaction() as session:
                operation(session, *args)
        except ReferentError:
            pass  # refused, with nothing stored

    @rule(name=st.sampled_from(sorted(OPERATIONS)))
    def operate_on_the_signed_meeting(self, name):
        self._try(OPERATIONS[name], self.ids)

    @rule(title=words, index=st.integers(0, 5))
    def edit_another_meeting(self, title, index):
        item_id = self.other_items[index % len(self.other_items)]
        self._try(lambda s: item_edit.set_item_field(s, item_id, "title", title, None))
        self._try(lambda s: agenda.move_item(s, item_id, index))

    @rule(name=words, party=st.sampled_from(["A", "V", "Ø", None]), which=st.integers(0, 9))
    def edit_a_member(self, name, party, which):
        def change(session):
            members = session.scalars(select(Member).order_by(Member.id)).all()
            member = members[which % len(members)]
            committees.update_member(session, member.id, name=name, party=party)
        self._try(change)

    @rule(title=words, number=words)
    def edit_the_cases(self, title, number):
        def change(session):
            for case in session.scalars(select(Case)):
                case.title, case.journal_number = title, number
        self._try(change)

    @rule(name=words)
    def add_a_member(self, name):
        def change(session):
            committee_id = session.get(Meeting, self.ids["meeting"]).committee_id
            committees.add_member(session, committee_id, name, "B")
        self._try(change)

    @rule(name=words, party=st.sampled_from(["A", "V", "Ø"]), edit_meeting=st.booleans(),
          move_item=st.booleans())
    def import_a_file(self, name, party, edit_meeting, move_item):
        """The example again, with other names and parties, maybe a changed signed
        meeting or its item under another meeting: imported or refused whole."""
        document = load_json(PROEVE)
        for member in document["committees"][0]["members"]:
            member["name"], member["party"] = f"{member['name']} {name}", party
        meeting = document["meetings"][0]
        if edit_meeting:
            meeting["items"][1]["sections"][0]["text"] = name
        if move_item:
            document["meetings"][1]["items"].append(meeting["items"].pop(0))
        self.files += 1
        path = self.folder / f"fil{self.files}.json"
        path.write_text(json.dumps(document), "utf-8")
        try:
            import_file(self.archive, path)
        except ReferentError:
            pass

    @rule(on=st.booleans())
    def print_questions_or_not(self, on):
        """The committee's setting for questions in the referat: the signed one keeps
        printing them as it did when signed."""
        def change(session):
            committee_id = session.get(Meeting, self.ids["meeting"]).committee_id
            committees.update_committee(session, committee_id, follow_ups_in_minutes=on)
        self._try(change)

    @rule()
    def advance_the_other_meeting(self):
        self._try(meeting_setup.advance_status, self.other_meeting)

    @invariant()
    def the_signed_referat_never_changes(self):
        assert referat(self.archive) == self.printed
        assert any(place.endswith("Spørgsmål og bestillinger") for place, _ in self.printed)
        with self.archive.sessions() as session:
            assert verify(session, [SIGNED]) == []
            assert session.get(Item, self.ids["item"]).meeting_id == self.ids["meeting"]


SignedArchive.TestCase.settings = settings(
    max_examples=30, stateful_step_count=8, deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_a_signed_meeting_never_changes = SignedArchive.TestCase
