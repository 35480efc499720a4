"""Reference plan 003: Sở Giáo dục và Đào tạo Ninh Bình, Kế hoạch số 03/KH-SGDĐT of 29/01/2019 for Đề án 1437.

The copy keeps "Số: 03/KH-SGDĐT" and the dateline but lost the bodies and the quốc hiệu; the bodies are
reconstructed (UBND TỈNH NINH BÌNH over SỞ GIÁO DỤC VÀ ĐÀO TẠO, the issuer code SGDĐT). The OCR misread
"Phấn đấu" as "Phần đầu" and "chuyển tuyến" as "chuyên tuyến": the data holds the right words (see `fixes`).
"""

from __future__ import annotations

from decimal import Decimal

from . import data
from .plans_spec import DutySpec, ObjectiveSpec, PlanSpec, ReportingSpec, SignerSpec, TargetSpec, TaskSpec, TextFix

CHILDREN = (
    "trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ chăm sóc phát triển toàn diện theo nhu cầu và phù hợp với "
    "độ tuổi về chăm sóc sức khỏe, giáo dục, dinh dưỡng, chăm sóc nuôi dưỡng, bảo vệ trẻ em, phúc lợi xã hội"
)
STAFF = (
    "cán bộ làm công tác liên quan đến trẻ em tại các cơ sở giáo dục, cơ sở nuôi dưỡng trẻ em, người chăm sóc trẻ "
    "em được cung cấp kiến thức, kỹ năng liên quan đến hỗ trợ, chăm sóc phát triển toàn diện trẻ em"
)
NETWORK = (
    "các cơ sở giáo dục, cơ sở nuôi dưỡng trẻ em xây dựng được mạng lưới kết nối và chuyển tuyến các dịch vụ chăm "
    "sóc phát triển toàn diện trẻ em"
)
NETWORK_MORE = (
    "triển khai theo dõi, đánh giá nhu cầu của trẻ em đến 8 tuổi và thực hiện thí điểm mô hình chăm sóc phát triển "
    "toàn diện trẻ em tại gia đình và cộng đồng khi có yêu cầu"
)
# (subject, indicator) in the order of the plan's points a), b), c)
SUBJECTS = [
    (CHILDREN, "ty_le_tre_tiep_can_dich_vu", ""),
    (STAFF, "ty_le_duoc_cung_cap_kien_thuc", ""),
    (NETWORK, "ty_le_co_so_mang_luoi", f"; {NETWORK_MORE}"),
]
BY_2020 = (Decimal(75), Decimal(75), Decimal(70))
BY_2025 = (Decimal(90), Decimal(90), Decimal(100))
SECOND_PHASE = "Giai đoạn II"  # 2021–2025


def _objectives(values: tuple[Decimal, ...], **milestone) -> list[ObjectiveSpec]:
    return [
        ObjectiveSpec(f"Phấn đấu {value}% {subject}{more}.", milestone_value=value, indicator=indicator, **milestone)
        for value, (subject, indicator, more) in zip(values, SUBJECTS, strict=True)
    ]


def _targets(values: tuple[Decimal, ...], year: int) -> list[TargetSpec]:
    return [
        TargetSpec(subject, value=value, unit_of_measure="%", year=year, indicator=indicator)
        for value, (subject, indicator, _more) in zip(values, SUBJECTS, strict=True)
    ]


