"""Saving a step of the decision entry mode against the decision it showed, and settling
a conflict with another secretary's change in ConflictDialog.

"Behold min udgave" writes the decision shown as mine (my step applied to what I
saw) over theirs; "Brug arkivets udgave" drops my step; "Annullér" writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from model import decisions
from model.decision_conflict import DecisionConflict
from model.decisions import Basis, DecisionChange
from ui.conflicts import CANCELLED, SAVED, THEIRS
from ui.dialogs.conflict_dialog import KEEP_MINE, USE_THEIRS, ConflictDialog
from ui.workspace import Workspace

__all__ = ["CANCELLED", "SAVED", "THEIRS", "Outcome", "save"]


@dataclass
class Outcome:
    kind: str  # SAVED, THEIRS or CANCELLED
    change: DecisionChange | None = None  # when SAVED
    conflict: DecisionConflict | None = None  # the last one met, if any


def save(ws: Workspace, operation: Callable[..., DecisionChange], item_id: int, args: tuple,
         basis: Basis, parent) -> Outcome:
    """Run `operation(item_id, *args, basis=basis)`; on a conflict, ask and act on the answer."""
    conflict = None
    while True:
        try:
            change = ws.write(operation, item_id, *args, basis=basis)
        except DecisionConflict as refused:
            conflict = refused
            choice = ConflictDialog.ask(parent, refused)
            if choice == USE_THEIRS:
                return Outcome(THEIRS, conflict=refused)
            if choice != KEEP_MINE:
                return Outcome(CANCELLED, conflict=refused)
            # Mine as the dialog showed it, now based on what the archive holds.
            operation, args = decisions.restore, (refused.mine_state,)
            basis = Basis(refused.current_version, refused.theirs_state)
            continue
        return Outcome(SAVED, change, conflict)
