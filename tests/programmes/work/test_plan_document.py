"""A plan rendered to Word and read back: header cells, number and dateline, sections in the plan's order with its
own headings, objectives, targets with their parts, numbered tasks with sub-items, nơi nhận, signer, draft mark."""

from __future__ import annotations

import datetime as dt

import pytest

from tretho.documents.pdf import docx_to_pdf, libreoffice_path
from tretho.documents.readback import outline
from tretho.programmes import cascade as actions
from tretho.programmes.document import document_filename, plan_docx, plan_to_document
from tretho.programmes.models import AgencyDuty, Plan, PlanObjective, PlanTask


def after(paragraphs: list[str], start: str, count: int) -> list[str]:
    index = next(i for i, text in enumerate(paragraphs) if text.startswith(start))
    return paragraphs[index:index + count]


def test_issued_plan_reads_back_as_its_document(cascade):
    read = outline(plan_docx(cascade.plan))

    assert read.header_left == ["UBND TỈNH SÔNG HỒNG", "BAN CHỈ ĐẠO ĐỀ ÁN 404 TỈNH SÔNG HỒNG"]
    assert read.header_right == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert read.number_line == "Số: 109/KH-BCĐ"
    assert read.dateline == "Sông Hồng, ngày 01 tháng 3 năm 2017"
    assert read.draft_mark == ""

    paragraphs = read.paragraphs
    assert paragraphs[:4] == [
        "KẾ HOẠCH",
        cascade.plan.summary,
        "Thực hiện Công văn số 1258/CV-ĐCT-BĐH ngày 16/1/2017 của Ban Điều hành Đề án 404 Trung ương",
        "Ban Chỉ đạo Đề án 404 tỉnh xây dựng kế hoạch triển khai thực hiện Đề án trong năm 2017 với những nội "
        "dung như sau:",
    ]
    headings = [text for text in paragraphs if text.split(".")[0] in {"I", "II", "III", "IV", "V", "VI", "VII",
                                                                       "VIII", "IX"}]
    assert headings == [  # the plan's order; its own heading for the tasks
        "I. MỤC ĐÍCH, YÊU CẦU", "II. MỤC TIÊU", "III. CHỈ TIÊU",
        "IV. ĐỐI TƯỢNG, PHẠM VI THỰC HIỆN, THỜI GIAN THỰC HIỆN", "V. NỘI DUNG HOẠT ĐỘNG", "VI. KINH PHÍ THỰC HIỆN",
        "VII. TỔ CHỨC THỰC HIỆN", "VIII. CHẾ ĐỘ BÁO CÁO",
    ]
    assert after(paragraphs, "I. ", 3)[1:] == [
        "- Xác định vai trò, trách nhiệm của các cấp trong phối hợp triển khai Đề án;",
        "- Lồng ghép hoạt động của Đề án với nhiệm vụ phát triển kinh tế - xã hội ở địa phương;",
    ]
    assert after(paragraphs, "II. ", 4)[1:] == [
        "1. Mục tiêu chung: Hỗ trợ, phát triển nhóm trẻ độc lập tư thục bảo đảm an toàn, chất lượng.",
        "2. Mục tiêu cụ thể đến năm 2017",
        "a) 80% người quản lý, bảo mẫu được tập huấn kỹ năng chăm sóc trẻ.",
    ]
    assert after(paragraphs, "III. ", 6)[1:] == [
        "- Nhóm trẻ được hỗ trợ kiện toàn và phát triển mới, mỗi nhóm từ 15 đến 50 cháu: 20 nhóm trẻ (năm 2017), "
        "trong đó:",
        "+ ít nhất 80% số nhóm trẻ được hỗ trợ kiện toàn",
        "+ 20% số nhóm trẻ xây dựng mới",
        "- Tỷ lệ trẻ dưới 36 tháng tuổi được gửi tại nhóm trẻ bảo đảm chất lượng: 70% (năm 2017)",
        "- Lớp tập huấn cho cha mẹ: 5 lớp (Xã Tân Phú)",
    ]
    assert after(paragraphs, "IV. ", 6)[1:] == [
        "1. Đối tượng", "- Trẻ em dưới 36 tháng tuổi là con công nhân", "- Người quản lý, bảo mẫu của nhóm trẻ",
        "2. Phạm vi thực hiện: Các xã, phường có khu công nghiệp.", "3. Thời gian thực hiện: Năm 2017.",
    ]
    assert after(paragraphs, "V. ", 8)[1:] == [
        "1. Phối hợp Sở Giáo dục và Đào tạo hoàn thành chỉ tiêu hỗ trợ kiện toàn và phát triển mới 20 nhóm trẻ",
        "Chủ trì: Sở Giáo dục và Đào tạo tỉnh Sông Hồng; phối hợp: Hội Liên hiệp Phụ nữ tỉnh Sông Hồng; thời gian: "
        "01/03/2017 – 30/11/2017; kinh phí dự kiến: 30.000.000 đồng (ngân sách địa phương).",
        "a) Kiện toàn nhóm trẻ tại xã Hòa An",
        "b) Kiện toàn nhóm trẻ tại xã Tân Phú",
        "2. Tổ chức tập huấn cho cán bộ Hội cơ sở, tuyên truyền viên làm công tác trẻ em",
        "Chủ trì: Hội Liên hiệp Phụ nữ tỉnh Sông Hồng; thời hạn: 30/06/2017.",
        "3. Giám sát hoạt động của các nhóm trẻ tại xã Tân Phú",
    ]
    assert after(paragraphs, "VI. ", 3)[1:] == [
        "Thực hiện theo Thông tư số 143/2014/TT-BTC ngày 30/9/2014 của Bộ Tài chính.",
        "Tổng dự toán kinh phí các nhiệm vụ: 30.000.000 đồng (ngân sách địa phương 30.000.000 đồng).",
    ]
    assert after(paragraphs, "VII. ", 6)[1:] == [  # each agency numbered, its duties as "- " lines
        "1. Sở Giáo dục và Đào tạo tỉnh Sông Hồng: chủ trì hướng dẫn chuyên môn cho các nhóm trẻ.",
        "- Hướng dẫn điều kiện thành lập nhóm trẻ",
        "- Giám sát chất lượng chăm sóc",
        "2. Hội LHPN các huyện, thị, thành phố",
        "- Xây dựng kế hoạch và lập dự toán kinh phí trình UBND cùng cấp",
    ]
    assert after(paragraphs, "VIII. ", 3)[1:] == [
        "- Kết quả thực hiện Kế hoạch: Hội LHPN các huyện, thị, thành phố gửi Ban Chỉ đạo Đề án 404 tỉnh trước "
        "ngày 20/11 hằng năm.",  # no channel: "(văn bản giấy)" is not written in a signed plan
        "Trên đây là kế hoạch triển khai thực hiện Đề án năm 2017, đề nghị các đơn vị triển khai thực hiện có "
        "hiệu quả.",
    ]
    assert read.recipients == ["Nơi nhận:", "- Ban Điều hành Đề án TW;", "- Lưu: VT, Ban GĐXH."]
    assert read.signature == ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN", "Lê Thị Ngọc Loan"]


