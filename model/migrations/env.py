"""Alembic environment: runs on the connection that `model.migrations.upgrade` hands in."""

from alembic import context

from model.entities import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite alters tables by copying them
)
with context.begin_transaction():
    context.run_migrations()
