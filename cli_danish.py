"""argparse in Danish: its usage line, help headings and error messages.

argparse looks every text up through the `_` and `ngettext` names of its own module (the
gettext domain of Python's standard library, for which no Danish catalogue ships), so those
two names are pointed at this table. Texts not in it stay as argparse wrote them.
"""

from __future__ import annotations

import argparse

TEXTS = {
    "usage: ": "brug: ",
    "positional arguments": "argumenter",
    "options": "tilvalg",
    "optional arguments": "tilvalg",
    "show this help message and exit": "vis denne hjælp og afslut",
    "subcommands": "kommandoer",
    "argument %(argument_name)s: %(message)s": "%(argument_name)s: %(message)s",
    "unrecognized arguments: %s": "ukendte argumenter: %s",
    "not allowed with argument %s": "kan ikke bruges sammen med %s",
    "ignored explicit argument %r": "argumentet %r giver ingen mening her",
    "the following arguments are required: %s": "disse argumenter mangler: %s",
    "one of the arguments %s is required": "et af argumenterne %s skal angives",
    "expected one argument": "skal efterfølges af én værdi",
    "expected at most one argument": "kan efterfølges af højst én værdi",
    "expected at least one argument": "skal efterfølges af mindst én værdi",
    "ambiguous option: %(option)s could match %(matches)s":
        "tvetydigt tilvalg: %(option)s kan være %(matches)s",
    "unexpected option string: %s": "uventet tilvalg: %s",
    "invalid %(type)s value: %(value)r": "ugyldig værdi: %(value)r",
    "invalid choice: %(value)r (choose from %(choices)s)":
        "ugyldigt valg: %(value)r (vælg mellem %(choices)s)",
    "unknown parser %(parser_name)r (choices: %(choices)s)":
        "ukendt kommando %(parser_name)r (vælg mellem %(choices)s)",
    "can't open '%(filename)s': %(error)s": "'%(filename)s' kan ikke åbnes: %(error)s",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fejl: %(message)s\n",
}
PLURALS = {
    "expected %s argument": ("skal efterfølges af %s værdi", "skal efterfølges af %s værdier"),
}


def _gettext(text: str) -> str:
    return TEXTS.get(text, text)


def _ngettext(singular: str, plural: str, n: int) -> str:
    one, many = PLURALS.get(singular, (singular, plural))
    return one if n == 1 else many


def install() -> None:
    """Danish from now on, for every parser this process makes."""
    argparse._ = _gettext
    argparse.ngettext = _ngettext
