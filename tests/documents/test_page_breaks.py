"""Where pages and lines may break in the Word file: the signature never stands alone on a page, a title never ends
a page, a span of years in the summary never breaks across lines.

Read back with python-docx (the keep properties Word and LibreOffice honour), and, where LibreOffice is installed,
laid out as PDF to see the pages a reader gets.
"""

from __future__ import annotations

import io
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Pt

from tretho.documents.docx import render_docx
from tretho.documents.official import Block, Item, Section
from tretho.documents.pdf import libreoffice_path

needs_libreoffice = pytest.mark.skipif(libreoffice_path() is None, reason="LibreOffice is not installed")

FILLER = "Đoạn đệm số {n}, một dòng."


def read(doc):
    return Document(io.BytesIO(render_docx(doc)))


def body_paragraphs(document):
    return [p for p in document.paragraphs if p.text.strip()]


def kept_with_next(paragraph) -> bool:
    return bool(paragraph.paragraph_format.keep_with_next)


def pdf_pages(folder: Path, documents: list[bytes]) -> list[list[str]]:
    """Each document laid out by LibreOffice: its pages' text (one LibreOffice run for all of them)."""
    paths = []
    for index, data in enumerate(documents):
        path = folder / f"d{index:02}.docx"
        path.write_bytes(data)
        paths.append(str(path))
    subprocess.run(
        [libreoffice_path(), f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder), *paths],
        check=True, capture_output=True, timeout=300,
    )
    pages = []
    for path in paths:
        text = subprocess.run(["pdftotext", "-layout", path[:-4] + "pdf", "-"], capture_output=True, text=True,
                              check=True).stdout
        pages.append([page for page in text.split("\f") if page.strip()])
    return pages


def paragraph(document, start: str):
    [found] = [p for p in document.paragraphs if p.text.startswith(start)]
    return found


def organisation(*leads: str, intro: str = "") -> Section:
    """"Tổ chức thực hiện" as plan_to_document writes it: each body numbered with its duties as "- " lines."""
    blocks = []
    for lead in leads:
        blocks.append(Block("numbered", items=[Item(text=intro, lead=lead)]))
        duties = [Item(text=f"Nhiệm vụ {n} của {lead}, viết cho đủ dài.") for n in range(3)]
        blocks.append(Block("bullets", items=duties))
    return Section(title="Tổ chức thực hiện", blocks=blocks)


# -- titles and introductions are kept with what follows ------------------------------------------------------------


def test_a_numbered_title_alone_is_kept_with_its_sub_items(plan):
    document = read(plan)
    assert paragraph(document, "2. Mục tiêu đến năm 2020").text == "2. Mục tiêu đến năm 2020"
    assert kept_with_next(paragraph(document, "2. Mục tiêu đến năm 2020"))
    assert kept_with_next(paragraph(document, "1. Đối tượng"))
    assert kept_with_next(paragraph(document, "1. Mục tiêu chung"))  # its paragraph follows as a block of its own
    # Items that are text, not titles, break where the page ends.
    assert not kept_with_next(paragraph(document, "a) Phấn đấu 75% trẻ em"))
    assert not kept_with_next(paragraph(document, "2. Thời gian thực hiện Kế hoạch: Từ năm 2019-2025"))
    assert not kept_with_next(paragraph(document, "1. Truyền thông"))


def test_section_headings_and_subheadings_are_kept_with_what_follows(plan):
    document = read(plan)
    for start in ("I. MỤC TIÊU", "II. ĐỐI TƯỢNG", "III. NHIỆM VỤ", "IV. TỔ CHỨC", "Các nhiệm vụ chủ yếu"):
        assert kept_with_next(paragraph(document, start)), start


