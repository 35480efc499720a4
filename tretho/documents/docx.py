"""An OfficialDocument as a Word file in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (văn bản hành chính).

Layout, top to bottom: the two-column header (issuing body and number on the left, quốc hiệu, tiêu ngữ, place and
date on the right), the type name and summary, the body (preamble, Roman-numbered sections, closing), and the
two-column closing table ("Nơi nhận:" on the left, the signature on the right). Page numbers sit centred at the top
from page 2. Reading the file back: the header is the document's first table (row 0: bodies | quốc hiệu and tiêu
ngữ; row 1: "Số: …" | place and date), the closing table its last; `readback.outline()` gives them as text.
"""

from __future__ import annotations

import io
import re

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Cm, Length, Mm, Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from tretho.core.formats import format_place_date
from tretho.documents import _wordxml as xml
from tretho.documents._measure import bold_width
from tretho.documents.official import Block, Item, OfficialDocument, Section, Signature, Table

FONT = "Times New Roman"

# Page (Phụ lục I, khổ giấy and định lề trang): A4 portrait; margins top and bottom 20–25 mm, left 30–35 mm, right
# 15–20 mm.
PAGE_WIDTH, PAGE_HEIGHT = Mm(210), Mm(297)
MARGIN_TOP, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT = Mm(20), Mm(20), Mm(30), Mm(15)
TEXT_WIDTH = Mm(165)
HEADER_DISTANCE = Mm(10)
# The header table: the quốc hiệu (13 pt bold, about 96 mm) must fit the right column on one line.
HEADER_WIDTHS = (Mm(65), Mm(100))
CLOSING_WIDTHS = (Mm(80), Mm(85))
CELL_MARGIN = Mm(1)
TABLE_CELL_MARGIN = Mm(1.5)

# Sizes (Phụ lục I, by component): bodies and number 12–13, quốc hiệu 12–13, tiêu ngữ 13–14, date 13–14, type name
# and summary 13–14, body 13–14, "Nơi nhận:" 12, its lines 11, signature 13–14, page number 13–14.
BODY_SIZE = Pt(14)
BODY_FIRST_LINE_INDENT = Cm(1.27)
BODY_SPACE_BEFORE = Pt(6)
BODY_LINE_SPACING = 1.15
HEADER_SIZE = Pt(13)
NATIONAL_TITLE_SIZE = Pt(13)
MOTTO_SIZE = Pt(13)
DATELINE_SIZE = Pt(14)
TYPE_SIZE = Pt(14)
TABLE_SIZE = Pt(13)
RECIPIENTS_HEADING_SIZE = Pt(12)
RECIPIENTS_SIZE = Pt(11)
SIGNATURE_SIZE = Pt(14)
SIGNATURE_SPACE = Pt(72)  # room for the hand signature and the seal
END_PARAGRAPH_HEIGHT = Pt(1)
# A body paragraph shorter than this (characters) fills less than one line of the 165 mm text width at 14 pt.
SHORT_LINE_CHARS = 80
PAGE_NUMBER_SIZE = Pt(13)
DRAFT_MARK_SIZE = Pt(13)

NATIONAL_TITLE = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO = "Độc lập - Tự do - Hạnh phúc"
DRAFT_MARK = "DỰ THẢO"
RECIPIENTS_HEADING = "Nơi nhận:"
DRAFT_NUMBER_GAP = " " * 6
DATE_BLANKS = "ngày      tháng      năm {year}"

# Type codes of administrative documents (Phụ lục III): a draft's "Số:      /KH-…" takes it from the type name.
TYPE_CODES = {
    "KẾ HOẠCH": "KH",
    "BÁO CÁO": "BC",
    "QUYẾT ĐỊNH": "QĐ",
    "THÔNG BÁO": "TB",
    "HƯỚNG DẪN": "HD",
    "CHƯƠNG TRÌNH": "CTr",
    "BIÊN BẢN": "BB",
    "TỜ TRÌNH": "TTr",
    "CÔNG ĐIỆN": "CĐ",
    "GIẤY MỜI": "GM",
}

# Points of a numbered item follow the Vietnamese alphabet: a), b), c), d), đ), e), g), h), i), k) …
SUB_ITEM_LETTERS = tuple("abcdđeghiklmnopqrstuvxy")
NUMBERED_LEVELS = ("number", "letter", "dash", "plus")
BULLET_LEVELS = ("dash", "plus")

