"""WordprocessingML that python-docx has no API for: fields, bookmarks, links, settings."""

from __future__ import annotations

import copy
import io
import zipfile
from importlib import resources

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TOC_INSTRUCTION = ' TOC \\o "1-2" \\h \\z \\u '
TEMPLATE_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.template.main+xml"
DOCUMENT_TYPE = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
# CT_Settings is a sequence: updateFields must precede these, or Word calls the file corrupt.
_AFTER_UPDATE_FIELDS = (
    "hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
    "attachedSchema", "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats",
    "doNotAutoCompressPictures", "forceUpgrade", "captions", "readModeInkLockDown",
    "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol",
    "listSeparator",
)


def default_template() -> bytes:
    return resources.files("resources").joinpath("templates/referent.docx").read_bytes()


def as_document_package(data: bytes) -> bytes:
    """A .dotx (template) package re-labelled as a .docx, which python-docx opens."""
    source = zipfile.ZipFile(io.BytesIO(data))
    types = source.read("[Content_Types].xml")
    if TEMPLATE_TYPE not in types:
        return data
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "[Content_Types].xml":
                content = content.replace(TEMPLATE_TYPE, DOCUMENT_TYPE)
            target.writestr(copy.copy(info), content)  # writestr alters the info it is given
    return out.getvalue()


def copy_missing_styles(word, names: list[str]) -> None:
    """Give a committee's template the styles it lacks, copied from the default template."""
    from docx import Document

    missing = []
    for name in names:
        try:
            word.styles[name]
        except KeyError:
            missing.append(name)
    if not missing:
        return
    default = Document(io.BytesIO(default_template()))
    target = word.styles.element
    for name in missing:
        target.append(copy.deepcopy(default.styles[name].element))


def set_update_fields(word) -> None:
    """Ask Word to refresh the fields (the TOC) when it opens the file."""
    settings = word.settings.element
    for old in settings.findall(qn("w:updateFields")):
        settings.remove(old)
    flag = OxmlElement("w:updateFields")
    flag.set(qn("w:val"), "true")
    for child in settings:
        if child.tag.rpartition("}")[2] in _AFTER_UPDATE_FIELDS:
            child.addprevious(flag)
            return
    settings.append(flag)


def set_compatibility_mode(word, mode: int = 15) -> None:
    """Word 2013 and later's own layout: the file does not open in compatibility mode."""
    settings = word.settings.element
    compat = settings.find(qn("w:compat"))
    if compat is None:
        compat = OxmlElement("w:compat")
        later = _AFTER_UPDATE_FIELDS[_AFTER_UPDATE_FIELDS.index("compat") + 1:]
        following = next((c for c in settings if c.tag.rpartition("}")[2] in later), None)
        if following is not None:
            following.addprevious(compat)
        else:
            settings.append(compat)
    for setting in compat.findall(qn("w:compatSetting")):
        if setting.get(qn("w:name")) == "compatibilityMode":
            compat.remove(setting)
    setting = OxmlElement("w:compatSetting")
    for key, value in (("name", "compatibilityMode"), ("uri", WORD_URI), ("val", str(mode))):
        setting.set(qn(f"w:{key}"), value)
    compat.append(setting)  # compatSetting elements close CT_Compat's sequence


WORD_URI = "http://schemas.microsoft.com/office/word"


def field_char(kind: str):
    run = OxmlElement("w:r")
    char = OxmlElement("w:fldChar")
    char.set(qn("w:fldCharType"), kind)
    if kind == "begin":
        char.set(qn("w:dirty"), "true")  # stale until Word or LibreOffice lays it out
    run.append(char)
    return run


def instruction(text: str):
    run = OxmlElement("w:r")
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = text
    run.append(instr)
    return run


def text_run(text: str):
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.set(qn("xml:space"), "preserve")
    t.text = text
    run.append(t)
    return run, t


def tab_run():
    run = OxmlElement("w:r")
    run.append(OxmlElement("w:tab"))
    return run


def hyperlink(anchor: str):
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), anchor)
    link.set(qn("w:history"), "1")
    return link


def simple_field(instr: str, shown: str):
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" {instr} ")
    run, _ = text_run(shown)
    field.append(run)
    return field


def bookmark(paragraph, ident: int, name: str) -> None:
    """Wrap the paragraph's runs in a bookmark named `name` (a TOC link's target)."""
    p = paragraph._p
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(ident))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(ident))
    first_run = p.find(qn("w:r"))
    if first_run is not None:
        first_run.addprevious(start)
    else:
        p.append(start)
    p.append(end)


def top_border(paragraph) -> None:
    """The line to sign on: a border above the name."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    for child in ppr:
        if child.tag in _AFTER_BORDER:
            child.addprevious(borders)
            return
    ppr.append(borders)


# pPr is a sequence too: pBdr comes before these.
_AFTER_BORDER = {
    qn(f"w:{tag}")
    for tag in (
        "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap", "overflowPunct",
        "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid",
        "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
        "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId",
        "cnfStyle", "rPr", "sectPr", "pPrChange",
    )
}
