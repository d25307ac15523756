"""Every key of a committee's house style, as the neutral document prints it, and a style
that goes through the committee save, an export and an import unchanged."""

from __future__ import annotations

import pytest

from exporters.blocks import ListBlock, Para, SectionHeading
from exporters.document import build_document
from model import committees
from model.meetings import load_meeting
from model.style import PRESETS


def _texts(chapter) -> list[str]:
    out = []
    for block in chapter.blocks:
        if isinstance(block, SectionHeading):
            out.append(f"## {block.text}")
        elif isinstance(block, Para):
            out.append("".join(run.text for run in block.runs))
        elif isinstance(block, ListBlock):
            out += ["- " + "".join(run.text for run in e.runs) for e in block.entries]
    return out


@pytest.fixture
def oeu(examples_archive):
    """ØU 30.09.2026: absence, a stand-in, votes, prior decisions, bilag, closed items."""
    with examples_archive.sessions() as session:
        meeting = load_meeting(session, "oeu-2026-09-30")
        yield meeting
        session.rollback()


def _styled(meeting, style, public=False, document="referat"):
    meeting.committee.style = style
    return build_document(meeting, document, public)


def test_default_style_prints_as_before(oeu):
    doc = _styled(oeu, None)
    budget = doc.chapters[1]
    assert budget.heading == "Punkt 302: Budget 2027 - 2. behandling"
    assert budget.toc_text == budget.heading
    texts = _texts(budget)
    assert texts[:3] == ["Sagsnr.: 00.30.14-S00-3-26", "Tidspunkt: 8.35-9.30",
                         "Fremlægges af: Rikke Dal"]
    assert "Direktionen, 21. september 2026, pkt. 4:" in texts
    decision = texts.index("## Beslutning")
    assert texts[decision + 1] == "Ikke til stede: Åse Bøgh (C)"
    assert not any("stedfortræder" in t for t in texts)
    assert texts[-3:] == ["## Bilag", "- Bilag 1: Budgetforslag 2027-2030",
                          "- Bilag 2: Notat om anlægsønsker (Lukket bilag)"]


def test_item_heading_and_toc_entry_with_bracketed_parts(oeu):
    style = PRESETS["Albertslund og Faxe"]
    doc = _styled(oeu, style)
    assert doc.chapters[1].heading == \
        "Punkt 302: Budget 2027 - 2. behandling v. Rikke Dal (8.35-9.30)"
    assert doc.chapters[1].toc_text == "Budget 2027 - 2. behandling v. Rikke Dal (8.35-9.30)"
    assert doc.chapters[0].heading == "Punkt 301: Godkendelse af dagsorden"  # no presenters
    assert doc.chapters[0].toc_text == "Godkendelse af dagsorden"
    closed = doc.chapters[2]
    assert closed.toc_text == "Salg af kommunal grund, Havnevej 12 (Lukket punkt)"


def test_a_withheld_item_shows_neither_presenters_nor_time(oeu):
    oeu.items[2].presenters, oeu.items[2].time_slot = "Hemmelig Person", "10.00-10.30"
    doc = _styled(oeu, PRESETS["Albertslund og Faxe"], public=True)
    assert doc.chapters[2].heading == "Punkt 303: Salg af kommunal grund (Lukket punkt)"


def test_item_lines_open_committee_extra_and_journal_number(oeu):
    oeu.items[1].extra = {"brevid": 4228764}
    oeu.items[1].journal_number = "00.01.00-A00-1-26"
    style = {"item_lines": ["{open}", "{committee} Brevid: {extra.brevid}", "{journal_number}",
                            "Tid: {time_slot}", "[Sag {journal_number}]"]}
    budget = _texts(_styled(oeu, style).chapters[1])
    assert budget[:5] == ["Åbent", "Økonomiudvalget Brevid: 4228764", "00.01.00-A00-1-26",
                          "Tid: 8.35-9.30", "Sag 00.01.00-A00-1-26"]
    first = _texts(_styled(oeu, style).chapters[0])
    # no journal number, no time: those lines are left out; {committee} keeps its line
    assert first[:2] == ["Åbent", "Økonomiudvalget Brevid:"]
    assert _texts(_styled(oeu, style).chapters[2])[0] == "Lukket"
    assert _texts(_styled(oeu, {"item_lines": []}).chapters[1])[0] == "## Resume"


def test_decision_and_prior_decision_headings(oeu):
    region = PRESETS["Region Sjælland"]
    texts = _texts(_styled(oeu, region).chapters[1])
    assert "## Beslutning i Økonomiudvalget onsdag den 30. september 2026, pkt. 302" in texts
    assert "Beslutning i Direktionen mandag den 21. september 2026, pkt. 4" in texts
    plain = _texts(_styled(oeu, {"decision_heading": "", "prior_decision_heading": ""})
                   .chapters[1])
    assert not any(t.startswith("## Beslutning") or "Direktionen" in t for t in plain)
    assert "Anbefales over for Kommunalbestyrelsen." in plain  # the texts stay


