"""Runs of typing: what one undo step takes back.

A field stores what is typed shortly after the first keystroke and again on
leaving, so one run of typing can reach the archive as several saves. They are
one undo step when they belong to one run: keystrokes without a pause, in one
field, without leaving it. A pause of an autosave's length, leaving the field,
an undo, or showing another value starts a new run, and so a new step.
"""

from __future__ import annotations

import itertools
import time

PAUSE_S = 0.7  # as long as the autosave's delay: a pause that long ends a run
_numbers = itertools.count(1)


def clock() -> float:
    return time.monotonic()


class TypingRun:
    """The run the field's unsaved typing belongs to; `number` is unique in the program,
    so saves of two fields, or two runs of one field, never share one."""

    def __init__(self) -> None:
        self.number = 0
        self._last: float | None = None

    def keystroke(self) -> None:
        now = clock()
        if self._last is None or now - self._last >= PAUSE_S:
            self.number = next(_numbers)
        self._last = now

    def end(self) -> None:
        """The next keystroke starts a new run (the field was left, reloaded, or undone)."""
        self._last = None


def same_run(a: int, b: int) -> bool:
    """Whether two saves come from one run of typing (0: not typing, never merged)."""
    return a == b != 0
