"""Writing the site so that publishing again rewrites only what changed.

A manifest in the folder lists every file the site wrote, with its hash and,
for the costly PDFs, the hash of what they were made from. A file whose bytes
are the same is left alone (its time stamp too); a file the site wrote before
and no longer has is removed; files we did not write are never touched.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path

from model.files import write_atomically

MANIFEST = ".referent-udgivelse.json"


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class SiteOutput:
    """The files of one publishing run, written into `root` by `finish`."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.old = self._read_manifest()
        self.files: dict[str, bytes] = {}
        self.sources: dict[str, str] = {}
        self.kept: dict[str, str] = {}  # costly files whose source did not change

    def _read_manifest(self) -> dict:
        try:
            data = json.loads((self.root / MANIFEST).read_text("utf-8"))
        except (OSError, ValueError):
            return {"files": {}, "sources": {}}
        if not isinstance(data, dict):
            return {"files": {}, "sources": {}}
        return {"files": data.get("files") or {}, "sources": data.get("sources") or {}}

    def add(self, name: str, data: bytes) -> None:
        self.files[name] = data

    def add_costly(self, name: str, source_key: str, make: Callable[[], bytes]) -> None:
        """A file that is slow to make: made again only when `source_key` changed
        or the file on disk is not the one the manifest recorded."""
        self.sources[name] = source_key
        recorded = self.old["files"].get(name)
        if (
            self.old["sources"].get(name) == source_key
            and recorded
            and self._on_disk(name) == recorded
        ):
            self.kept[name] = recorded
        else:
            self.files[name] = make()

    def _on_disk(self, name: str) -> str | None:
        try:
            return sha256((self.root / name).read_bytes())
        except OSError:
            return None

    def finish(self) -> tuple[list[str], int, list[str]]:
        """Write what changed, remove what the site no longer has; (written, unchanged, removed)."""
        written, unchanged = [], len(self.kept)
        hashes = dict(self.kept)
        for name, data in sorted(self.files.items()):
            digest = sha256(data)
            hashes[name] = digest
            if self._on_disk(name) == digest:
                unchanged += 1
                continue
            target = self.root / name
            target.parent.mkdir(parents=True, exist_ok=True)
            write_atomically(target, data)
            written.append(name)
        removed = [name for name in sorted(self.old["files"]) if name not in hashes]
        for name in removed:
            (self.root / name).unlink(missing_ok=True)
            _remove_empty_parents(self.root, (self.root / name).parent)
        manifest = {
            "files": dict(sorted(hashes.items())),
            "sources": dict(sorted(self.sources.items())),
        }
        data = (json.dumps(manifest, indent=1, ensure_ascii=False) + "\n").encode("utf-8")
        if self._on_disk(MANIFEST) != sha256(data):
            write_atomically(self.root / MANIFEST, data)
        return written, unchanged, removed


def _remove_empty_parents(root: Path, folder: Path) -> None:
    while folder != root and folder.is_relative_to(root):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
