"""The Word renderer, read back with python-docx: layout rules of Nghị định 30/2020/NĐ-CP, Phụ lục I."""

from __future__ import annotations

import datetime as dt
import io
import re

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

from tretho.documents._wordxml import _SEQUENCES
from tretho.documents.docx import render_docx, roman
from tretho.documents.official import Block, Item, Section, Signature, Table
from tretho.documents.readback import outline


def read(doc):
    return Document(io.BytesIO(render_docx(doc)))


def body_texts(document) -> list[str]:
    return [p.text for p in document.paragraphs if p.text.strip()]


def paragraph_starting(document, start: str):
    matches = [p for p in document.paragraphs if p.text.startswith(start)]
    assert matches, f"no paragraph starts with {start!r}"
    return matches[0]


def cell_lines(cell) -> list[str]:
    return [p.text for p in cell.paragraphs if p.text.strip()]


def size_of(run, paragraph, document) -> Pt:
    """The run's size, else its paragraph style's, else Normal's (what Word shows)."""
    style = paragraph.style
    while run.font.size is None and style is not None and style.font.size is None:
        style = style.base_style
    return run.font.size or (style.font.size if style is not None else document.styles["Normal"].font.size)


def header_table(document):
    return document.tables[0]


def closing_table(document):
    return document.tables[-1]


# -- page, fonts, body format ---------------------------------------------------------------------------------------


def test_page_is_a4_portrait_with_the_decree_margins(plan):
    section = read(plan).sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 20
    assert round(section.bottom_margin.mm) == 20
    assert round(section.left_margin.mm) == 30
    assert round(section.right_margin.mm) == 15


def test_times_new_roman_in_every_script_slot_and_black(plan):
    document = read(plan)
    defaults = document.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = defaults.find(qn("w:rFonts"))
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        assert fonts.get(qn(slot)) == "Times New Roman"
    assert fonts.get(qn("w:eastAsiaTheme")) is None  # a theme font would win over the named one
    assert defaults.find(qn("w:color")).get(qn("w:val")) == "000000"
    normal = document.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert normal.element.rPr.rFonts.get(qn("w:eastAsia")) == "Times New Roman"
    assert normal.font.size == Pt(14)
    # No run anywhere names another font.
    for part in (document.element, document.sections[0].header._element):
        for element in part.iter(qn("w:rFonts")):
            assert {value for key, value in element.attrib.items() if not key.endswith("Theme")} <= {
                "Times New Roman"
            }


def test_body_paragraphs_are_14_pt_justified_indented_and_spaced(plan):
    document = read(plan)
    preamble = paragraph_starting(document, "Thực hiện Kế hoạch số 09/KH-UBND")
    fmt = preamble.paragraph_format
    style = preamble.style.paragraph_format
    assert (fmt.alignment or style.alignment) == WD_ALIGN_PARAGRAPH.JUSTIFY
    assert abs((fmt.first_line_indent or style.first_line_indent) - Cm(1.27)) < Mm(0.1)
    assert (fmt.space_before or style.space_before) >= Pt(6)
    assert 1.0 < (fmt.line_spacing or style.line_spacing) <= 1.5
    assert size_of(preamble.runs[0], preamble, document) == Pt(14)


# -- header ---------------------------------------------------------------------------------------------------------