NINH_BINH_2019 = PlanSpec(
    key="ninh-binh-2019",
    source_file="003_",
    programme="1437",
    phase="",  # 2019–2025: both phases of the programme
    unit=data.NINH_BINH_OLD,
    agency="nb.sgd",
    parent_body="UBND TỈNH NINH BÌNH",
    issuing_body="SỞ GIÁO DỤC VÀ ĐÀO TẠO",
    reconstructed=("parent_body", "issuing_body"),
    number="03",
    issuer_code="SGDĐT",
    place="Ninh Bình",
    issued_on=data.NINH_BINH_PLAN_DATE,
    start_year=2019,
    end_year=2025,
    summary=(
        "Thực hiện Đề án chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và cộng "
        "đồng giai đoạn 2018-2025 trên địa bàn tỉnh Ninh Bình"
    ),
    legal_bases=(
        "Thực hiện Kế hoạch số 09/KH-UBND ngày 21/01/2019 của Ủy ban nhân dân tỉnh về việc thực hiện Đề án chăm sóc "
        "vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và cộng đồng giai đoạn 2018-2025 "
        "trên địa bàn tỉnh Ninh Bình, Sở Giáo dục và Đào tạo Ninh Bình xây dựng Kế hoạch thực hiện như sau:",
    ),
    target_groups=("Trẻ em đến 8 tuổi", "Các cơ quan, tổ chức, cá nhân có liên quan"),
    timeframe="Từ năm 2019-2025",
    scope="Trong các cơ sở giáo dục mầm non, tiểu học và cơ sở nuôi dưỡng trẻ em.",
    closing_text=(
        "Trong quá trình tổ chức thực hiện, nếu có khó khăn, vướng mắc kịp thời phản ánh về Sở Giáo dục và Đào tạo "
        "(phòng Chính trị tư tưởng) để tổng hợp báo cáo UBND tỉnh./."
    ),
    section_order=("objectives", "target_groups+timeframe+scope", "tasks", "organisation"),
    section_headings={
        "objectives": "MỤC TIÊU",
        "objectives.2020": "Mục tiêu đến năm 2020",  # the groups of specific objectives, as the source heads them
        "objectives.2021-2025": "Mục tiêu giai đoạn 2021-2025",
        "target_groups+timeframe+scope": "ĐỐI TƯỢNG, PHẠM VI THỰC HIỆN",
        "target_groups": "Đối tượng",
        "timeframe": "Thời gian thực hiện Kế hoạch",
        "scope": "Phạm vi thực hiện",
        "tasks": "NHIỆM VỤ VÀ GIẢI PHÁP",
        "organisation": "TỔ CHỨC THỰC HIỆN",
    },
    objectives=[
        ObjectiveSpec(
            "Bảo đảm cho trẻ em đến 8 tuổi được phát triển toàn diện về thể chất, trí tuệ, tinh thần; được bình đẳng "
            "tiếp cận với các dịch vụ hỗ trợ chăm sóc phát triển toàn diện theo độ tuổi nhằm thực hiện các quyền của "
            "trẻ em, góp phần phát triển nhân lực quốc gia.",
            kind="general",
        ),
        *_objectives(BY_2020, milestone_year=2020),
        *_objectives(BY_2025, milestone_phase=SECOND_PHASE),
    ],
    targets=[*_targets(BY_2020, 2020), *_targets(BY_2025, 2025)],
    tasks=[
        TaskSpec(
            "Truyền thông nâng cao nhận thức về chăm sóc phát triển toàn diện trẻ em trong những năm đầu đời cho các "
            "cấp, các ngành, cha mẹ, người chăm sóc trẻ em và cộng đồng."
        ),
        TaskSpec(
            "Nâng cao năng lực cho đội ngũ cán bộ liên quan đến công tác trẻ em của ngành, đoàn thể các cấp về các "
            "kiến thức, kỹ năng liên quan đến chăm sóc phát triển toàn diện trẻ em những năm đầu đời."
        ),
        TaskSpec(
            "Nghiên cứu, rà soát và hoàn thiện khuôn khổ pháp luật, chính sách về chăm sóc phát triển toàn diện trẻ "
            "em những năm đầu đời."
        ),
        TaskSpec(
            "Tư vấn, hướng dẫn, giáo dục cho cha mẹ, người chăm sóc trẻ em các kiến thức, kỹ năng chăm sóc phát triển "
            "toàn diện trẻ em đến 8 tuổi. Xây dựng chương trình tư vấn, giáo dục làm cha mẹ về chăm sóc phát triển "
            "toàn diện trẻ em những năm đầu đời."
        ),
        TaskSpec(
            "Trẻ em đến 8 tuổi được tiếp cận với các dịch vụ chăm sóc phát triển toàn diện trẻ em phù hợp với nhu cầu "
            "phát triển và độ tuổi. Hỗ trợ giáo dục sớm, chăm sóc nuôi dưỡng trong môi trường an toàn, lành mạnh, bảo "
            "vệ khỏi xâm hại, bạo lực."
        ),
        TaskSpec(
            "Các cơ sở giáo dục xây dựng cơ chế phối hợp liên ngành, mạng lưới kết nối chuyển tuyến dịch vụ hỗ trợ "
            "chăm sóc phát triển toàn diện trẻ em những năm đầu đời tại nhà trường, cộng đồng. Phối hợp với các ngành "
            "triển khai các mô hình, phối hợp tổ chức đánh giá, rút kinh nghiệm, nhân rộng mô hình.",
            lead_text="Các cơ sở giáo dục",
        ),
        TaskSpec(
            "Theo dõi, giám sát, đánh giá tình hình triển khai thực hiện Kế hoạch, chất lượng các dịch vụ chăm sóc "
            "phát triển toàn diện trẻ em và môi trường hỗ trợ việc tiếp cận các dịch vụ cho trẻ em."
        ),
        TaskSpec(
            "Tăng cường huy động các nguồn lực của các tổ chức, cá nhân nhằm thực hiện hiệu quả công tác chăm sóc "
            "phát triển toàn diện trẻ em những năm đầu đời."
        ),
        TaskSpec(
            "Triển khai thực hiện hỗ trợ giáo dục phù hợp cho trẻ em đến 8 tuổi; hỗ trợ giáo dục sớm cho trẻ em và "
            "triển khai giáo dục kỹ năng cho trẻ em trước tuổi đi học và học sinh tiểu học; hướng dẫn giáo dục phù "
            "hợp đảm bảo sự phát triển toàn diện trẻ em tại cộng đồng."
        ),
    ],
    duties=[
        # Addressed to the schools as a whole, with no agency heading in the source.
        DutySpec(
            duties=(
                "Căn cứ vào Kế hoạch này, các nhà trường xây dựng kế hoạch cụ thể sát với tình hình thực tế của đơn vị "
                "để tổ chức triển khai hiệu quả.",
                "Tăng cường mối quan hệ phối hợp giữa gia đình, nhà trường và xã hội trong công tác chăm sóc, giáo dục "
                "phù hợp đảm bảo sự phát triển toàn diện cho trẻ em. Tuyên truyền, vận động các bậc phụ huynh thường "
                "xuyên quan tâm chăm sóc, nuôi dưỡng trẻ khoa học, hợp lí. Xây dựng môi trường giáo dục lành mạnh, an "
                "toàn, không có bạo lực, tệ nạn xã hội; tạo môi trường thân thiện để học sinh rèn luyện phát triển "
                "toàn diện; chú trọng việc giáo dục đạo đức, rèn kĩ năng sống, giao tiếp ứng xử, tự bảo vệ bản thân, "
                "ý thức tập thể cho học sinh trong các nhà trường.",
            ),
        ),
    ],
    reporting=[
        # No reporting section: the closing paragraph asks for difficulties to be reported as they arise.
        ReportingSpec(
            "Khó khăn, vướng mắc trong quá trình tổ chức thực hiện",
            frequency="ad_hoc",
            reporter_text="Các nhà trường",
            recipient_agency="nb.sgd",
            note="Phản ánh về phòng Chính trị tư tưởng để Sở tổng hợp báo cáo UBND tỉnh.",
        ),
    ],
    recipients=(
        "Đ/c Tống Quang Thìn, PCT UBND tỉnh;",
        "Các cơ sở giáo dục trong tỉnh;",
        "Lãnh đạo Sở, CĐ ngành;",
        "Các phòng, ban Sở;",
        "Lưu: VT, CTTT. NGUYET/10.",
    ),
    signer=SignerSpec("KT.", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Phạm Thanh Toàn"),
    fixes=(
        TextFix("Phần đầu", "Phấn đấu", "OCR đọc nhầm “Phấn đấu” (mục I, các điểm a, b, c)", count=6),
        TextFix("chuyên tuyến", "chuyển tuyến", "OCR đọc nhầm “chuyển tuyến” (mục I điểm c; mục III khoản 6)",
                count=3),
        TextFix("Tổng Quang Thìn", "Tống Quang Thìn", "OCR đọc nhầm họ của Phó Chủ tịch UBND tỉnh (nơi nhận)"),
        TextFix("**", "", "dấu in đậm của bản chép (khối chữ ký)", count=2),
    ),
    notes=(
        "Bản sao mất tên cơ quan và quốc hiệu ở phần đầu: tên cơ quan được dựng lại (UBND TỈNH NINH BÌNH / SỞ GIÁO "
        "DỤC VÀ ĐÀO TẠO); số và dòng địa danh, ngày tháng lấy từ bản sao.",
        "Đề mục hai nhóm mục tiêu cụ thể giữ lời bản gốc (“Mục tiêu đến năm 2020”, “Mục tiêu giai đoạn "
        "2021-2025”, không có chữ “cụ thể”), ghi trong đề mục riêng của kế hoạch (khóa objectives.2020, "
        "objectives.2021-2025).",
        "Câu dẫn ở bản gốc nằm trong cùng câu với căn cứ (“…, Sở Giáo dục và Đào tạo Ninh Bình xây dựng Kế hoạch "
        "thực hiện như sau:”) nên được giữ trọn trong căn cứ, câu dẫn để trống.",
        "Mục IV là hai gạch đầu dòng không gắn với cơ quan nào: ghi thành một mục “nhiệm vụ của cơ quan” không có "
        "tên cơ quan.",
    ),
)