STYLE_BODY = "Tretho Body"
STYLE_CELL = "Tretho Cell"
STYLE_TABLE = "Tretho Table"


def render_docx(doc: OfficialDocument) -> bytes:
    """The .docx file of `doc`, ready to open in Word or LibreOffice."""
    document = Document()
    _set_up_styles(document)
    section = document.sections[0]
    _set_up_page(section)
    _write_page_headers(section, draft=doc.draft)
    _write_header_table(document, doc)
    _write_title(document, doc)
    _write_body(document, doc)
    _keep_end_of_text_with_closing(document, doc)
    _write_closing_table(document, doc)
    _set_properties(document, doc)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


# -- page and styles ------------------------------------------------------------------------------------------------


def _set_up_page(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.top_margin, section.bottom_margin = MARGIN_TOP, MARGIN_BOTTOM
    section.left_margin, section.right_margin = MARGIN_LEFT, MARGIN_RIGHT
    section.header_distance = section.footer_distance = HEADER_DISTANCE


def _set_up_styles(document) -> None:
    """Times New Roman (every script slot), black, 14 pt from the document defaults down; three paragraph styles."""
    xml.set_document_defaults(document, font=FONT, size=BODY_SIZE, language="vi-VN")
    styles = document.styles
    normal = styles["Normal"]
    normal.font.name = FONT
    normal.font.size = BODY_SIZE
    xml.set_style_fonts(normal, FONT)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0
    for name in ("Header", "Footer", "Table Grid"):
        if name in [style.name for style in styles]:
            xml.set_style_fonts(styles[name], FONT)

    body = styles.add_style(STYLE_BODY, WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = BODY_FIRST_LINE_INDENT
    body.paragraph_format.space_before = BODY_SPACE_BEFORE
    body.paragraph_format.line_spacing = BODY_LINE_SPACING
    body.paragraph_format.widow_control = True

    cell = styles.add_style(STYLE_CELL, WD_STYLE_TYPE.PARAGRAPH)  # header and closing tables: no indent, tight
    cell.base_style = normal
    cell.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER

    table = styles.add_style(STYLE_TABLE, WD_STYLE_TYPE.PARAGRAPH)  # tables in the body
    table.base_style = normal
    table.font.size = TABLE_SIZE
    table.paragraph_format.space_before = Pt(2)
    table.paragraph_format.space_after = Pt(2)


def _set_properties(document, doc: OfficialDocument) -> None:
    properties = document.core_properties
    properties.title = f"{doc.type_name} {doc.summary}".strip()[:255]
    properties.author = doc.issuing_body[:255]
    properties.language = "vi-VN"
    properties.comments = ""


# -- page headers: page numbers from page 2, the draft mark on page 1 ----------------------------------------------


def _write_page_headers(section, *, draft: bool) -> None:
    section.different_first_page_header_footer = True
    number = section.header.paragraphs[0]
    number.alignment = WD_ALIGN_PARAGRAPH.CENTER
    xml.add_field(number, "PAGE", "2", size=PAGE_NUMBER_SIZE)

    first = section.first_page_header
    first.is_linked_to_previous = False
    if draft:
        _write_draft_mark(first.paragraphs[0])


def _write_draft_mark(paragraph: Paragraph) -> None:
    """ "DỰ THẢO" in a box at the top right of the first page."""
    box_width = bold_width(DRAFT_MARK, DRAFT_MARK_SIZE) + Mm(6)
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.left_indent = Length(TEXT_WIDTH - box_width)
    run = paragraph.add_run(DRAFT_MARK)
    run.bold = True
    run.font.size = DRAFT_MARK_SIZE
    xml.add_paragraph_border(paragraph, sides=("top", "left", "bottom", "right"), space=2)


# -- the header table -----------------------------------------------------------------------------------------------


def _write_header_table(document, doc: OfficialDocument) -> None:
    """Two columns, two rows so "Số:" and the date line sit on the same line whatever the bodies' height."""
    table = document.add_table(rows=2, cols=2)
    _borderless(table, HEADER_WIDTHS)
    bodies, state = table.cell(0, 0), table.cell(0, 1)
    number, dateline = table.cell(1, 0), table.cell(1, 1)

    issuing_body = doc.issuing_body.strip().upper()
    if doc.parent_body.strip():
        _cell_line(bodies, doc.parent_body.strip().upper(), size=HEADER_SIZE)
    _cell_line(bodies, issuing_body, size=HEADER_SIZE, bold=True)
    issuer_width = min(_widest_line(issuing_body, HEADER_SIZE), _inner(HEADER_WIDTHS[0]))
    _cell_rule(bodies, Length(int(issuer_width * 0.45)), HEADER_WIDTHS[0])

    _cell_line(state, NATIONAL_TITLE, size=NATIONAL_TITLE_SIZE, bold=True)
    _cell_line(state, MOTTO, size=MOTTO_SIZE, bold=True)
    _cell_rule(state, bold_width(MOTTO, MOTTO_SIZE), HEADER_WIDTHS[1])

    _cell_line(number, number_line(doc), size=HEADER_SIZE, space_before=Pt(6))
    _cell_line(dateline, dateline_text(doc), size=DATELINE_SIZE, italic=True, space_before=Pt(6))


def number_line(doc: OfficialDocument) -> str:
    """ "Số: 03/KH-SGDĐT"; a draft leaves the number blank: "Số:      /KH-SGDĐT"."""
    number = doc.number.strip()
    symbol = doc.symbol.strip().lstrip("/")
    if number:
        if symbol and "/" not in number:
            number = f"{number}/{symbol}"
        return f"Số: {number}"
    if not symbol:
        code = TYPE_CODES.get(doc.type_name.strip().upper())
        symbol = f"{code}-…" if code else "…"
    return f"Số:{DRAFT_NUMBER_GAP}/{symbol}"


def dateline_text(doc: OfficialDocument) -> str:
    """ "Ninh Bình, ngày 29 tháng 01 năm 2019"; without a date the day and month are left to be filled in, and the
    year too unless the document knows it ("năm 2017" rather than "năm 20…")."""
    if doc.date is None:
        return f"{doc.place}, {DATE_BLANKS.format(year=doc.year or '20…')}"
    return format_place_date(doc.place, doc.date)


def _widest_line(text: str, size: Pt) -> Length:
    return max((bold_width(line, size) for line in text.splitlines() or [""]), default=Length(0))


def _inner(width: Length) -> Length:
    return Length(width - 2 * CELL_MARGIN)


# -- type name and summary ------------------------------------------------------------------------------------------


def _write_title(document, doc: OfficialDocument) -> None:
    type_name = document.add_paragraph(style=STYLE_CELL)
    type_name.paragraph_format.space_before = Pt(18)
    type_name.paragraph_format.keep_with_next = True
    _add_text(type_name, doc.type_name.strip().upper(), bold=True, size=TYPE_SIZE, keep_spans=True)
    if doc.summary.strip():
        summary = document.add_paragraph(style=STYLE_CELL)
        summary.paragraph_format.keep_with_next = True
        _add_text(summary, doc.summary.strip(), bold=True, size=TYPE_SIZE, keep_spans=True)
    summary_width = min(_widest_line(doc.summary or doc.type_name, TYPE_SIZE), TEXT_WIDTH)
    rule_width = Length(min(max(int(summary_width / 3), Mm(25)), Mm(40)))
    rule = _rule_paragraph(document.add_paragraph(style=STYLE_CELL), rule_width, TEXT_WIDTH)
    rule.paragraph_format.space_after = Pt(12)


# -- body -----------------------------------------------------------------------------------------------------------


def _write_body(document, doc: OfficialDocument) -> None:
    for text in doc.preamble:
        _body_paragraphs(document, text)
    for number, section in enumerate(doc.sections, start=1):
        _write_section(document, number, section)
    for text in doc.closing:
        _body_paragraphs(document, text)


def _write_section(document, number: int, section: Section) -> None:
    heading = document.add_paragraph(style=STYLE_BODY)
    heading.paragraph_format.keep_with_next = True
    heading.add_run(f"{roman(number)}. {section.title.strip().upper()}").bold = True
    next_number = 1
    for index, block in enumerate(section.blocks):
        next_number = _write_block(document, block, next_number)
        following = section.blocks[index + 1] if index + 1 < len(section.blocks) else None
        if following is not None and _introduces(block, following):
            document.paragraphs[-1].paragraph_format.keep_with_next = True


def _introduces(block: Block, following: Block) -> bool:
    """A numbered item followed by "- " lines ("1. Sở Giáo dục và Đào tạo: …" then its duties) introduces them:
    keep its last line on the page where they start."""
    return block.kind == "numbered" and following.kind == "bullets"


def _write_block(document, block: Block, next_number: int) -> int:
    """Write one block; return the number the section's next numbered item takes."""
    if block.kind == "paragraph":
        _body_paragraphs(document, block.text)
    elif block.kind == "subheading":
        for line in _lines(block.text):
            paragraph = document.add_paragraph(style=STYLE_BODY)
            paragraph.paragraph_format.keep_with_next = True
            _add_text(paragraph, line, bold=True)
    elif block.kind == "bullets":
        _write_items(document, block.items, BULLET_LEVELS)
    elif block.kind == "numbered":
        first = block.start if block.start is not None else next_number
        _write_items(document, block.items, NUMBERED_LEVELS, first_number=first)
        return first + len(block.items)
    elif block.kind == "table" and block.table is not None:
        _write_table(document, block.table)
    return next_number


def _write_items(document, items: list[Item], levels: tuple[str, ...], first_number: int = 1) -> None:
    """Items at one level and their children one level down: 1. → a) → - → +; bullets - → +."""
    style, deeper = levels[0], levels[1:] or levels[-1:]
    for index, item in enumerate(items):
        last = _item_paragraphs(document, _marker(style, index, first_number), item)
        if item.children or _introduces_what_follows(item):
            last.paragraph_format.keep_with_next = True  # a title or an introduction never ends a page
        if item.children:
            _write_items(document, item.children, deeper)


def _introduces_what_follows(item: Item) -> bool:
    """A title alone ("2. Hội LHPN các huyện, thị, thành phố") or a line ending with a colon."""
    lines = _lines(item.text)
    return not lines or lines[-1].endswith(":")


def _marker(style: str, index: int, first_number: int) -> str:
    if style == "number":
        return f"{first_number + index}."
    if style == "letter":
        letters = SUB_ITEM_LETTERS
        return f"{letters[index % len(letters)] * (index // len(letters) + 1)})"
    return "-" if style == "dash" else "+"


def _item_paragraphs(document, marker: str, item: Item) -> Paragraph:
    """ "1. Lead: text" (lead and its number in bold); further lines of the text follow as plain paragraphs.
    Returns the item's last paragraph."""
    lines = _lines(item.text)
    paragraph = document.add_paragraph(style=STYLE_BODY)
    lead = item.lead.strip()
    paragraph.add_run(f"{marker} ").bold = bool(lead)
    if lead:
        paragraph.add_run(lead).bold = True
        if lines:
            paragraph.add_run(" " if lead[-1] in ":.;,!?" else ": ")
    if lines:
        paragraph.add_run(lines[0])
    for line in lines[1:]:
        paragraph = document.add_paragraph(style=STYLE_BODY)
        _add_text(paragraph, line)
    return paragraph


def _body_paragraphs(document, text: str) -> None:
    """One body paragraph per line of text (blank lines dropped); a line ending with a colon stays with the next."""
    for line in _lines(text):
        paragraph = document.add_paragraph(style=STYLE_BODY)
        _add_text(paragraph, line)
        if line.endswith(":"):
            paragraph.paragraph_format.keep_with_next = True


def _write_table(document, data: Table) -> None:
    _spacer(document, Pt(3))  # a table takes no spacing of its own
    columns = max(len(data.header), max((len(row) for row in data.rows), default=0), 1)
    table = document.add_table(rows=1, cols=columns)
    xml.set_table_borders(table, visible=True)
    xml.set_cell_margins(table, left=TABLE_CELL_MARGIN, right=TABLE_CELL_MARGIN)
    xml.centre_table(table)
    header = table.rows[0]
    xml.repeat_as_header(header)
    # The style looked up once per table: by name, python-docx scans every style of the document for each cell
    # (a national report's 2,000 cells took 9 of its 11 s in that lookup, bench/national.py).
    style_id = document.part.get_style_id(STYLE_TABLE, WD_STYLE_TYPE.PARAGRAPH)
    for cell, text in zip(header.cells, _padded(data.header, columns), strict=True):
        _table_cell(cell, text, style_id, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    for values in data.rows:
        row = table.add_row()
        xml.keep_row_together(row)
        for cell, text in zip(row.cells, _padded(values, columns), strict=True):
            _table_cell(cell, text, style_id)
    weights = data.widths if data.widths and len(data.widths) == columns else [1.0] * columns
    total = sum(weights) or 1.0
    xml.set_column_widths(table, [Length(int(TEXT_WIDTH * weight / total)) for weight in weights])


def _table_cell(cell: _Cell, text: str, style_id: str | None, *, bold: bool = False,
                align=WD_ALIGN_PARAGRAPH.LEFT) -> None:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    paragraph = cell.paragraphs[0]
    paragraph._p.style = style_id  # what `paragraph.style = STYLE_TABLE` sets, without the lookup by name
    paragraph.alignment = align
    _add_text(paragraph, text, bold=bold)


def _padded(values: list[str], length: int) -> list[str]:
    return [str(value) if value is not None else "" for value in values[:length]] + [""] * (length - len(values))


# -- nơi nhận and signature -----------------------------------------------------------------------------------------


def _keep_end_of_text_with_closing(document, doc: OfficialDocument) -> None:
    """The signature never stands alone on a page: the last body paragraph (and the one before it when the last is
    shorter than a line) is kept on the page where the closing table starts. Widow control then brings at least
    two lines of text along."""
    if not (doc.recipients or doc.signature):
        return
    body = [paragraph for paragraph in document.paragraphs if paragraph.text.strip()]
    if not body:
        return
    last = body[-1]
    kept = body[-2:] if len(last.text) < SHORT_LINE_CHARS and len(body) > 1 else body[-1:]
    for paragraph in kept:
        paragraph.paragraph_format.keep_with_next = True


def _write_closing_table(document, doc: OfficialDocument) -> None:
    if doc.recipients or doc.signature:
        table = document.add_table(rows=1, cols=2)
        _borderless(table, CLOSING_WIDTHS)
        xml.keep_row_together(table.rows[0])
        recipients, signature = table.cell(0, 0), table.cell(0, 1)
        if doc.recipients:
            _write_recipients(recipients, doc.recipients)
        if doc.signature:
            _write_signature(signature, doc.signature)
        # Word and LibreOffice keep a row whole only as far as its paragraphs allow: keep them together too.
        for cell in (recipients, signature):
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_together = True
                paragraph.paragraph_format.keep_with_next = True
    # Word wants the body to end with a paragraph, not a table; a tiny one, so that it never spills onto a page
    # of its own after a closing table that ends near the foot of the page.
    end = document.add_paragraph(style=STYLE_CELL)
    end.paragraph_format.line_spacing = END_PARAGRAPH_HEIGHT  # exact: whatever the mark's font
    xml.shrink_paragraph_mark(end, END_PARAGRAPH_HEIGHT)


def _write_recipients(cell: _Cell, recipients: list[str]) -> None:
    heading = _cell_line(cell, RECIPIENTS_HEADING, size=RECIPIENTS_HEADING_SIZE, bold=True, space_before=Pt(12))
    heading.runs[0].italic = True
    heading.alignment = WD_ALIGN_PARAGRAPH.LEFT
    lines = [line for line in (_recipient_text(text) for text in recipients) if line]
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        if line[-1] not in ";.,:":
            line += "." if last else ";"
        _cell_line(cell, f"- {line}", size=RECIPIENTS_SIZE).alignment = WD_ALIGN_PARAGRAPH.LEFT


def _recipient_text(text: str) -> str:
    text = text.strip()
    return text[1:].strip() if text.startswith(("-", "–")) else text


def _write_signature(cell: _Cell, signature: Signature) -> None:
    """Authority ("TM. ỦY BAN NHÂN DÂN") and title in capitals bold, room to sign, the name in bold."""
    lines = [line for line in (signature.authority.strip(), signature.title.strip()) if line]
    for index, line in enumerate(lines):
        _cell_line(cell, line.upper(), size=SIGNATURE_SIZE, bold=True, space_before=Pt(12) if index == 0 else None)
    name = _cell_line(cell, signature.name.strip(), size=SIGNATURE_SIZE, bold=True, space_before=SIGNATURE_SPACE)
    name.paragraph_format.keep_together = True


# -- shared helpers -------------------------------------------------------------------------------------------------


def _borderless(table, widths: tuple[Length, Length]) -> None:
    xml.set_table_borders(table, visible=False)
    xml.set_cell_margins(table, left=CELL_MARGIN, right=CELL_MARGIN)
    xml.set_column_widths(table, list(widths))
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def _cell_paragraph(cell: _Cell) -> Paragraph:
    """The cell's first, still empty paragraph, else a new one."""
    paragraphs = cell.paragraphs
    first = paragraphs[0]
    if len(paragraphs) == 1 and not first.runs and first._p.pPr is None:
        first.style = STYLE_CELL
        return first
    return cell.add_paragraph(style=STYLE_CELL)


def _cell_line(
    cell: _Cell,
    text: str,
    *,
    size: Pt,
    bold: bool = False,
    italic: bool = False,
    space_before: Pt | None = None,
) -> Paragraph:
    paragraph = _cell_paragraph(cell)
    if space_before is not None:
        paragraph.paragraph_format.space_before = space_before
    _add_text(paragraph, text, bold=bold, italic=italic, size=size)
    return paragraph


def _cell_rule(cell: _Cell, width: Length, cell_width: Length) -> Paragraph:
    return _rule_paragraph(_cell_paragraph(cell), width, _inner(cell_width))


def _rule_paragraph(paragraph: Paragraph, width: Length, available: Length) -> Paragraph:
    """A centred solid rule `width` long: the bottom border of an empty paragraph narrowed by its indents."""
    width = min(width, available)
    side = Length(int((available - width) / 2))
    paragraph.paragraph_format.left_indent = side
    paragraph.paragraph_format.right_indent = side
    paragraph.paragraph_format.first_line_indent = Length(0)
    paragraph.paragraph_format.space_before = Pt(3)  # clear of the descenders of the line above
    paragraph.paragraph_format.space_after = Pt(0)
    xml.shrink_paragraph_mark(paragraph, Pt(2))
    xml.add_paragraph_border(paragraph, sides=("bottom",), space=1)
    return paragraph


def _add_text(
    paragraph: Paragraph,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    size: Pt | None = None,
    keep_spans: bool = False,
) -> None:
    """Add text as runs; a newline in it becomes a line break (bodies written over two lines). With `keep_spans`
    a span of years ("2018-2025", "2018 - 2025") never breaks across lines (`_add_unbroken_spans`)."""
    for index, line in enumerate(text.split("\n")):
        run = paragraph.add_run()
        if index:
            run.add_break()
        if keep_spans:
            _add_unbroken_spans(run, line)
        else:
            run.add_text(line)
        if bold:
            run.bold = True
        if italic:
            run.italic = True
        if size is not None:
            run.font.size = size


# "2018-2025", "2018 - 2025": a span of years, its hyphen with or without spaces.
YEAR_SPAN = re.compile(r"(?<!\d)(\d{4})(\s*)-(\s*)(\d{4})(?!\d)")
NO_BREAK_SPACE = "\u00a0"


def _add_unbroken_spans(run, text: str) -> None:
    """Text into run with each span of years held on one line: Word's non-breaking hyphen (w:noBreakHyphen, shown
    as "-" and read back as "-") and no-break spaces around it where the text has spaces ("2018 - 2025")."""
    position = 0
    for match in YEAR_SPAN.finditer(text):
        start, before, after, end = match.groups()
        run.add_text(text[position : match.start()] + start + (NO_BREAK_SPACE if before else ""))
        run._r.append(OxmlElement("w:noBreakHyphen"))
        run.add_text((NO_BREAK_SPACE if after else "") + end)
        position = match.end()
    if position < len(text):
        run.add_text(text[position:])


def _spacer(document, height: Pt) -> None:
    paragraph = document.add_paragraph(style=STYLE_CELL)
    xml.shrink_paragraph_mark(paragraph, height)


def _lines(text: str) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


def roman(number: int) -> str:
    """1 → I, 4 → IV, 14 → XIV."""
    numerals = (
        (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
        (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
    )  # fmt: skip
    result = []
    for value, numeral in numerals:
        count, number = divmod(number, value)
        result.append(numeral * count)
    return "".join(result)