def test_header_table_holds_bodies_number_national_title_motto_and_dateline(plan):
    document = read(plan)
    table = header_table(document)
    bodies, state = table.cell(0, 0), table.cell(0, 1)
    number, dateline = table.cell(1, 0), table.cell(1, 1)

    assert cell_lines(bodies) == ["UBND TỈNH NINH BÌNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    parent, issuer = bodies.paragraphs[0], bodies.paragraphs[1]
    assert not parent.runs[0].bold
    assert issuer.runs[0].bold
    assert size_of(parent.runs[0], parent, document) == Pt(13)
    assert size_of(issuer.runs[0], issuer, document) == Pt(13)

    assert cell_lines(number) == ["Số: 03/KH-SGDĐT"]
    assert size_of(number.paragraphs[0].runs[0], number.paragraphs[0], document) == Pt(13)

    assert cell_lines(state) == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert all(p.runs[0].bold for p in state.paragraphs if p.text)
    assert Pt(12) <= size_of(state.paragraphs[0].runs[0], state.paragraphs[0], document) <= Pt(13)
    assert Pt(13) <= size_of(state.paragraphs[1].runs[0], state.paragraphs[1], document) <= Pt(14)

    assert cell_lines(dateline) == ["Ninh Bình, ngày 29 tháng 01 năm 2019"]
    assert dateline.paragraphs[0].runs[0].italic


def test_header_table_is_borderless_and_rules_sit_under_issuer_and_motto(plan):
    document = read(plan)
    table = header_table(document)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {side.get(qn("w:val")) for side in borders} == {"nil"}

    def rules(cell):
        return [p for p in cell.paragraphs if p._p.pPr is not None and p._p.pPr.find(qn("w:pBdr")) is not None]

    (issuer_rule,) = rules(table.cell(0, 0))
    (motto_rule,) = rules(table.cell(0, 1))
    assert issuer_rule.text == motto_rule.text == ""
    # The motto's rule is as long as the motto (about 56 mm at 13 pt); the issuer's a third to a half of its line.
    cell_width = table.columns[1].width - Mm(2)
    motto_width = cell_width - motto_rule.paragraph_format.left_indent - motto_rule.paragraph_format.right_indent
    assert Mm(50) < motto_width < Mm(62)
    issuer_cell = table.columns[0].width - Mm(2)
    issuer_width = issuer_cell - issuer_rule.paragraph_format.left_indent - issuer_rule.paragraph_format.right_indent
    assert Mm(15) < issuer_width < Mm(35)


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        (dt.date(2020, 6, 2), "Kiên Giang, ngày 02 tháng 6 năm 2020"),
        (dt.date(2021, 2, 5), "Kiên Giang, ngày 05 tháng 02 năm 2021"),
        (dt.date(2019, 12, 25), "Kiên Giang, ngày 25 tháng 12 năm 2019"),
    ],
)
def test_dateline_gives_day_below_10_and_months_1_2_a_leading_zero(make_plan, date, expected):
    document = read(make_plan(place="Kiên Giang", date=date))
    assert cell_lines(header_table(document).cell(1, 1)) == [expected]


def test_without_parent_body_the_issuer_stands_alone_and_may_take_two_lines(make_plan):
    document = read(make_plan(parent_body="", issuing_body="Ban Chỉ đạo\nĐề án 404"))
    bodies = header_table(document).cell(0, 0)
    assert cell_lines(bodies) == ["BAN CHỈ ĐẠO\nĐỀ ÁN 404"]
    assert bodies.paragraphs[0].runs[0].bold


def test_type_name_and_summary_are_bold_centred_14_with_a_rule_under(plan):
    document = read(plan)
    type_name = paragraph_starting(document, "KẾ HOẠCH")
    summary = paragraph_starting(document, "Thực hiện Đề án chăm sóc")
    for paragraph in (type_name, summary):
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER or paragraph.style.paragraph_format.alignment == (
            WD_ALIGN_PARAGRAPH.CENTER
        )
        assert all(run.bold for run in paragraph.runs)
        assert size_of(paragraph.runs[0], paragraph, document) == Pt(14)
    texts = [p.text for p in document.paragraphs]
    rule = document.paragraphs[texts.index(summary.text) + 1]
    assert rule.text == ""
    assert rule._p.pPr.find(qn("w:pBdr")).find(qn("w:bottom")) is not None


# -- body numbering -------------------------------------------------------------------------------------------------


