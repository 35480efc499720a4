"""Where pages may break in the Word file: the signature never stands alone on a page, a title never ends a page.

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
from tretho.documents.pdf import libreoffice_path

needs_libreoffice = pytest.mark.skipif(libreoffice_path() is None, reason="LibreOffice is not installed")

FILLER = "Đoạn đệm số {n} đẩy bảng nơi nhận và chữ ký dần xuống cuối trang, dài chừng một dòng."


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
    for count in range(4, 20):
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
