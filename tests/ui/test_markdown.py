"""Rich text in the editor and the interchange Markdown it is stored as."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QTextDocument

from tests.conftest import EXAMPLE_FILES


@pytest.fixture
def app(qapp):
    return qapp


def _texts():
    for path in EXAMPLE_FILES:
        for meeting in json.loads(path.read_text("utf-8"))["meetings"]:
            for item in meeting["items"]:
                yield from (s["text"] for s in item["sections"])
                if item.get("decision"):
                    yield item["decision"]["text"]


def test_every_example_text_survives_the_editor(app):
    from ui.markdown_text import from_markdown, to_markdown

    for text in _texts():
        document = QTextDocument()
        from_markdown(document, text)
        assert to_markdown(document) == text.strip()


def test_paste_from_word_keeps_bold_italic_lists_and_headings(app, qtbot):
    from ui.markdown_edit import MarkdownEdit

    edit = MarkdownEdit()
    qtbot.addWidget(edit)
    data = QMimeData()
    data.setHtml(
        "<h2 style='color:blue'>Baggrund</h2><p class=MsoNormal><span style='font-family:"
        "Calibri;font-size:14pt'>Et <b>fedt</b> og <i>kursivt</i> ord</span></p>"
        "<p class=MsoListParagraph>·&nbsp;&nbsp;&nbsp;første</p>"
        "<p class=MsoListParagraph>·&nbsp;&nbsp;&nbsp;anden</p>"
        "<table><tr><td>celle</td></tr></table>"
    )
    edit.insertFromMimeData(data)
    assert edit.markdown() == (
        "### Baggrund\n\nEt **fedt** og *kursivt* ord\n\n- første\n- anden\n\ncelle"
    )