def test_sections_are_roman_numbered_bold_capitals(plan):
    document = read(plan)
    headings = [text for text in body_texts(document) if re.match(r"^[IVX]+\. ", text)]
    assert headings == [
        "I. MỤC TIÊU",
        "II. ĐỐI TƯỢNG, PHẠM VI THỰC HIỆN",
        "III. NHIỆM VỤ VÀ GIẢI PHÁP",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]
    assert all(run.bold for run in paragraph_starting(document, "II. ").runs)


def test_items_are_numbered_through_the_section_with_points_a_b_c(plan):
    texts = body_texts(read(plan))
    start = texts.index("I. MỤC TIÊU")
    assert texts[start + 1 : start + 9] == [
        "1. Mục tiêu chung",
        "Bảo đảm cho trẻ em đến 8 tuổi được phát triển toàn diện về thể chất, trí tuệ, tinh thần; được bình đẳng "
        "tiếp cận với các dịch vụ hỗ trợ chăm sóc phát triển toàn diện.",
        "2. Mục tiêu đến năm 2020",
        "a) Phấn đấu 75% trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ.",
        "b) Phấn đấu 75% cán bộ làm công tác liên quan đến trẻ em được tập huấn.",
        "c) Phấn đấu 70% các cơ sở giáo dục xây dựng được mạng lưới kết nối.",
        "3. Mục tiêu giai đoạn 2021-2025",
        "a) Phấn đấu 90% trẻ em đến 8 tuổi được tiếp cận các dịch vụ.",
    ]
    # Each section starts again at 1; a lead is followed by a colon when text comes after it.
    assert "1. Đối tượng" in texts
    assert "2. Thời gian thực hiện Kế hoạch: Từ năm 2019-2025" in texts


def test_lead_and_its_number_are_bold_the_text_is_not(plan):
    paragraph = paragraph_starting(read(plan), "2. Thời gian thực hiện")
    runs = [(run.text, bool(run.bold)) for run in paragraph.runs]
    assert runs == [("2. ", True), ("Thời gian thực hiện Kế hoạch", True), (": ", False), ("Từ năm 2019-2025", False)]
    plain = paragraph_starting(read(plan), "1. Truyền thông")
    assert not any(run.bold for run in plain.runs)


def test_points_follow_the_vietnamese_alphabet_and_bullets_nest(make_plan):
    children = [Item(text=f"Điểm {n}") for n in range(8)]
    doc = make_plan(
        sections=[
            Section(
                title="Nhiệm vụ",
                blocks=[
                    Block(kind="numbered", items=[Item(text="Việc chính", children=children)]),
                    Block(kind="numbered", start=5, items=[Item(text="Việc đánh số lại")]),
                    Block(
                        kind="bullets",
                        items=[Item(text="Ý một;", children=[Item(text="ý nhỏ;")]), Item(text="Ý hai.")],
                    ),
                ],
            )
        ]
    )
    texts = body_texts(read(doc))
    markers = [text.split(" ")[0] for text in texts if text.startswith("Điểm", 3) or text.startswith("Điểm", 4)]
    assert markers == ["a)", "b)", "c)", "d)", "đ)", "e)", "g)", "h)"]
    assert "5. Việc đánh số lại" in texts
    assert texts[-4:-1] == ["- Ý một;", "+ ý nhỏ;", "- Ý hai."]  # then the closing paragraph


def test_subheading_is_bold_and_table_has_borders_and_a_bold_13_pt_header(plan):
    document = read(plan)
    subheading = paragraph_starting(document, "Các nhiệm vụ chủ yếu")
    assert all(run.bold for run in subheading.runs)

    table = document.tables[1]
    assert [cell.text for cell in table.rows[0].cells] == ["TT", "Chỉ tiêu", "Năm 2020", "Giai đoạn 2021-2025"]
    assert [cell.text for cell in table.rows[2].cells] == ["2", "Cán bộ được cung cấp kiến thức, kỹ năng", "75%", "90%"]
    header_run = table.rows[0].cells[1].paragraphs[0].runs[0]
    assert header_run.bold
    assert size_of(header_run, table.rows[0].cells[1].paragraphs[0], document) == Pt(13)
    body_paragraph = table.rows[1].cells[1].paragraphs[0]
    assert size_of(body_paragraph.runs[0], body_paragraph, document) == Pt(13)
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {side.get(qn("w:val")) for side in borders} == {"single"}
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # repeats on each page
    widths = [column.width for column in table.columns]
    assert widths[1] == max(widths)  # relative widths 1:6:2:3


