"""Errors that the program explains to the user in one Danish line."""


class ReferentError(Exception):
    """Base for errors whose message is meant for the user as it is."""


class ArchiveError(ReferentError):
    """The archive cannot be opened or used (foreign file, newer version, locked)."""


class InterchangeError(ReferentError):
    """An interchange file breaks the schema or its rules; names the place."""

    def __init__(self, place: str, message: str):
        self.place = place
        self.message = message
        super().__init__(f"{place}: {message}" if place else message)


class NotFoundError(ReferentError):
    """A record named by the user does not exist."""


class ConflictError(ReferentError):
    """An edit was based on a copy that someone else has changed since."""


class EditConflict(ConflictError):
    """A text or field changed in the archive after the editor showed it.

    Carries both versions, so the program can show them side by side and let
    the secretary choose, instead of one of them being lost without a word.
    """

    def __init__(self, what: str, mine: object, theirs: object, expected_version: int,
                 current_version: int):
        self.what = what
        self.mine = mine  # din udgave: what the secretary typed
        self.theirs = theirs  # arkivets udgave: what is stored now
        self.expected_version = expected_version
        self.current_version = current_version
        super().__init__(
            f"{what} er ændret af en anden, efter at du begyndte at rette; "
            "din ændring er ikke gemt."
        )

    @classmethod
    def check(cls, expected_version: int | None, current_version: int, what: str,
              mine: object, theirs: object) -> None:
        """Refuse an edit based on an older version; None means the caller does not check.

        When the archive already holds exactly what was typed, nothing can be lost.
        """
        if expected_version is None or expected_version == current_version or mine == theirs:
            return
        raise cls(what, mine, theirs, expected_version, current_version)


class SignedMeetingError(ReferentError):
    """A write that would change a signed meeting's record: refused, nothing stored."""

    def __init__(self, meeting_label: str, detail: str = ""):
        self.meeting_label = meeting_label
        name = f"Mødet {meeting_label}" if meeting_label else "Mødet"
        super().__init__(
            f"{name} er underskrevet og kan ikke ændres; "
            "tilføj en dateret rettelse i stedet." + (f" ({detail})" if detail else "")
        )


class SealError(ReferentError):
    """A signed meeting does not match its seal."""
