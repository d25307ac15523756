"""The interchange file (format "referent-interchange", version 1): reading and writing."""

from model.interchange.reader import ImportReport, import_document, import_file, load_json, validate
from model.interchange.writer import build_document, export_file

__all__ = [
    "ImportReport",
    "build_document",
    "export_file",
    "import_document",
    "import_file",
    "load_json",
    "validate",
]