# -- nơi nhận, signature --------------------------------------------------------------------------------------------


def test_recipients_block_lists_dash_lines_ending_with_the_archive(plan):
    document = read(plan)
    recipients = closing_table(document).cell(0, 0)
    assert cell_lines(recipients) == [
        "Nơi nhận:",
        "- Đ/c Tổng Quang Thìn, PCT UBND tỉnh;",
        "- Các cơ sở giáo dục trong tỉnh;",
        "- Lãnh đạo Sở, CĐ ngành;",
        "- Các phòng, ban Sở;",
        "- Lưu: VT, CTTT.",
    ]
    heading = recipients.paragraphs[0]
    assert heading.runs[0].bold and heading.runs[0].italic
    assert size_of(heading.runs[0], heading, document) == Pt(12)
    line = recipients.paragraphs[1]
    assert size_of(line.runs[0], line, document) == Pt(11)
    borders = closing_table(document)._tbl.tblPr.find(qn("w:tblBorders"))
    assert {side.get(qn("w:val")) for side in borders} == {"nil"}


def test_recipient_lines_keep_their_own_punctuation_and_lose_a_typed_dash(make_plan):
    document = read(make_plan(recipients=["- Như trên;", "Lưu VT, Ban GĐXH."]))
    assert cell_lines(closing_table(document).cell(0, 0))[1:] == ["- Như trên;", "- Lưu VT, Ban GĐXH."]


def test_signature_block_has_authority_title_room_to_sign_and_name(plan):
    document = read(plan)
    signature = closing_table(document).cell(0, 1)
    assert cell_lines(signature) == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Thanh Toàn"]
    paragraphs = [p for p in signature.paragraphs if p.text]
    for paragraph in paragraphs:
        assert all(run.bold for run in paragraph.runs)
        assert size_of(paragraph.runs[0], paragraph, document) == Pt(14)
    assert paragraphs[2].paragraph_format.space_before >= Pt(48)


def test_signature_in_own_name_has_no_authority_line(make_plan):
    document = read(make_plan(signature=Signature(authority="", title="chủ tịch", name="Lê Thị Ngọc Loan")))
    assert cell_lines(closing_table(document).cell(0, 1)) == ["CHỦ TỊCH", "Lê Thị Ngọc Loan"]


# -- page numbers, draft ----------------------------------------------------------------------------------------------


def test_page_number_field_centred_at_the_top_from_page_2(plan):
    section = read(plan).sections[0]
    assert section.different_first_page_header_footer
    header = section.header
    assert not header.is_linked_to_previous
    instructions = [element.text.strip() for element in header._element.iter(qn("w:instrText"))]
    assert instructions == ["PAGE"]
    assert header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    first = section.first_page_header
    assert not list(first._element.iter(qn("w:instrText")))
    assert "DỰ THẢO" not in "".join(p.text for p in first.paragraphs)


def test_draft_shows_the_mark_and_blanks_for_number_and_date(make_plan):
    document = read(make_plan(draft=True, number="", date=None))
    first = document.sections[0].first_page_header
    mark = [p for p in first.paragraphs if p.text == "DỰ THẢO"]
    assert mark and mark[0].runs[0].bold
    header = header_table(document)
    assert re.fullmatch(r"Số: {3,}/KH-…", cell_lines(header.cell(1, 0))[0])
    assert re.fullmatch(r"Ninh Bình, ngày {3,}tháng {3,}năm 20…", cell_lines(header.cell(1, 1))[0])


