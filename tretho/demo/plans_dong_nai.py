"""Reference plan 000: Ban Thường vụ Hội LHPN tỉnh Đồng Nai, plan for Đề án 404 in 2017.

The copy starts at "KẾ HOẠCH": it has no header (bodies, number, place, date). The bodies and the place are
reconstructed from the plan's own words (issued by the provincial Women's Union, signed "TM. BAN THƯỜNG VỤ");
number and date stay blank, as in the copy. Its units are those of 2017 (tretho.demo.data.DONG_NAI_PLAN_DATE).
"""

from __future__ import annotations

from decimal import Decimal

from . import data
from .plans_spec import DutySpec, PlanSpec, ReportingSpec, SignerSpec, TargetSpec, TaskSpec, TextFix

PROGRAMME_TITLE = (
    "Đề án “Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực khu công nghiệp, khu chế xuất đến năm 2020”"
)

DONG_NAI_2017 = PlanSpec(
    key="dong-nai-2017",
    source_file="000_",
    programme="404",
    phase="Giai đoạn I",
    unit=data.DONG_NAI_OLD,
    agency="dn.hlhpn",
    parent_body="HỘI LHPN VIỆT NAM",
    issuing_body="HỘI LHPN TỈNH ĐỒNG NAI",
    reconstructed=("parent_body", "issuing_body", "place"),
    number="",
    issuer_code="",
    place="Đồng Nai",
    issued_on=None,
    start_year=2017,
    end_year=2017,
    summary=f"triển khai thực hiện {PROGRAMME_TITLE} trên địa bàn tỉnh Đồng Nai năm 2017",
    legal_bases=(
        "Thực hiện Công văn số 1258/CV-ĐCT-BĐH ngày 16/1/2017 của Ban Điều hành Đề án 404 Trung ương về việc triển "
        "khai Đề án 404 năm 2017 và Kế hoạch số      /KH-BĐH ngày   /   /2017 của Ban Điều hành Đề án 404 tỉnh về "
        "triển khai thực hiện Đề án “Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực khu công nghiệp, khu chế "
        "xuất đến 2020” trên địa bàn tỉnh Đồng Nai năm 2017.",
    ),
    preamble=(
        "Ban Thường vụ Hội LHPN tỉnh xây dựng kế hoạch triển khai thực hiện Đề án trong năm 2017 với những nội dung "
        "như sau:"
    ),
    purpose=(
        "Xác định vai trò, trách nhiệm của các cấp Hội phụ nữ trong phối hợp tổ chức triển khai thực hiện Đề án tại "
        "địa phương;",
        "Nâng cao nhận thức, năng lực cho đội ngũ cán bộ Hội các cấp nhằm phối hợp thực hiện hiệu quả việc kiện toàn, "
        "phát triển các nhóm trẻ độc lập tư thục tại khu vực khu công nghiệp đảm bảo an toàn, chất lượng;",
        "Lồng ghép hoạt động của Đề án với việc triển khai thực hiện các nhiệm vụ của Hội và nhiệm vụ phát triển kinh "
        "tế - xã hội ở địa phương;",
        "Việc triển khai thực hiện nhiệm vụ của Đề án cần được báo cáo định kỳ và đột xuất theo yêu cầu để kịp thời "
        "tháo gỡ khó khăn trong quá trình thực hiện.",
    ),
    budget_text=(
        "Thực hiện theo Thông tư số 143/2014/TT-BTC ngày 30/9/2014 của Bộ Tài chính quy định việc lập dự toán, quản "
        "lý, sử dụng và quyết toán kinh phí thực hiện Đề án “Hỗ trợ, phát triển nhóm trẻ độc lập tư thục ở khu vực "
        "khu công nghiệp, khu chế xuất đến 2020” từ nguồn ngân sách nhà nước."
    ),
    closing_text=(
        f"Trên đây là kế hoạch triển khai thực hiện {PROGRAMME_TITLE} của Hội LHPN tỉnh, đề nghị các huyện, thị, "
        "thành phố triển khai thực hiện có hiệu quả các nội dung của Kế hoạch."
    ),
    # No objectives, target-group or reporting section: activities carry the target (activity 1).
    section_order=("purpose", "tasks", "budget", "organisation"),
    section_headings={
        "purpose": "MỤC ĐÍCH, YÊU CẦU",
        "tasks": "NỘI DUNG HOẠT ĐỘNG",
        "budget": "Kinh phí thực hiện",
        "organisation": "Tổ chức thực hiện",
    },
    targets=[
        TargetSpec(
            "được hỗ trợ kiện toàn và phát triển mới, mỗi nhóm từ 15 đến 50 cháu, tại xã Hóa An và phường Long "
            "Bình (Tp Biên Hòa)",
            value=Decimal(20),
            unit_of_measure="nhóm trẻ",
            year=2017,
            indicator="nhom_tre_ho_tro",
            area=data.BIEN_HOA,
            source_phrase="hỗ trợ kiện toàn và phát triển mới 20 nhóm trẻ, mỗi nhóm từ 15 đến 50 cháu tại xã Hóa An "
            "và phường Long Bình (Tp Biên Hòa)",
            parts=[
                TargetSpec("số nhóm trẻ được hỗ trợ kiện toàn", value=Decimal(80), unit_of_measure="%",
                           comparison="at_least", year=2017, indicator="ty_le_kien_toan", area=data.BIEN_HOA),
                TargetSpec("xây dựng mới", value=Decimal(20), unit_of_measure="%", year=2017,
                           indicator="ty_le_phat_trien_moi", area=data.BIEN_HOA),
            ],
        ),
    ],
    tasks=[
        TaskSpec(
            "Phối hợp Sở Giáo dục và Đào tạo hoàn thành chỉ tiêu hỗ trợ kiện toàn và phát triển mới 20 nhóm trẻ, mỗi "
            "nhóm từ 15 đến 50 cháu tại xã Hóa An và phường Long Bình (Tp Biên Hòa), trong đó có ít nhất 80% số nhóm "
            "trẻ được hỗ trợ kiện toàn và 20% xây dựng mới.",
            cooperating=("dn.sgd",),  # the lead is the issuing Hội itself, not named
        ),
        TaskSpec(
            "Tổ chức giám sát hoạt động của các nhóm trẻ, lớp mẫu giáo độc lập tư thục tại phường Long Bình, xã Hóa "
            "An (Tp. Biên Hòa) theo Thông tư số 13/2015/TT-BGDĐT ngày 30/6/2015 của Bộ Giáo dục và đào tạo về ban "
            "hành quy chế tổ chức và hoạt động của các Trường mầm non tư thục.",
            # Section IV gives this to the Ban Gia đình - Xã hội with Ban KT-CSLP and the Sở's preschool office.
            lead_text="Ban Gia đình - Xã hội Hội LHPN tỉnh",
            cooperating=("dn.sgd",),
        ),
        TaskSpec(
            "Tổ chức tập huấn, hướng dẫn sử dụng bộ tài liệu Đề án 404/CP tại 11 huyện, thị, thành phố cho đối tượng "
            "cán bộ Hội cơ sở, tuyên truyền viên làm công tác trẻ em."
        ),
        TaskSpec(
            "Tổ chức tập huấn khuyến khích nuôi con bằng sữa mẹ và hướng dẫn chăm sóc cho sự phát triển toàn diện của "
            "trẻ em từ 0 - 36 tháng tuổi tại phường Long Bình và xã Hóa An (Tp. Biên Hòa) cho đối tượng cha mẹ có con "
            "từ 0 - 36 tháng tuổi, người quản lý nhóm trẻ, cán bộ Hội cơ sở, tuyên truyền viên làm công tác trẻ em."
        ),
        TaskSpec("Dự Hội nghị sơ kết 3 năm thực hiện Đề án 404/CP do Ban Điều hành Đề án Trung ương tổ chức."),
        TaskSpec(
            "Tiến hành sơ kết, đánh giá kết quả triển khai thực hiện Đề án giai đoạn 1 (2014 - 2017), xây dựng kế "
            "hoạch triển khai Đề án giai đoạn tiếp theo."
        ),
        TaskSpec("Họp định kỳ thành viên Ban Chỉ đạo Đề án."),
    ],
    duties=[
        DutySpec(
            body_name="Ban Gia đình - Xã hội Hội LHPN tỉnh",
            duties=(
                "Xây dựng kế hoạch và dự toán kinh phí thực hiện Đề án của Hội LHPN tỉnh trong năm 2017.",
                "Tăng cường phối hợp các đơn vị thành viên Ban Điều hành Đề án nhằm phát huy thế mạnh của từng đơn vị "
                "trong quá trình triển khai thực hiện nhiệm vụ của Đề án.",
                "Phối hợp Ban KT-CSLP Hội LHPN tỉnh và Phòng Giáo dục Mầm non Sở Giáo dục và Đào tạo thực hiện giám "
                "sát hoạt động của các nhóm trẻ, lớp mẫu giáo độc lập tư thục tại phường Long Bình, xã Hóa An (Tp. "
                "Biên Hòa).",
            ),
        ),
        DutySpec(
            body_name="Hội LHPN các huyện, thị, thành phố Biên Hòa",
            duties=(
                # "năm 2016" as in the source (a plan for 2017): kept, see docs/reference-plans.md.
                "Xây dựng kế hoạch và lập dự toán kinh phí triển khai thực hiện Đề án năm 2016 trình UBND cùng cấp",
                "Tuyên truyền về tầm quan trọng, vai trò của gia đình trong chăm sóc và phát triển trẻ thơ, vận động "
                "các bà mẹ có con dưới 36 tháng tuổi gửi con tại các nhóm trẻ được quản lý và bảo đảm chất lượng tại "
                "địa bàn.",
                "Tuyên truyền, giáo dục đạo đức, lương tâm nghề nghiệp, các kiến thức, kỹ năng chăm sóc trẻ cho các "
                "bảo mẫu và người quản lý các nhóm trẻ độc lập tư thục tại địa bàn.",
                "Phối hợp chặt chẽ với chính quyền địa phương, đoàn thể và các ngành liên quan trong quản lý các nhóm "
                "trẻ độc lập tư thục.",
                "Hội LHPN Tp. Biên Hòa tích cực phối hợp với Hội LHPN tỉnh trong việc hỗ trợ kiện toàn, thành lập mới "
                "20 nhóm trẻ tại xã Hóa An và phường Long Bình (Tp Biên Hòa).",
            ),
        ),
    ],
    reporting=[
        # Section I asks for periodic and ad-hoc reports; the copy names no recipient and no date.
        ReportingSpec(
            "Việc triển khai thực hiện nhiệm vụ của Đề án",
            frequency="ad_hoc",
            note="Báo cáo định kỳ và đột xuất theo yêu cầu để kịp thời tháo gỡ khó khăn trong quá trình thực hiện.",
        ),
    ],
    recipients=(
        "Ban Điều hành Đề án TW;",
        "Các thành viên BĐH Đề án tỉnh;",
        "BTV Hội LHPN tỉnh;",
        "Hội LHPN các huyện, thị, Tp;",
        "UBND các huyện, thị, Tp;",
        "UBND p. Long Bình, xã Hóa An;",
        "Lưu VT, Ban GĐXH.",
    ),
    signer=SignerSpec("TM.", "BAN THƯỜNG VỤ", "CHỦ TỊCH", "Lê Thị Ngọc Loan"),
    fixes=(
        TextFix("xã Hóa an", "xã Hóa An", "chữ hoa của địa danh bị gõ thiếu (hoạt động 4)"),
    ),
    notes=(
        "Bản sao không có phần đầu văn bản (tên cơ quan, số, địa danh, ngày tháng): tên cơ quan và địa danh được "
        "dựng lại; số và ngày để trống như bản sao, nên văn bản in ra có “Số:      /KH” và “ngày … tháng … năm "
        "2017” (năm đầu của kế hoạch).",
        "“(Đã ký)” dưới chức vụ người ký là dấu của bản sao, không đưa vào dữ liệu.",
        "Bản gốc không có mục chế độ báo cáo; yêu cầu báo cáo “định kỳ và đột xuất” ở mục I được ghi thành một yêu "
        "cầu báo cáo đột xuất, không có hạn nộp.",
        "“Xây dựng kế hoạch … năm 2016” (mục IV.2) giữ nguyên như bản gốc dù kế hoạch là của năm 2017.",
    ),
)
