"""The plain shape of an official document (Nghị định 30/2020/NĐ-CP, Phụ lục I): what every renderer takes.

Callers (plans, reports) build an `OfficialDocument` from their records; renderers (docx, pdf) lay it out.
Numbering of sections (I., II., …) and of numbered items (1., 2., … then a), b), …) is done by the renderer from
the structure, never typed into the text.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

BlockKind = Literal["paragraph", "bullets", "numbered", "subheading", "table"]


@dataclass
class Item:
    """One numbered or bulleted item; `children` are its sub-items (a), b), … or "- " lines)."""

    text: str
    children: list[Item] = field(default_factory=list)
    # Shown in bold before the text, e.g. the agency name in "1. Sở Giáo dục và Đào tạo: …".
    lead: str = ""


@dataclass
class Table:
    header: list[str]
    rows: list[list[str]]
    # Relative column widths (same length as header); None = equal.
    widths: list[float] | None = None


@dataclass
class Block:
    kind: BlockKind
    text: str = ""  # paragraph, subheading
    items: list[Item] = field(default_factory=list)  # bullets, numbered
    table: Table | None = None  # table
    # Number of the block's first numbered item; None continues the numbering of the section (1., 2., … run on
    # across the section's numbered blocks, whatever paragraphs stand between them).
    start: int | None = None


@dataclass
class Section:
    """A Roman-numbered section: "I. MỤC ĐÍCH, YÊU CẦU". Title without its number, in capitals or not
    (the renderer writes it in capitals, bold)."""

    title: str
    blocks: list[Block] = field(default_factory=list)


@dataclass
class Signature:
    authority: str  # "TM. ỦY BAN NHÂN DÂN", "KT. GIÁM ĐỐC", "TM. BAN THƯỜNG VỤ" ("" when signing in own name)
    title: str  # "CHỦ TỊCH", "PHÓ GIÁM ĐỐC"
    name: str  # "Nguyễn Văn A"; "" leaves the space for a hand signature only


@dataclass
class OfficialDocument:
    parent_body: str  # "UBND TỈNH NINH BÌNH" ("" for a body with none above it in the header)
    issuing_body: str  # "SỞ GIÁO DỤC VÀ ĐÀO TẠO"
    number: str  # "03/KH-SGDĐT" (without "Số:"), "" while a draft
    place: str  # "Ninh Bình"
    date: dt.date | None  # None while a draft: the renderer leaves "ngày … tháng … năm …"
    type_name: str  # "KẾ HOẠCH", "BÁO CÁO"
    summary: str  # the line under the type name: "Thực hiện Đề án … giai đoạn 2018-2025 …"
    preamble: list[str] = field(default_factory=list)  # "Thực hiện Kế hoạch số 09/KH-UBND …" paragraphs
    sections: list[Section] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)  # paragraphs after the sections, before nơi nhận
    recipients: list[str] = field(default_factory=list)  # "Nơi nhận:" lines, without "- "; last "Lưu: VT, …"
    signature: Signature | None = None
    draft: bool = False  # a "DỰ THẢO" mark at the top
    # Type and issuer code of the number, "KH-SGDĐT": lets a draft (no number yet) show "Số:      /KH-SGDĐT".
    # Without it a draft shows the type code of `type_name` ("KH-…").
    symbol: str = ""
    # With no date: the year to print when it is known ("ngày … tháng … năm 2017"); None leaves "năm 20…".
    year: int | None = None