def test_absence_before_or_after_and_not_participating(oeu):
    decision = oeu.items[1].decision
    member = oeu.committee.members[0]
    from model.entities import DecisionMember

    decision.member_marks.append(DecisionMember(member=member, kind="not_participating"))
    before = _texts(_styled(oeu, {"absence": "Fraværende: {names} ({committee})"}).chapters[1])
    at = before.index("## Beslutning")
    assert before[at + 1] == "Fraværende: Åse Bøgh (C) (Økonomiudvalget)"
    assert before[at + 2] == \
        f"{member.name} ({member.party}) deltog ikke i behandlingen af punktet."
    assert before[at + 3] == "Anbefales over for Kommunalbestyrelsen."
    after = _texts(_styled(oeu, {"absence_position": "after",
                                 "not_participating": "Inhabil i {committee}: {names}"})
                  .chapters[1])
    at = after.index("## Beslutning")
    assert after[at + 1] == "Anbefales over for Kommunalbestyrelsen."
    assert after[at + 2] == "For stemte 3 (A, F, V), imod stemte 1 (O)."  # one line
    assert after[at + 3:at + 5] == ["Ikke til stede: Åse Bøgh (C)",
                                    f"Inhabil i Økonomiudvalget: {member.name} ({member.party})"]


def test_names_are_joined_with_og(oeu):
    from model.entities import DecisionMember

    decision = oeu.items[1].decision
    for member in oeu.committee.members[:2]:
        decision.member_marks.append(DecisionMember(member=member, kind="absent"))
    line = next(t for t in _texts(_styled(oeu, None).chapters[1]) if t.startswith("Ikke til"))
    first, second = (f"{m.name} ({m.party})" for m in oeu.committee.members[:2])
    assert line == f"Ikke til stede: Åse Bøgh (C), {first} og {second}"


def test_substitute_line_per_stand_in(oeu):
    style = {"substitute_line": "{substitute} deltog som stedfortræder for {member}."}
    texts = _texts(_styled(oeu, style).chapters[1])
    assert texts.count("Karen Vinter (O) deltog som stedfortræder for Mikkel Ærenlund (O).") == 1
    assert texts.index("Karen Vinter (O) deltog som stedfortræder for Mikkel Ærenlund (O).") < \
        texts.index("Protokoltilførsel fra Karen Vinter (O):")


def test_attachments_heading_and_position(oeu):
    texts = _texts(_styled(oeu, {"attachments_heading": "Bilag til punkt nr. {number}:"})
                   .chapters[1])
    assert texts[-3] == "## Bilag til punkt nr. 302:"
    top = _texts(_styled(oeu, {"attachments_heading": "", "attachments_position":
                               "after_heading"}).chapters[1])
    assert top[3:5] == ["- Bilag 1: Budgetforslag 2027-2030", "- Bilag 2: Notat om anlægsønsker (Lukket bilag)"]
    assert not any(t.startswith("## Bilag") for t in top)
    public = _texts(_styled(oeu, {"attachments_position": "after_heading"}, public=True)
                    .chapters[1])
    assert "- Bilag 2: Notat om anlægsønsker (Lukket bilag)" not in public


def test_the_agenda_follows_the_style_too(oeu):
    doc = _styled(oeu, PRESETS["Stevns"], document="dagsorden")
    assert doc.chapters[1].heading == "302. Budget 2027 - 2. behandling"
    assert _texts(doc.chapters[1])[0] == "- Bilag 1: Budgetforslag 2027-2030"


def test_a_style_saved_with_the_committee_goes_out_and_comes_back(unsigned_examples_archive,
                                                                 tmp_path):
    """Saved through the committee operation, exported, imported into another archive:
    the same style, and the same document."""
    from model.database import open_archive
    from model.interchange import build_document as interchange_document
    from model.interchange import import_file
    from model.interchange.writer import dumps, find_meetings

    region = {**PRESETS["Region Sjælland"], "decision_heading": "Beslutning"}
    with unsigned_examples_archive.transaction() as session:
        committee_id = load_meeting(session, "oeu-2026-09-30").committee.id
        committees.update_committee(session, committee_id, style=region)
    with unsigned_examples_archive.sessions() as session:
        meetings = find_meetings(session, ["oeu-2026-09-30"])
        exported = interchange_document(meetings)
        before = build_document(load_meeting(session, "oeu-2026-09-30"), "referat")
    saved = exported["committees"][0]["style"]
    assert "decision_heading" not in saved  # the default is not stored
    assert saved == {k: v for k, v in region.items() if k != "decision_heading"}
    path = tmp_path / "oeu.json"
    path.write_text(dumps(exported), "utf-8")
    other = open_archive(tmp_path / "andet.sqlite3", keep_backups=None)
    try:
        import_file(other, path)
        with other.sessions() as session:
            meeting = load_meeting(session, "oeu-2026-09-30")
            assert meeting.committee.style == saved
            after = build_document(meeting, "referat")
            assert interchange_document([meeting])["committees"][0]["style"] == saved
    finally:
        other.close()
    assert [(c.heading, _texts(c)) for c in after.chapters] == \
        [(c.heading, _texts(c)) for c in before.chapters]
    assert "Åse Bøgh (C) deltog ikke i Økonomiudvalgets behandling af sagen." in \
        _texts(after.chapters[1])


def test_a_wrong_style_is_refused_with_a_danish_line_and_nothing_changes(archive):
    from model.checks import InputError

    with archive.transaction() as session:
        committee_id = committees.create_committee(session, "Udvalg", "U").id
    with pytest.raises(InputError, match="kender ikke"):
        with archive.transaction() as session:
            committees.update_committee(session, committee_id, name="Nyt navn",
                                        style={"item_heading": "{nummer}. {title}"})
    with archive.sessions() as session:
        committee = committees.get_committee(session, committee_id)
        assert (committee.name, committee.style) == ("Udvalg", None)