def test_an_undated_document_of_a_known_year_prints_the_year(make_plan):
    document = read(make_plan(number="", date=None, year=2017, place="Đồng Nai"))
    assert re.fullmatch(r"Đồng Nai, ngày {3,}tháng {3,}năm 2017", cell_lines(header_table(document).cell(1, 1))[0])
    # The year is only for an undated document: a date wins.
    dated = read(make_plan(year=2017))
    assert cell_lines(header_table(dated).cell(1, 1)) == ["Ninh Bình, ngày 29 tháng 01 năm 2019"]


def test_draft_number_takes_the_symbol_when_given(make_plan):
    document = read(make_plan(draft=True, number="", symbol="KH-SGDĐT"))
    assert re.fullmatch(r"Số: {3,}/KH-SGDĐT", cell_lines(header_table(document).cell(1, 0))[0])
    issued = read(make_plan(number="109", symbol="KH-BCĐ"))
    assert cell_lines(header_table(issued).cell(1, 0)) == ["Số: 109/KH-BCĐ"]


# -- file health ----------------------------------------------------------------------------------------------------


def test_property_elements_keep_the_schema_order_word_insists_on(plan):
    """Word calls a file corrupt when pPr/rPr/tblPr/trPr children are out of order; check every one."""
    document = read(plan)
    parts = [document.element, document.styles.element]
    parts += [document.sections[0].header._element, document.sections[0].first_page_header._element]
    local = {qn(name): name for name in _SEQUENCES}
    checked = 0
    for part in parts:
        for element in part.iter(*local):
            order = _SEQUENCES[local[element.tag]]
            positions = [order.index(n) for n in (_short(child.tag) for child in element) if n in order]
            assert positions == sorted(positions), f"{local[element.tag]} children out of order"
            checked += 1
    assert checked > 50


def _short(tag: str) -> str:
    return "w:" + tag.split("}", 1)[1] if "}" in tag else tag


def test_empty_document_still_renders(make_plan):
    document = read(make_plan(sections=[], preamble=[], closing=[], recipients=[], signature=None, summary=""))
    assert "KẾ HOẠCH" in body_texts(document)
    assert len(document.tables) == 1


def test_roman_numerals():
    assert [roman(n) for n in (1, 2, 3, 4, 5, 9, 10, 14, 40)] == ["I", "II", "III", "IV", "V", "IX", "X", "XIV", "XL"]


def test_body_table_with_ragged_rows_is_padded(make_plan):
    doc = make_plan(
        sections=[Section(title="Bảng", blocks=[Block(kind="table", table=Table(header=["A", "B"], rows=[["1"]]))])]
    )
    table = read(doc).tables[1]
    assert [cell.text for cell in table.rows[1].cells] == ["1", ""]


# -- reading back ---------------------------------------------------------------------------------------------------


def test_outline_reads_the_parts_back_as_text(plan):
    parts = outline(render_docx(plan))
    assert parts.header_left == ["UBND TỈNH NINH BÌNH", "SỞ GIÁO DỤC VÀ ĐÀO TẠO"]
    assert parts.header_right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert parts.number_line == "Số: 03/KH-SGDĐT"
    assert parts.dateline == "Ninh Bình, ngày 29 tháng 01 năm 2019"
    assert parts.paragraphs[0] == "KẾ HOẠCH"
    assert parts.paragraphs[2].startswith("Thực hiện Kế hoạch số 09/KH-UBND")
    assert parts.recipients[0] == "Nơi nhận:" and parts.recipients[-1] == "- Lưu: VT, CTTT."
    assert parts.signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Thanh Toàn"]
    assert parts.body_tables[0][0] == ["TT", "Chỉ tiêu", "Năm 2020", "Giai đoạn 2021-2025"]
    assert parts.page_field and parts.draft_mark == ""


def test_outline_of_a_draft_without_closing(make_plan):
    parts = outline(render_docx(make_plan(draft=True, recipients=[], signature=None)))
    assert parts.draft_mark == "DỰ THẢO"
    assert parts.recipients == [] and parts.signature == []
    assert len(parts.body_tables) == 1
