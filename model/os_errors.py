"""The operating system's errors in Danish: Python gives them in English ("No such file or
directory"), and a secretary should read what went wrong and where."""

from __future__ import annotations

import errno

REASONS = {
    errno.ENOENT: "mappen eller filen findes ikke",
    errno.EACCES: "ingen adgang",
    errno.EPERM: "ingen adgang",
    errno.ENOSPC: "disken er fuld",
    errno.EDQUOT: "din diskkvote er brugt op",
    errno.EROFS: "drevet er skrivebeskyttet",
    errno.EISDIR: "er en mappe, ikke en fil",
    errno.ENOTDIR: "en del af stien er ikke en mappe",
    errno.EEXIST: "findes allerede",
    errno.ENAMETOOLONG: "navnet er for langt",
    errno.EBUSY: "er i brug af et andet program",
    errno.EIO: "disken kan ikke læses eller skrives (I/O-fejl)",
    errno.EMFILE: "for mange åbne filer",
    errno.ENOTEMPTY: "mappen er ikke tom",
    errno.EXDEV: "kan ikke flyttes til et andet drev",
    errno.ETIMEDOUT: "tiden løb ud",
    errno.ECONNREFUSED: "forbindelsen blev afvist",
}


def reason(error: OSError) -> str:
    """Why, in Danish; the system's own words only for an error not named here."""
    return REASONS.get(error.errno, error.strerror or str(error))


def message(error: OSError) -> str:
    """"<file>: <why>", e.g. "/mnt/x/referat.pdf: ingen adgang"."""
    return f"{error.filename}: {reason(error)}" if error.filename else reason(error)


def said(error: Exception) -> str:
    """What to show for a refused action: our errors are Danish already, the system's
    errors are put into Danish here."""
    return message(error) if isinstance(error, OSError) else str(error)
