"""Small WordprocessingML helpers python-docx has no API for (fonts of every script, borders, fields, widths).

Kept apart from `docx.py` so the layout code reads as layout, not as XML.
"""

from __future__ import annotations

from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Length, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

_FONT_SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
_THEME_SLOTS = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


# Schema order of the children we add (ECMA-376 part 1): Word refuses a file whose property elements are out of
# order, so every element goes in before the first of its successors that is already there.
_SEQUENCES = {
    "w:pPr": (
        "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
        "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
        "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
        "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle",
        "w:rPr", "w:sectPr", "w:pPrChange",
    ),
    "w:rPr": (
        "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
        "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
        "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
        "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
        "w:specVanish", "w:oMath",
    ),
    "w:tblPr": (
        "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize", "w:tblStyleColBandSize",
        "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd", "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar",
        "w:tblLook", "w:tblCaption", "w:tblDescription",
    ),
    "w:trPr": (
        "w:cnfStyle", "w:divId", "w:gridBefore", "w:gridAfter", "w:wBefore", "w:wAfter", "w:cantSplit",
        "w:trHeight", "w:tblHeader", "w:tblCellSpacing", "w:jc", "w:hidden",
    ),
    "w:docDefaults": ("w:rPrDefault", "w:pPrDefault"),
    "w:styles": ("w:docDefaults", "w:latentStyles", "w:style"),
}  # fmt: skip
_PARENT_NAMES = {qn(name): name for name in _SEQUENCES}


def _child(parent, tag: str):
    """The child element `tag` of parent, created in its schema place when missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    element = OxmlElement(tag)
    sequence = _SEQUENCES.get(_PARENT_NAMES.get(parent.tag, ""), ())
    if tag in sequence:
        successors = {qn(name) for name in sequence[sequence.index(tag) + 1 :]}
        for existing in parent:
            if existing.tag in successors:
                existing.addprevious(element)
                return element
    parent.append(element)
    return element


def set_fonts(rpr, name: str) -> None:
    """Use `name` for every script slot of an rPr (Latin, East Asian, complex), dropping theme fonts.

    Word picks the East Asian slot for some Vietnamese characters when an input method marks them so; a theme
    font there would show Vietnamese in Calibri or MS Mincho.
    """
    fonts = _child(rpr, "w:rFonts")
    for slot in _THEME_SLOTS:
        key = qn(slot)
        if key in fonts.attrib:
            del fonts.attrib[key]
    for slot in _FONT_SLOTS:
        fonts.set(qn(slot), name)


def set_document_defaults(document, *, font: str, size: Pt, language: str) -> None:
    """docDefaults: the font, size, colour and language every style starts from; no spacing after paragraphs."""
    styles = document.styles.element
    defaults = _child(styles, "w:docDefaults")
    rpr = _child(_child(defaults, "w:rPrDefault"), "w:rPr")
    set_fonts(rpr, font)
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(int(size.pt * 2)))
    _child(rpr, "w:color").set(qn("w:val"), "000000")
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), language)
    lang.set(qn("w:eastAsia"), language)
    ppr = _child(_child(defaults, "w:pPrDefault"), "w:pPr")
    spacing = _child(ppr, "w:spacing")
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    spacing.set(qn("w:lineRule"), "auto")


def set_style_fonts(style, name: str) -> None:
    set_fonts(style.element.get_or_add_rPr(), name)


def set_run_fonts(run, name: str) -> None:
    set_fonts(run._r.get_or_add_rPr(), name)


def _border(tag: str, *, size_eighths: int = 6, space: int = 1, val: str = "single"):
    element = OxmlElement(tag)
    element.set(qn("w:val"), val)
    element.set(qn("w:sz"), str(size_eighths))
    element.set(qn("w:space"), str(space))
    element.set(qn("w:color"), "000000")
    return element


def add_paragraph_border(paragraph: Paragraph, *, sides=("bottom",), space: int = 1) -> None:
    """A solid 0.75 pt border on the given sides of the paragraph (between its indents)."""
    ppr = paragraph._p.get_or_add_pPr()
    borders = _child(ppr, "w:pBdr")
    for side in sides:
        borders.append(_border(f"w:{side}", space=space))


def shrink_paragraph_mark(paragraph: Paragraph, size: Pt) -> None:
    """An empty paragraph is as tall as its mark's font: shrink it (rules drawn as an empty bordered paragraph)."""
    rpr = _child(paragraph._p.get_or_add_pPr(), "w:rPr")
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(max(2, int(size.pt * 2))))


def add_field(paragraph: Paragraph, instruction: str, placeholder: str, *, size: Pt | None = None) -> None:
    """A complex field (begin / instruction / separate / result / end): Word and LibreOffice both update PAGE."""

    def run_with(child):
        run = paragraph.add_run()
        if size is not None:
            run.font.size = size
        run._r.append(child)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    result = paragraph.add_run(placeholder)
    if size is not None:
        result.font.size = size
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def set_table_borders(table: Table, *, visible: bool) -> None:
    """All borders of the table, outer and inner, either single lines or none (the header and signature tables)."""
    tblpr = table._tbl.tblPr
    borders = _child(tblpr, "w:tblBorders")
    for existing in list(borders):
        borders.remove(existing)
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        if visible:
            borders.append(_border(f"w:{side}", size_eighths=4, space=0))
        else:
            borders.append(_border(f"w:{side}", size_eighths=0, space=0, val="nil"))


def set_column_widths(table: Table, widths: list[Length]) -> None:
    """Fixed layout with the given widths: gridCol for LibreOffice, tcW for Word, tblW for both."""
    table.autofit = False
    tblpr = table._tbl.tblPr
    total = _child(tblpr, "w:tblW")
    total.set(qn("w:w"), str(sum(int(w.twips) for w in widths)))
    total.set(qn("w:type"), "dxa")
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def set_cell_margins(table: Table, *, left: Length, right: Length) -> None:
    margins = _child(table._tbl.tblPr, "w:tblCellMar")
    for existing in list(margins):
        margins.remove(existing)
    for side, width in (("top", 0), ("left", int(left.twips)), ("bottom", 0), ("right", int(right.twips))):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(width))
        element.set(qn("w:type"), "dxa")
        margins.append(element)


def keep_row_together(row) -> None:
    _child(row._tr.get_or_add_trPr(), "w:cantSplit")


def repeat_as_header(row) -> None:
    """The row repeats at the top of every page the table runs onto."""
    _child(row._tr.get_or_add_trPr(), "w:tblHeader")


def centre_table(table: Table) -> None:
    jc = _child(table._tbl.tblPr, "w:jc")
    jc.set(qn("w:val"), "center")


def centred(paragraph: Paragraph) -> Paragraph:
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return paragraph
