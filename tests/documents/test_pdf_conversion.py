"""PDF through LibreOffice: a clear Vietnamese refusal without it; with it, the Word layout as PDF."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from django.utils import translation

from tretho.documents import pdf
from tretho.documents.docx import render_docx
from tretho.documents.pdf import PdfUnavailable, docx_to_pdf, libreoffice_path

needs_libreoffice = pytest.mark.skipif(libreoffice_path() is None, reason="LibreOffice is not installed")


def test_without_libreoffice_conversion_refuses_in_vietnamese(monkeypatch, plan):
    monkeypatch.setenv(pdf.SOFFICE_ENV, "/nonexistent/soffice")
    assert libreoffice_path() is None
    with translation.override("vi"), pytest.raises(PdfUnavailable, match="chưa cài LibreOffice"):
        docx_to_pdf(render_docx(plan))


def test_configured_path_wins(monkeypatch, tmp_path):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(fake))
    assert libreoffice_path() == str(fake)


def test_a_converter_that_writes_nothing_is_reported(monkeypatch, tmp_path, plan):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nexit 0\n")
    fake.chmod(0o755)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(fake))
    with translation.override("vi"), pytest.raises(PdfUnavailable, match="không chuyển được"):
        docx_to_pdf(render_docx(plan))


def test_a_hanging_converter_is_stopped_at_the_timeout(monkeypatch, tmp_path, plan):
    fake = tmp_path / "soffice"
    fake.write_text("#!/bin/sh\nsleep 30 &\nwait\n")
    fake.chmod(0o755)
    monkeypatch.setenv(pdf.SOFFICE_ENV, str(fake))
    with translation.override("vi"), pytest.raises(PdfUnavailable, match="trong 1 giây"):
        docx_to_pdf(render_docx(plan), timeout=1)


@needs_libreoffice
def test_libreoffice_converts_the_plan_to_pdf(plan, tmp_path):
    data = docx_to_pdf(render_docx(plan), timeout=120)
    assert data.startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        return
    path = tmp_path / "plan.pdf"
    path.write_bytes(data)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in pages[0]
    assert "Ninh Bình, ngày 29 tháng 01 năm 2019" in pages[0]
    assert "KẾ HOẠCH" in pages[0]
    assert "Nơi nhận:" in text
    assert "Phạm Thanh Toàn" in text
    assert len([page for page in pages if page.strip()]) >= 2
    assert pages[1].strip().startswith("2")  # the page number at the top of page 2
