"""Danish spelling, offline: a hunspell dictionary (Debian's hunspell-da, or one shipped in
resources/dictionaries) and the secretary's own words in the data folder.

No Qt here; ui.spelling draws the red lines and the menu.
"""

from __future__ import annotations

import os
import re
import threading
from importlib import resources
from pathlib import Path

LANGUAGE = "da_DK"
WORD_LIST = "egne-ord.txt"
# Letters, with inner hyphens or apostrophes ("it-system", "borger's" is a typo, but a word).
WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
SYSTEM_FOLDERS = ("/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/share/myspell",
                  "/usr/local/share/hunspell", "/Library/Spelling")


def dictionary_folder() -> Path | None:
    """Where da_DK.dic and da_DK.aff are: REFERENT_HUNSPELL_DIR, shipped, or the system's."""
    candidates = [os.environ.get("REFERENT_HUNSPELL_DIR", "")]
    try:
        candidates.append(str(resources.files("resources").joinpath("dictionaries")))
    except (ModuleNotFoundError, FileNotFoundError):
        pass
    candidates += SYSTEM_FOLDERS
    for folder in filter(None, candidates):
        path = Path(folder)
        if (path / f"{LANGUAGE}.dic").is_file() and (path / f"{LANGUAGE}.aff").is_file():
            return path
    return None


class Speller:
    """Checks and suggests Danish words; `available` is False without a dictionary, and
    then every word passes (nothing is underlined) and `missing` says why."""

    def __init__(self, folder: Path | None, own_words: Path | None):
        self.own_words = own_words
        self.missing = ""
        self._known: dict[str, bool] = {}
        self._hunspell = None
        if folder is None:
            self.missing = ("Stavekontrollen mangler en dansk ordbog; installér pakken "
                            "hunspell-da (Stavekontrolden).")
            return
        try:
            import hunspell

            self._hunspell = hunspell.Hunspell(LANGUAGE, hunspell_data_dir=str(folder))
        except (ImportError, OSError, Exception) as error:  # noqa: BLE001 - a bad dictionary
            self.missing = f"Stavekontrollen kan ikke starte: {error}"
            return
        for word in self._read_own_words():
            self._hunspell.add(word)

    @property
    def available(self) -> bool:
        return self._hunspell is not None

    def _read_own_words(self) -> list[str]:
        if self.own_words is None or not self.own_words.is_file():
            return []
        try:
            text = self.own_words.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            return []
        return [line.strip() for line in text.splitlines() if line.strip()]

    def correct(self, word: str) -> bool:
        """True for a word spelled right, and for what is not checked: abbreviations
        (ØU, KLE), single letters, words with digits."""
        if not self.available or len(word) < 2 or word.isupper():
            return True
        known = self._known.get(word)
        if known is None:
            known = self._known[word] = bool(self._hunspell.spell(word))
        return known

    def suggestions(self, word: str, most: int = 6) -> list[str]:
        if not self.available:
            return []
        return list(self._hunspell.suggest(word))[:most]

    def add(self, word: str) -> None:
        """Into the secretary's own word list, at once and for good."""
        if not self.available:
            return
        self._hunspell.add(word)
        self._known[word] = True
        if self.own_words is not None:
            self.own_words.parent.mkdir(parents=True, exist_ok=True)
            with self.own_words.open("a", encoding="utf-8") as f:
                f.write(word + "\n")

    def misspelled(self, text: str) -> list[tuple[int, int]]:
        """(start, length) of each word in `text` that is not spelled right."""
        wrong = []
        for m in WORD.finditer(text):
            word = m.group()
            if _in_placeholder(text, m.start(), m.end()):
                continue  # "{number}" in a house style's template is no Danish word
            # Abbreviations are in the dictionary with their full stop: "kl.", "jf.", "kr.".
            if self.correct(word) or (text[m.end():m.end() + 1] == "." and
                                      self.correct(word + ".")):
                continue
            wrong.append((m.start(), m.end() - m.start()))
        return wrong


def _in_placeholder(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside braces, as "{extra.brevid}" does."""
    opened = text.rfind("{", 0, start)
    return opened != -1 and text.rfind("}", opened, start) == -1 and "}" in text[end:end + 40]


_speller: Speller | None = None
_loading = threading.Lock()


def speller() -> Speller:
    """The program's one speller. Loading the dictionary takes 0.7 s: the window's warm-up
    does it in the background, and a caller that comes sooner waits for that load."""
    global _speller
    if _speller is None:
        with _loading:
            if _speller is None:
                from ui.crash import data_folder

                _speller = Speller(dictionary_folder(), data_folder() / WORD_LIST)
    return _speller


def use(instance: Speller | None) -> None:
    """Replace the program's speller (tests: another word list or no dictionary)."""
    global _speller
    _speller = instance