def test_reporting_text_is_printed_instead_of_the_requirement_lines(draft_cascade):
    plan = draft_cascade.plan
    assert plan.reporting_requirements.exists()
    plan.reporting_text = ("Các đơn vị báo cáo kết quả thực hiện về Ban Chỉ đạo trước ngày 20/11 hằng năm.\n"
                           "Báo cáo đột xuất khi có yêu cầu.")
    plan.save()
    paragraphs = outline(plan_docx(plan)).paragraphs
    heading = next(i for i, text in enumerate(paragraphs) if text.endswith("CHẾ ĐỘ BÁO CÁO"))
    assert paragraphs[heading + 1:heading + 3] == plan.reporting_text.splitlines()
    assert not any(text.startswith("- Kết quả thực hiện Kế hoạch") for text in paragraphs)
    assert not any("văn bản giấy" in text for text in paragraphs)


def test_section_order_and_custom_headings_are_the_plans(draft_cascade):
    plan = draft_cascade.plan
    plan.section_order = ["purpose", "tasks", "budget", "organisation"]
    plan.section_headings = {"tasks": "NỘI DUNG HOẠT ĐỘNG", "budget": "Kinh phí thực hiện"}
    plan.save()
    paragraphs = outline(plan_docx(plan)).paragraphs
    headings = [text for text in paragraphs if text[:3] in {"I. ", "II.", "III", "IV."}]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG HOẠT ĐỘNG", "III. KINH PHÍ THỰC HIỆN",
                        "IV. TỔ CHỨC THỰC HIỆN"]
    assert not any("CHỈ TIÊU" in text for text in paragraphs)  # a section left out of the order is not written


def test_objective_groups_take_the_plans_own_wording(draft_cascade):
    """Ninh Bình writes "Mục tiêu đến năm 2020", "Mục tiêu giai đoạn 2021-2025": held in section_headings under the
    group's year or phase span; a group without one keeps "Mục tiêu cụ thể …"."""
    plan = draft_cascade.plan
    PlanObjective.objects.create(plan=plan, kind="specific", milestone_phase=draft_cascade.phase, order=9,
                                 text="100% nhóm trẻ được kiểm tra.")
    paragraphs = outline(plan_docx(plan)).paragraphs
    assert "2. Mục tiêu cụ thể đến năm 2017" in paragraphs
    assert "3. Mục tiêu cụ thể giai đoạn 2014–2017" in paragraphs

    plan.section_headings = {"objectives.2017": "Mục tiêu đến năm 2017",
                             "objectives.2014-2017": "Mục tiêu giai đoạn 2014-2017"}
    plan.save()
    paragraphs = outline(plan_docx(plan)).paragraphs
    assert after(paragraphs, "2. ", 4) == [
        "2. Mục tiêu đến năm 2017",
        "a) 80% người quản lý, bảo mẫu được tập huấn kỹ năng chăm sóc trẻ.",
        "3. Mục tiêu giai đoạn 2014-2017",
        "a) 100% nhóm trẻ được kiểm tra.",
    ]
    assert not any(text.startswith(("2. Mục tiêu cụ thể", "3. Mục tiêu cụ thể")) for text in paragraphs)


