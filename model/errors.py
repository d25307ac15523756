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