def test_an_agency_title_is_kept_with_its_duties_with_or_without_an_intro(make_plan):
    document = read(make_plan(sections=[
        organisation("Ban Gia đình - Xã hội Hội LHPN tỉnh", "Hội LHPN các huyện, thị, thành phố Biên Hòa"),
        organisation("Sở Giáo dục và Đào tạo", intro="chủ trì hướng dẫn chuyên môn cho các nhóm trẻ."),
    ]))
    assert kept_with_next(paragraph(document, "2. Hội LHPN các huyện, thị, thành phố Biên Hòa"))
    assert kept_with_next(paragraph(document, "1. Sở Giáo dục và Đào tạo: chủ trì"))
    assert not kept_with_next(paragraph(document, "- Nhiệm vụ 0 của Sở"))


def test_items_and_paragraphs_ending_with_a_colon_are_kept_with_the_next(make_plan):
    document = read(make_plan(
        preamble=["Sở Giáo dục và Đào tạo xây dựng Kế hoạch thực hiện như sau:"],
        sections=[Section(title="Chỉ tiêu", blocks=[
            Block("bullets", items=[Item(text="20 nhóm trẻ (năm 2017), trong đó:", children=[Item(text="80% …")])]),
            Block("paragraph", text="Các chỉ tiêu khác:\nTỷ lệ trẻ được gửi tại nhóm trẻ đạt 70%."),
        ])],
    ))
    assert kept_with_next(paragraph(document, "Sở Giáo dục và Đào tạo xây dựng"))
    assert kept_with_next(paragraph(document, "- 20 nhóm trẻ (năm 2017), trong đó:"))
    assert kept_with_next(paragraph(document, "Các chỉ tiêu khác:"))
    assert not kept_with_next(paragraph(document, "Tỷ lệ trẻ được gửi"))


# -- the closing table is kept with the end of the text ------------------------------------------------------------


def test_last_body_paragraph_is_kept_with_the_closing_table(plan):
    document = read(plan)
    paragraphs = body_paragraphs(document)
    assert paragraphs[-1].text.startswith("Trong quá trình tổ chức thực hiện")
    assert kept_with_next(paragraphs[-1])
    assert not kept_with_next(paragraphs[-2])  # a long last paragraph brings its own lines along


def test_a_last_paragraph_shorter_than_a_line_brings_the_one_before(make_plan):
    closing = ["Trên đây là kế hoạch thực hiện Đề án của Sở.", "Đề nghị các đơn vị thực hiện."]
    document = read(make_plan(closing=closing))
    paragraphs = body_paragraphs(document)
    assert [p.text for p in paragraphs[-2:]] == closing
    assert kept_with_next(paragraphs[-1]) and kept_with_next(paragraphs[-2])
    assert not kept_with_next(paragraphs[-3])


def test_closing_row_cannot_split_and_its_lines_stay_together(plan):
    document = read(plan)
    closing = document.tables[-1]
    assert closing.rows[0]._tr.trPr.find(qn("w:cantSplit")) is not None
    for cell in closing.rows[0].cells:
        for paragraph in cell.paragraphs:
            assert paragraph.paragraph_format.keep_together, paragraph.text


def test_the_paragraph_after_the_closing_table_is_one_point_high(plan):
    """Word needs a paragraph after the last table; at the foot of a page a full-height one made a blank page."""
    document = read(plan)
    end = document.paragraphs[-1]
    assert end.text == ""
    assert end._p.getprevious().tag == qn("w:tbl")
    assert end.paragraph_format.line_spacing == Pt(1)  # exact, whatever the font of its mark
    assert (end.paragraph_format.space_before or 0) == 0


def test_without_recipients_or_signer_nothing_is_kept(make_plan):
    document = read(make_plan(recipients=[], signature=None))
    assert not kept_with_next(body_paragraphs(document)[-1])