def test_a_draft_carries_the_mark_a_blank_number_and_the_upper_plan_line(cascade):
    world = cascade.world
    lower = actions.do_create_lower_plan(cascade.plan, world.commune_a1a, acting_user=world.officer_a1a)
    lower.number, lower.issued_on = "15", dt.date(2017, 4, 2)  # typed ahead: not printed on a draft
    lower.save()
    read = outline(plan_docx(lower))
    assert read.draft_mark == "DỰ THẢO"
    assert read.header_left == ["ỦY BAN NHÂN DÂN", "XÃ HÒA AN"]
    assert read.number_line == "Số:      /KH-UBND"
    assert read.dateline.endswith("ngày      tháng      năm 20…")
    assert read.paragraphs[2].startswith("Thực hiện Kế hoạch số 109/KH-BCĐ ngày 01/03/2017 của Ban Chỉ đạo Đề án "
                                         "404 tỉnh Sông Hồng")
    assert "- Nhóm trẻ được hỗ trợ kiện toàn và phát triển mới, mỗi nhóm từ 15 đến 50 cháu (năm 2017), trong " \
           "đó:" in read.paragraphs
    assert read.recipients == ["Nơi nhận:", "- Ban Chỉ đạo Đề án 404 tỉnh Sông Hồng;", "- Lưu: VT."]
    assert read.signature == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]  # the name is written when it is known


def test_an_issued_plan_without_a_date_prints_its_year(cascade):
    plan = cascade.plan
    Plan.objects.filter(pk=plan.pk).update(issued_on=None)  # an issued copy with no date, as Đồng Nai's (locked)
    plan.refresh_from_db()
    assert (plan.is_draft, plan.start_year) == (False, 2017)
    assert outline(plan_docx(plan)).dateline == "Sông Hồng, ngày      tháng      năm 2017"
    assert plan_to_document(plan).year == 2017 and plan_to_document(plan).date is None


def test_a_draft_leaves_the_year_to_be_written(draft_cascade):
    """A draft has no date even when one is typed ahead; its year is written by hand when it is signed."""
    plan = draft_cascade.plan
    plan.issued_on = dt.date(2017, 3, 1)
    plan.save()
    assert outline(plan_docx(plan)).dateline == "Sông Hồng, ngày      tháng      năm 20…"
    assert plan_to_document(plan).year is None


def test_task_details_can_be_left_out_and_empty_sections_are_skipped(draft_cascade):
    plan = draft_cascade.plan
    AgencyDuty.objects.filter(plan=plan).delete()
    doc = plan_to_document(plan, task_details=False)
    titles = [section.title for section in doc.sections]
    assert "TỔ CHỨC THỰC HIỆN" not in titles
    texts = [item.text for block in doc.sections[titles.index("NỘI DUNG HOẠT ĐỘNG")].blocks for item in block.items]
    assert not any("Chủ trì:" in text for text in texts)
    assert doc.draft and doc.number == "" and doc.date is None and doc.symbol == "KH-BCĐ"


def test_sub_tasks_number_a_b_and_their_descriptions_follow(draft_cascade):
    plan = draft_cascade.plan
    task = PlanTask.objects.get(pk=draft_cascade.task_a1a.pk)
    task.description = "Rà soát các nhóm trẻ hiện có.\nHỗ trợ hồ sơ cấp phép."
    task.save()
    paragraphs = outline(plan_docx(plan, task_details=False)).paragraphs
    assert after(paragraphs, "a) Kiện toàn nhóm trẻ tại xã Hòa An", 4) == [
        "a) Kiện toàn nhóm trẻ tại xã Hòa An", "Rà soát các nhóm trẻ hiện có.", "Hỗ trợ hồ sơ cấp phép.",
        "b) Kiện toàn nhóm trẻ tại xã Tân Phú"]


def test_file_names_carry_no_personal_data(cascade):
    assert document_filename(cascade.plan, "docx") == "109-KH-BCD-2017.docx"
    cascade.plan.number = ""
    assert document_filename(cascade.plan, "pdf") == "KH-du-thao-2017.pdf"


@pytest.mark.skipif(libreoffice_path() is None, reason="LibreOffice is not installed")
def test_pdf_from_the_word_file(cascade):
    pdf = docx_to_pdf(plan_docx(cascade.plan))
    assert pdf.startswith(b"%PDF")
    assert len(pdf) > 10_000
