"""A signed meeting is sealed: its record as signed, triggers that refuse changes, history

The triggers refuse in the database what model/sealing/guard.py refuses in the
program, so another program or plain SQL cannot change a signed meeting
either: no row of it is inserted, changed or deleted, except that a dated
correction is added (or taken back the same day), a follow-up is answered,
and a signed meeting without a stored record gets one. The change history is
append-only.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

MESSAGE = "Mødet er underskrevet og kan ikke ændres; tilføj en dateret rettelse i stedet."
HISTORY_MESSAGE = "Ændringshistorikken kan kun tilføjes til."

# table -> (how its rows reach their meeting, columns that may change on a signed meeting)
OWNED = {
    "items": ("meeting", ()),
    "attendance": ("meeting", ()),
    "sections": ("item", ()),
    "prior_decisions": ("item", ()),
    "attachments": ("item", ()),
    "decisions": ("item", ()),
    "follow_ups": ("item", ("status", "answer")),
    "decision_members": ("decision", ()),
    "minority_notes": ("decision", ()),
    "corrections": ("decision", ("position",)),
}
PARENT_COLUMN = {"meeting": "meeting_id", "item": "item_id", "decision": "decision_id"}
SEAL_COLUMNS = ("sealed_at", "sealed_sha256", "sealed_record")


def _signed(kind: str, ref: str) -> str:
    """SQL that is true when the meeting the row's parent `ref` belongs to is signed."""
    if kind == "meeting":
        source = f"SELECT m.status FROM meetings m WHERE m.id = {ref}"
    elif kind == "item":
        source = (f"SELECT m.status FROM meetings m JOIN items i ON i.meeting_id = m.id "
                  f"WHERE i.id = {ref}")
    else:
        source = ("SELECT m.status FROM meetings m JOIN items i ON i.meeting_id = m.id "
                  f"JOIN decisions d ON d.item_id = i.id WHERE d.id = {ref}")
    return f"COALESCE(({source}), '') = 'signed'"


def _update_of(columns) -> str:
    return "UPDATE OF " + ", ".join(f'"{c}"' for c in columns)


def _rules(columns: dict[str, list[str]], postgres: bool) -> list[tuple[str, str, str, str]]:
    """(name, table, event, condition) of every refusal."""
    today = "CURRENT_DATE" if postgres else "date('now', 'localtime')"
    rules = []
    for table, (kind, free) in OWNED.items():
        parent = PARENT_COLUMN[kind]
        new, old = _signed(kind, f"NEW.{parent}"), _signed(kind, f"OLD.{parent}")
        watched = [c for c in columns[table] if c not in ("version", *free)]
        insert = new
        if table == "corrections":
            insert = ""
        elif table == "decisions":  # the empty decision a correction is hung on
            insert = (f"{new} AND NOT (NEW.text = '' AND NOT NEW.postponed AND "
                      "NOT NEW.votes_recorded AND NEW.public_text IS NULL)")
        delete = old
        if table == "corrections":
            delete = f"{old} AND OLD.date <> {today}"
        if insert:
            rules.append((f"referent_seal_{table}_insert", table, "INSERT", insert))
        rules.append((f"referent_seal_{table}_update", table,
                      _update_of(watched), f"{old} OR {new}"))
        rules.append((f"referent_seal_{table}_delete", table, "DELETE", delete))
    details = [c for c in columns["meetings"] if c not in ("version", *SEAL_COLUMNS)]
    rules += [
        ("referent_seal_meetings_update", "meetings", _update_of(details),
         "OLD.status = 'signed'"),
        ("referent_seal_meetings_seal", "meetings", _update_of(SEAL_COLUMNS),
         "OLD.status = 'signed' AND OLD.sealed_record IS NOT NULL"),
        ("referent_seal_meetings_delete", "meetings", "DELETE", "OLD.status = 'signed'"),
        ("referent_history_update", "change_history", "UPDATE", "1 = 1"),
        ("referent_history_delete", "change_history", "DELETE", "1 = 1"),
    ]
    return rules


def _message(table: str) -> str:
    return HISTORY_MESSAGE if table == "change_history" else MESSAGE


def _create_sqlite(name: str, table: str, when: str, condition: str) -> None:
    op.execute(
        f"CREATE TRIGGER {name} BEFORE {when} ON {table} FOR EACH ROW WHEN {condition} "
        f"BEGIN SELECT RAISE(ABORT, '{_message(table)}'); END"
    )


def _create_postgres(name: str, table: str, when: str, condition: str) -> None:
    result = "OLD" if when == "DELETE" else "NEW"
    op.execute(
        f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        f"IF {condition} THEN RAISE EXCEPTION '{_message(table)}' "
        f"USING ERRCODE = 'integrity_constraint_violation'; END IF; RETURN {result}; END $$"
    )
    op.execute(
        f"CREATE TRIGGER {name} BEFORE {when} ON {table} FOR EACH ROW EXECUTE FUNCTION {name}()"
    )


def upgrade() -> None:
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.add_column(sa.Column("sealed_record", sa.Text(), nullable=True))
    op.create_table(
        "change_history",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("os_user", sa.String(200), nullable=False),
        sa.Column("meeting_id", sa.Integer(), nullable=False),
        sa.Column("what", sa.String(2000), nullable=False),
        sa.Column("before", sa.Text(), nullable=True),
        sa.Column("after", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_change_history")),
    )
    op.create_index(op.f("ix_change_history_meeting_id"), "change_history", ["meeting_id"])
    bind = op.get_bind()
    inspector = sa.inspect(bind)
    tables = ["meetings", *OWNED]
    columns = {t: [c["name"] for c in inspector.get_columns(t)] for t in tables}
    postgres = bind.dialect.name == "postgresql"
    for rule in _rules(columns, postgres):
        (_create_postgres if postgres else _create_sqlite)(*rule)


def downgrade() -> None:
    bind = op.get_bind()
    postgres = bind.dialect.name == "postgresql"
    tables = ["meetings", *OWNED]
    columns = {t: [c["name"] for c in sa.inspect(bind).get_columns(t)] for t in tables}
    for name, table, _when, _condition in _rules(columns, postgres):
        op.execute(f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if postgres else ""))
        if postgres:
            op.execute(f"DROP FUNCTION IF EXISTS {name}()")
    op.drop_index(op.f("ix_change_history_meeting_id"), table_name="change_history")
    op.drop_table("change_history")
    with op.batch_alter_table("meetings") as batch_op:
        batch_op.drop_column("sealed_record")
