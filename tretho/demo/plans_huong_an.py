"""Reference plan 002: Ủy ban nhân dân phường Hương An, Kế hoạch số 79/KH-UBND of 26/02/2019 for Đề án 1437.

The copy ends at "Nơi nhận:  TM.ỦY BAN NHÂN DÂN": no recipients, no signer's title or name. Section IV numbers its
items 1–6 then 8 (there is no 7). The quantified specific objectives are also entered as targets (indicator,
value, year) so the plan's figures can be followed up; the document shows them once, as objectives.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from . import data
from .plans_spec import DutySpec, ObjectiveSpec, PlanSpec, ReportingSpec, SignerSpec, TargetSpec, TaskSpec, TextFix

EARLY_YEARS = "chăm sóc vì sự phát triển toàn diện trẻ em trong những năm đầu đời tại gia đình và cộng đồng"

CHILDREN = (
    "trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ chăm sóc phát triển toàn diện theo nhu cầu và phù hợp với "
    "độ tuổi về chăm sóc sức khỏe, giáo dục, dinh dưỡng, chăm sóc nuôi dưỡng, bảo vệ trẻ em, phúc lợi xã hội"
)
STAFF = (
    "cán bộ làm công tác liên quan đến trẻ em tại cộng đồng, cha mẹ, người chăm sóc trẻ em được cung cấp kiến thức, "
    "kỹ năng liên quan để hỗ trợ, chăm sóc phát triển toàn diện trẻ em"
)
CHILDREN_INDICATOR = "ty_le_tre_tiep_can_dich_vu"
STAFF_INDICATOR = "ty_le_duoc_cung_cap_kien_thuc"
SECOND_PHASE = "Giai đoạn II"  # 2021–2025
NINETY = Decimal(90)
REPORTERS = "Các cơ quan, ban ngành, các tổ dân phố có liên quan"


def _objectives(**milestone) -> list[ObjectiveSpec]:
    return [
        ObjectiveSpec(f"Phấn đấu 90% {CHILDREN}.", milestone_value=NINETY, indicator=CHILDREN_INDICATOR, **milestone),
        ObjectiveSpec(f"Phấn đấu 90% {STAFF}.", milestone_value=NINETY, indicator=STAFF_INDICATOR, **milestone),
    ]


def _targets(year: int) -> list[TargetSpec]:
    return [
        TargetSpec(CHILDREN, value=NINETY, unit_of_measure="%", year=year, indicator=CHILDREN_INDICATOR),
        TargetSpec(STAFF, value=NINETY, unit_of_measure="%", year=year, indicator=STAFF_INDICATOR),
    ]


HUONG_AN_2019 = PlanSpec(
    key="huong-an-2019",
    source_file="002_",
    programme="1437",
    phase="",  # the plan runs through both phases of the programme
    unit=data.HUONG_AN_OLD,
    agency="huongan.ubnd",
    parent_body="ỦY BAN NHÂN DÂN",
    issuing_body="PHƯỜNG HƯƠNG AN",
    number="79",
    issuer_code="UBND",
    place="Hương An",
    issued_on=data.HUONG_AN_PLAN_DATE,
    start_year=2019,
    end_year=2025,
    # "trên địa bàn thị xã" as in the source (the wording of the town's plan it follows).
    summary=f"Thực hiện Đề án {EARLY_YEARS} trên địa bàn thị xã giai đoạn 2018 - 2025",
    legal_bases=(
        "Thực hiện Quyết định 1437/QĐ-TTg ngày 29 tháng 10 năm 2018 của Thủ tướng Chính phủ về “Phê duyệt Đề án "
        f"{EARLY_YEARS} giai đoạn 2018 - 2025”;",
        "Kế hoạch số 30/KH-UBND ngày 08 tháng 01 năm 2019 của Ủy ban nhân dân thị xã Hương Trà về thực hiện Đề án "
        f"{EARLY_YEARS} tỉnh Thừa Thiên Huế giai đoạn 2018 - 2025.",
    ),
    preamble=(
        f"Ủy ban nhân dân phường ban hành Kế hoạch thực hiện Đề án {EARLY_YEARS} trên địa bàn phường với các nội "
        "dung sau:"
    ),
    target_groups=("Trẻ em đến 8 tuổi.", "Các cơ quan, tổ chức, cá nhân có liên quan."),
    budget_text=(
        "Ngoài nguồn ngân sách Nhà nước, các cơ quan, ban ngành, đoàn thể tham gia hoạt động công tác trẻ em tích "
        "cực vận động kinh phí từ các tổ chức, cá nhân trong và ngoài nước tài trợ cho công tác này."
    ),
    reporting_text=(
        "Căn cứ chức năng, nhiệm vụ, tình hình thực tế của địa phương và nội dung Kế hoạch này, các cơ quan, ban "
        "ngành, các tổ dân phố có liên quan chủ động xây dựng Kế hoạch triển khai thực hiện tại đơn vị, địa phương "
        "trước ngày 20/01/2019; chậm nhất trước ngày 30/11 hàng năm báo cáo Ủy ban nhân dân phường kết quả thực hiện "
        "(qua bộ phận Lao động - Thương binh và Xã hội) để tổng hợp.\n"
        "Bộ phận Lao động - Thương binh và Xã hội phối hợp Văn phòng HĐND&UBND phường có trách nhiệm đôn đốc, báo "
        "cáo thường xuyên với Chủ tịch Ủy ban nhân dân phường về tình hình, triển khai thực hiện Kế hoạch."
    ),
    section_order=("objectives+target_groups", "tasks", "budget", "organisation", "reporting"),
    section_headings={
        "objectives+target_groups": "MỤC TIÊU, ĐỐI TƯỢNG",
        "objectives": "Mục tiêu",
        "objectives.2021-2025": "Mục tiêu cụ thể giai đoạn 2021 - 2025",  # the source's spacing
        "target_groups": "Đối tượng",
        "tasks": "NHIỆM VỤ VÀ GIẢI PHÁP THỰC HIỆN CHỦ YẾU",
        "budget": "KINH PHÍ HOẠT ĐỘNG",
        "organisation": "TỔ CHỨC THỰC HIỆN",
        "reporting": "CHẾ ĐỘ BÁO CÁO",
    },
    objectives=[
        ObjectiveSpec(
            "Bảo đảm cho trẻ em đến 8 tuổi được phát triển toàn diện về thể chất, trí tuệ, tinh thần; được bình đẳng "
            "tiếp cận với các dịch vụ hỗ trợ chăm sóc phát triển toàn diện theo độ tuổi nhằm thực hiện các quyền của "
            "trẻ em, góp phần phát triển nguồn nhân lực quốc gia.",
            kind="general",
        ),
        *_objectives(milestone_year=2020),
        *_objectives(milestone_phase=SECOND_PHASE),
    ],
    targets=[*_targets(2020), *_targets(2025)],
    tasks=[
        TaskSpec(
            "Truyền thông nâng cao nhận thức về chăm sóc phát triển toàn diện trẻ em trong những năm đầu đời cho các "
            "cấp, các ngành, cha mẹ, người chăm sóc trẻ em và cộng đồng."
        ),
        TaskSpec(
            "Nâng cao năng lực cho đội ngũ cán bộ liên quan đến công tác trẻ em của các ngành, đoàn thể các cấp, các "
            "cơ sở cung cấp dịch vụ về các kiến thức, kỹ năng liên quan đến chăm sóc phát triển toàn diện cho trẻ em "
            "những năm đầu đời."
        ),
        TaskSpec(
            "Tư vấn, hướng dẫn, giáo dục cho cha mẹ, người chăm sóc trẻ em các kiến thức kỹ năng chăm sóc phát triển "
            "toàn diện trẻ em đến 8 tuổi. Triển khai thí điểm thực hiện Chương trình tư vấn, giáo dục làm cha mẹ về "
            "chăm sóc phát triển toàn diện trẻ em những năm đầu đời trên địa bàn phường."
        ),
        TaskSpec(
            "Trẻ em đến 8 tuổi được tiếp cận với các dịch vụ chăm sóc phát triển toàn diện trẻ em phù hợp với nhu cầu "
            "phát triển và độ tuổi. Ưu tiên tư vấn, hướng dẫn việc chăm sóc trẻ em trong 1.000 ngày đầu đời và phụ nữ "
            "mang thai, hỗ trợ giáo dục sớm, chăm sóc nuôi dưỡng trong môi trường an toàn, lành mạnh, bảo đảm phúc lợi "
            "xã hội và bảo vệ khỏi xâm hại, bạo lực."
        ),
        TaskSpec(
            "Phối hợp mạng lưới kết nối chuyển tuyến dịch vụ hỗ trợ chăm sóc phát triển toàn diện trẻ em những năm "
            "đầu đời tại gia đình và cộng đồng."
        ),
        TaskSpec(
            "Theo dõi, giám sát, đánh giá về tình hình triển khai thực hiện chất lượng các dịch vụ chăm sóc phát triển "
            "toàn diện trẻ em và môi trường hỗ trợ việc tiếp cận các dịch vụ cho trẻ em."
        ),
        TaskSpec(
            "Tăng cường huy động nguồn lực từ các tổ chức, cá nhân trong nước và ngoài nước nhằm thực hiện hiệu quả "
            "công tác chăm sóc phát triển toàn diện trẻ em những năm đầu đời."
        ),
    ],
    duties=[
        DutySpec(
            agency="huongan.ldtbxh",
            intro="tham mưu, phối hợp với các cơ quan, ban ngành, đoàn thể và các địa phương tổ chức triển khai Kế "
            f"hoạch thực hiện {EARLY_YEARS} giai đoạn 2018 - 2025.",
            duties=(
                "Tổ chức các hoạt động truyền thông, nâng cao năng lực về chăm sóc phát triển toàn diện trẻ em, kết "
                "nối, lồng ghép dịch vụ chăm sóc phát triển toàn diện trẻ em; hỗ trợ trẻ em tiếp cận các dịch vụ về "
                "chăm sóc nuôi dưỡng, bảo vệ, chăm sóc trẻ em và phúc lợi xã hội. Triển khai thí điểm các mô hình kết "
                "nối dịch vụ chuyển tuyến chăm sóc phát triển toàn diện trẻ em; hướng dẫn thực hiện Chương trình tư "
                "vấn, giáo dục làm cha mẹ về chăm sóc phát triển toàn diện trẻ em những năm đầu đời trên địa bàn. Theo "
                "dõi, giám sát, đánh giá về tình hình thực hiện Kế hoạch; định kỳ tổ chức sơ kết, tổng kết, đánh giá "
                "việc thực hiện Kế hoạch, báo cáo Ủy ban nhân dân phường.",
            ),
        ),
        DutySpec(
            body_name="Các trường Mầm non, Tiểu học",
            intro="triển khai hỗ trợ giáo dục phù hợp cho trẻ em đến 8 tuổi; hỗ trợ giáo dục sớm cho trẻ em và triển "
            "khai giáo dục kỹ năng cho trẻ em trước tuổi đi học và học sinh tiểu học; hướng dẫn giáo dục phù hợp đảm "
            "bảo sự phát triển toàn diện trẻ em tại cộng đồng.",
        ),
        DutySpec(
            agency="huongan.tyt",
            intro="triển khai cung cấp các dịch vụ chăm sóc sức khỏe và dinh dưỡng đảm bảo sự phát triển toàn diện trẻ "
            "em; hướng dẫn chăm sóc sức khỏe trẻ em đảm bảo sự phát triển toàn diện trẻ em; triển khai thí điểm các "
            "mô hình theo chức năng của ngành.",
        ),
        DutySpec(
            body_name="Bộ phận Văn hóa - Thông tin",
            intro="hàng năm tham mưu triển khai các hoạt động văn hóa, thể thao phù hợp với đặc điểm của từng lứa tuổi "
            "và sự phát triển toàn diện của trẻ em; lồng ghép tuyên truyền nội dung chăm sóc phát triển toàn diện trẻ "
            "em trong xây dựng gia đình no ấm, tiến bộ, hạnh phúc và trong giáo dục đời sống gia đình; phối hợp hỗ "
            "trợ các dịch vụ liên quan đến phát triển toàn diện trẻ em trong gia đình.",
        ),
        DutySpec(
            body_name="Bộ phận Tài chính - Kế hoạch",
            intro="căn cứ khả năng cân đối ngân sách của địa phương và tiến độ thực hiện Kế hoạch, bố trí kinh phí "
            "trong dự toán Ngân sách Nhà nước hàng năm theo quy định của Luật Ngân sách Nhà nước và theo các chế độ "
            "tài chính hiện hành. Hướng dẫn, kiểm tra, thanh tra việc sử dụng kinh phí đúng mục đích.",
        ),
        DutySpec(
            body_name="Ủy ban Mặt trận Tổ quốc Việt Nam, Hội Liên hiệp phụ nữ, Hội Nông dân, Đoàn TNCS Hồ Chí Minh, "
            "công đoàn phường",
            intro=f"trong phạm vi chức năng, nhiệm vụ của mình phối hợp tham gia thực hiện Kế hoạch {EARLY_YEARS}.",
        ),
        # The source has no item 7: it goes from 6 to 8 (see docs/reference-plans.md).
        DutySpec(
            body_name="Các tổ dân phố",
            intro="Căn cứ vào Kế hoạch này và tình hình thực tế tại địa phương chủ động triển khai thực hiện Kế hoạch "
            f"{EARLY_YEARS} bảo đảm thực hiện các mục tiêu và nhiệm vụ của Kế hoạch.",
        ),
    ],
    reporting=[
        ReportingSpec(
            "Kế hoạch triển khai thực hiện tại đơn vị, địa phương",
            frequency="once",
            reporter_text=REPORTERS,
            reporter_level=3,
            # Before the plan's own date (26/02/2019): as in the source (docs/reference-plans.md). Not in `note`,
            # which the document prints.
            deadline_date=dt.date(2019, 1, 20),
        ),
        ReportingSpec(
            "Kết quả thực hiện Kế hoạch",
            frequency="yearly",
            reporter_text=REPORTERS,
            reporter_level=3,
            recipient_agency="huongan.ubnd",
            deadline_day=30,
            deadline_month=11,
            note="Gửi qua bộ phận Lao động - Thương binh và Xã hội để tổng hợp.",
        ),
        ReportingSpec(
            "Tình hình triển khai thực hiện Kế hoạch",
            frequency="ad_hoc",
            reporter_text="Bộ phận Lao động - Thương binh và Xã hội phối hợp Văn phòng HĐND&UBND phường",
            recipient_text="Chủ tịch Ủy ban nhân dân phường",
            note="Báo cáo thường xuyên; bộ phận Lao động - Thương binh và Xã hội có trách nhiệm đôn đốc.",
        ),
    ],
    recipients=(),
    signer=SignerSpec("TM.", "ỦY BAN NHÂN DÂN"),
    fixes=(
        TextFix("phát triển 4 toàn diện", "phát triển toàn diện", "số trang “4” lẫn vào câu (mục IV, khoản 8)"),
    ),
    notes=(
        "Bản sao dừng ở “Nơi nhận:” và “TM.ỦY BAN NHÂN DÂN”: không có dòng nơi nhận, chức vụ và họ tên người ký; "
        "văn bản in ra để trống các phần đó.",
        "Mục IV đánh số 1–6 rồi 8 (không có khoản 7); văn bản in ra đánh số liền 1–7.",
        "Các cơ quan có trong dữ liệu dùng thử (bộ phận LĐTBXH, trạm y tế) được liên kết: văn bản in ra dùng tên "
        "đầy đủ của cơ quan và thêm dấu hai chấm sau tên (“Trạm Y tế phường Hương An: triển khai …” thay cho “Trạm "
        "y tế triển khai …”).",
        "Trích yếu ghi “trên địa bàn thị xã” (chép từ kế hoạch của thị xã Hương Trà) — giữ nguyên.",
        "Hạn “trước ngày 20/01/2019” sớm hơn ngày ban hành 26/02/2019 — giữ nguyên như bản gốc.",
        "Căn cứ thứ hai và câu dẫn là một đoạn trong bản gốc; văn bản in ra tách thành hai đoạn.",
    ),
)