@needs_libreoffice
def test_libreoffice_never_puts_the_signature_on_a_page_without_text(make_plan, tmp_path):
    """The table pushed across the foot of the page one line at a time: where it goes to the next page, the end of
    the text goes with it; no empty last page."""
    documents = []
    for count in range(8, 40, 3):
        doc = make_plan()
        doc.closing = [FILLER.format(n=n) for n in range(count)] + doc.closing
        documents.append(render_docx(doc))
    moved = 0
    for pages in pdf_pages(tmp_path, documents):
        assert "Phạm Thanh Toàn" in pages[-1]  # the last page is the signature's, not a blank one
        text_above = pages[-1].split("Nơi nhận:")[0]
        lines = [line for line in text_above.splitlines() if line.strip() and not line.strip().isdigit()]
        assert len(lines) >= 2, pages[-1]
        moved += "MỤC TIÊU" not in pages[-1] and "TỔ CHỨC THỰC HIỆN" not in pages[-1]
    assert moved  # the sweep did take the table over a page break


@needs_libreoffice
def test_libreoffice_never_ends_a_page_with_an_agency_title(make_plan, tmp_path):
    """Two agencies' titles with no text of their own pushed down across the page foot one line at a time: neither
    is ever the last line of a page (without the keep, both were, at some of these counts)."""
    titles = ("1. Ban Gia đình - Xã hội Hội LHPN tỉnh", "2. Hội LHPN các huyện, thị, thành phố Biên Hòa")
    documents = []
    for count in range(12, 26):
        doc = make_plan(sections=[organisation(*(title[3:] for title in titles))])
        doc.preamble = [FILLER.format(n=n) for n in range(count)]
        documents.append(render_docx(doc))
    for pages in pdf_pages(tmp_path, documents):
        for page in pages:
            lines = [line.strip() for line in page.splitlines() if line.strip()]
            assert lines[-1] not in titles, page


# -- spans of years in the summary --------------------------------------------------------------------------------


def test_a_span_of_years_in_the_summary_is_written_unbreakable(make_plan):
    summary = "Thực hiện Đề án giai đoạn 2018 - 2025 trên địa bàn tỉnh, kế hoạch 2019-2025"
    document = read(make_plan(summary=summary))
    [paragraph] = [p for p in document.paragraphs if p.text.startswith("Thực hiện Đề án giai đoạn")]
    # Word's non-breaking hyphen reads back as "-"; the spaces around a spaced hyphen are no-break spaces.
    assert paragraph.text == summary.replace("2018 - 2025", "2018\xa0-\xa02025")
    hyphens = [element for run in paragraph.runs for element in run._r.iter(qn("w:noBreakHyphen"))]
    assert len(hyphens) == 2
    texts = "".join(element.text for element in paragraph._p.iter(qn("w:t")))
    assert "-" not in texts  # no ordinary (breakable) hyphen left in the spans
    assert all(run.bold for run in paragraph.runs)


def test_other_hyphens_and_body_text_are_left_as_written(make_plan):
    document = read(make_plan(summary="Lao động - Thương binh và Xã hội, số 12345-6789"))
    summary = [p for p in document.paragraphs if p.text.startswith("Lao động")][0]
    assert summary.text == "Lao động - Thương binh và Xã hội, số 12345-6789"
    assert not list(summary._p.iter(qn("w:noBreakHyphen")))
    preamble = paragraph(document, "Thực hiện Kế hoạch số 09/KH-UBND")
    assert "giai đoạn 2018-2025" in preamble.text and not list(preamble._p.iter(qn("w:noBreakHyphen")))


@needs_libreoffice
def test_libreoffice_keeps_the_span_of_years_on_one_line(make_plan, tmp_path):
    """The span moved along the summary's line a few characters at a time: "2018 - 2025" always on one line."""
    documents = []
    for count in range(16):
        summary = f"Thực hiện Đề án chăm sóc trẻ em{' nhỏ' * count} tại gia đình giai đoạn 2018 - 2025 trên địa bàn"
        documents.append(render_docx(make_plan(summary=summary, preamble=[])))
    for pages in pdf_pages(tmp_path, documents):
        lines = [" ".join(line.split()) for line in pages[0].splitlines()]
        assert any("2018 - 2025" in line for line in lines), pages[0]
