"""Read a rendered official document back into plain text parts, for tests that compare it with a reference text.

Knows where `docx.render_docx` puts things, so tests elsewhere do not have to: header cells, body paragraphs in
order, "Nơi nhận:" lines, the signature, the draft mark and the page-number field.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from docx import Document
from docx.oxml.ns import qn


@dataclass
class DocxOutline:
    header_left: list[str]  # ["UBND TỈNH NINH BÌNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    header_right: list[str]  # ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    number_line: str  # "Số: 03/KH-SGDĐT"
    dateline: str  # "Ninh Bình, ngày 29 tháng 01 năm 2019"
    paragraphs: list[str]  # body paragraphs in order: type name, summary, preamble, headings, items, closing
    recipients: list[str] = field(default_factory=list)  # ["Nơi nhận:", "- …;", …, "- Lưu: VT, …."]
    signature: list[str] = field(default_factory=list)  # ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Thanh Toàn"]
    body_tables: list[list[list[str]]] = field(default_factory=list)  # rows of cell texts, per table
    draft_mark: str = ""  # "DỰ THẢO" or ""
    page_field: bool = False  # a PAGE field in the header of pages 2 onwards


def outline(data: bytes) -> DocxOutline:
    document = Document(io.BytesIO(data))
    header, *others = document.tables
    closing = others.pop() if others and _is_closing(others[-1]) else None
    section = document.sections[0]
    return DocxOutline(
        header_left=_lines(header.cell(0, 0)),
        header_right=_lines(header.cell(0, 1)),
        number_line=" ".join(_lines(header.cell(1, 0))),
        dateline=" ".join(_lines(header.cell(1, 1))),
        paragraphs=[p.text for p in document.paragraphs if p.text.strip()],
        recipients=_lines(closing.cell(0, 0)) if closing else [],
        signature=_lines(closing.cell(0, 1)) if closing else [],
        body_tables=[[[cell.text for cell in row.cells] for row in table.rows] for table in others],
        draft_mark=" ".join(p.text for p in section.first_page_header.paragraphs if p.text.strip()),
        page_field=any(
            (element.text or "").strip() == "PAGE" for element in section.header._element.iter(qn("w:instrText"))
        ),
    )


def _lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def _is_closing(table) -> bool:
    """The closing table is the borderless two-column one at the end (body tables have borders)."""
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    return (
        len(table.columns) == 2
        and len(table.rows) == 1
        and borders is not None
        and all(side.get(qn("w:val")) == "nil" for side in borders)
    )
