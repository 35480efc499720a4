"""Demo data of the reporting cycle: periods, report forms for Đề án 404 and Đề án 1437 with the data elements they
collect, and submissions of the reference plans' places — accepted ones (so the roll-ups and dashboards show
something), one submitted for the approver, one returned, and drafts for the demo officers to fill.

Every target of DOMAIN.md and of the three reference plans has its numbers on a form:

- Đề án 404: groups supported (≥ 500 nationally; Đồng Nai 20, of which ≥ 80% consolidated and 20% new), managers,
  teachers and caregivers trained (80%), children under 36 months in managed groups (70%), mothers in KCN/KCX
  reached by communication (95%); the Nghị định 105/2020 support and the QĐ 2270 safety standard; the plan's
  activities (supervision, training, steering meetings, reviews).
- Đề án 1437: children up to 8 years by age band and sex, and reaching services (70% / 90%, Hương An 90%, Ninh Bình
  75% / 90%) in each service domain (health, education, nutrition, care, protection, social welfare); staff, parents
  and caregivers given knowledge (70% / 90%); provinces (50%) and facilities (Ninh Bình 70% / 100%) with a referral
  network; pilot models, parenting education, communication.

Communes fill the "xã" form (the numbers of their area); districts and provinces fill the "cấp trên" form with what
they did themselves (their trainings, meetings, supervision): the roll-ups add the communes' numbers to theirs, so
nothing is counted twice. Data elements are distinct per programme: roll-ups are kept per data element and period
id, and both programmes have a "2019".

Called from `tretho demo` (tretho/demo/load.py) inside its transaction, after the reference plans. Idempotent: a
record found by its natural key is left as it is; a submission that exists is not touched.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import ROUND_FLOOR, Decimal
from typing import Any

from tretho.demo import data

# -- plain data: breakdowns, data elements, fields ---------------------------------------------------------------

# A breakdown the standard ones (metrics.standard) lack: the six service domains of Đề án 1437.
SERVICE_DOMAINS = ("linh_vuc_dich_vu", "Lĩnh vực dịch vụ", [
    ("suc_khoe", "Chăm sóc sức khỏe"),
    ("giao_duc", "Giáo dục"),
    ("dinh_duong", "Dinh dưỡng"),
    ("cham_soc_nuoi_duong", "Chăm sóc nuôi dưỡng"),
    ("bao_ve_tre_em", "Bảo vệ trẻ em"),
    ("phuc_loi_xa_hoi", "Phúc lợi xã hội"),
])


@dataclass(frozen=True)
class ElementSpec:
    code: str
    name: str
    unit_of_measure: str
    breakdowns: tuple[str, ...] = ()
    value_type: str = "number"  # metrics.choices.ValueType


# Rules that make a deterministic demo value (per unit, period and field), evaluated in dependency order:
#   ("range", lo, hi)            a whole number in [lo, hi]
#   ("share", key, lo, hi)       floor(value of field `key` × a fraction in [lo, hi])
#   ("rest", key, *minus)        value of `key` minus the values of `minus`
#   ("sum", *keys)               the sum of those fields
#   ("linear", (key, coef), …)   Σ value × coefficient (money)
Rule = tuple[Any, ...]


@dataclass(frozen=True)
class FieldSpec:
    key: str  # unique within the programme; `part_of` and rules refer to it
    element: str  # data element code
    label: str
    section: str
    options: tuple[tuple[str, str], ...] = ()  # (breakdown code, option code); () is the total
    levels: str = "3"  # which forms carry it: "3" the commune form, "1"/"2" the upper-level form
    part_of: str = ""  # key of the field this one must not exceed
    required: bool = False
    min_value: Decimal | None = Decimal(0)
    max_value: Decimal | None = None
    prefill: tuple[str, ...] = ()  # computed metric codes that may pre-fill it (the first one registered wins)
    since: int = 0  # no demo value before this year (Nghị định 105/2020 support)
    demo: Rule = ("range", 0, 0)  # the commune value
    upper_demo: Rule = ("range", 0, 0)  # a district's or province's own value

    @property
    def option_key(self) -> str:
        return ";".join(f"{code}={option}" for code, option in sorted(self.options))


@dataclass(frozen=True)
class IndicatorFormula:
    """An indicator of the reference plans created without numbers (tretho.demo.plans_programmes): its metrics."""

    code: str
    numerator: str
    denominator: str


@dataclass(frozen=True)
class FormSpec:
    code: str
    name: str
    levels: str
    description: str


@dataclass(frozen=True)
class ProgrammeForms:
    programme: str  # Programme.code
    elements: list[ElementSpec]
    fields: list[FieldSpec]
    commune_form: FormSpec
    upper_form: FormSpec
    formulas: list[IndicatorFormula] = field(default_factory=list)


def _f(key: str, element: str, label: str, section: str, **kwargs: Any) -> FieldSpec:
    return FieldSpec(key, element, label, section, **kwargs)


SEX_M, SEX_F = ("gioi_tinh", "nam"), ("gioi_tinh", "nu")
U36, AGE_3_5, AGE_6_8 = ("nhom_tuoi", "duoi_36_thang"), ("nhom_tuoi", "3_5_tuoi"), ("nhom_tuoi", "6_8_tuoi")


def _who(option: str) -> tuple[str, str]:
    return ("doi_tuong", option)


# Computed metrics of the childcare registry (tretho/registry/metrics.py) that pre-fill a field; the demo links a
# field to the first code registered at load time, and later runs link fields whose metric has appeared since.
PREFILL_GROUPS = ("so_nhom_tre_hoat_dong",)
PREFILL_GROUPS_LICENSED = ("so_nhom_tre_duoc_cap_phep",)
PREFILL_GROUPS_CONSOLIDATED = ("so_nhom_tre_kien_toan",)
PREFILL_GROUPS_NEW = ("so_nhom_tre_thanh_lap_moi",)
PREFILL_GROUPS_SAFE = ("so_nhom_tre_dat_tat_ca_tieu_chi",)
PREFILL_SUPERVISED = ("so_nhom_tre_duoc_giam_sat",)
PREFILL_U36_IN_GROUPS = ("so_tre_duoi_36_thang_theo_hoc",)
PREFILL_STAFF = ("so_nguoi_cham_soc_tre",)
PREFILL_STAFF_TRAINED = ("so_nguoi_cham_soc_tre_tap_huan",)

S404 = {
    "groups": "I. Nhóm trẻ độc lập tư thục",
    "u36": "II. Trẻ em dưới 36 tháng tuổi",
    "staff": "III. Người quản lý, giáo viên, bảo mẫu",
    "comm": "IV. Truyền thông",
    "training": "V. Tập huấn, bồi dưỡng",
    "nd105": "VI. Hỗ trợ theo Nghị định 105/2020/NĐ-CP",
    "steering": "VII. Chỉ đạo, điều hành",
}

DE_AN_404 = ProgrammeForms(
    programme="404",
    elements=[
        ElementSpec("nhom_tre_dltt_dia_ban", "Số nhóm trẻ độc lập tư thục trên địa bàn", "nhóm"),
        ElementSpec("nhom_tre_dltt_duoc_cap_phep", "Số nhóm trẻ độc lập tư thục được cấp phép hoạt động", "nhóm"),
        ElementSpec("nhom_tre_duoc_ho_tro", "Số nhóm trẻ độc lập tư thục được hỗ trợ", "nhóm"),
        ElementSpec("nhom_tre_duoc_ho_tro_kien_toan", "Số nhóm trẻ được hỗ trợ kiện toàn", "nhóm"),
        ElementSpec("nhom_tre_duoc_ho_tro_phat_trien_moi", "Số nhóm trẻ được hỗ trợ thành lập mới", "nhóm"),
        ElementSpec("nhom_tre_dat_chuan_an_toan",
                    "Số nhóm trẻ đạt tiêu chuẩn an toàn (cơ sở vật chất, phòng cháy, vệ sinh)", "nhóm"),
        ElementSpec("nhom_tre_duoc_giam_sat_trong_ky", "Số nhóm trẻ được giám sát trong kỳ", "nhóm"),
        ElementSpec("luot_giam_sat_nhom_tre_404", "Số lượt giám sát nhóm trẻ", "lượt"),
        ElementSpec("tre_dang_gui_tai_nhom_tre", "Số trẻ đang được chăm sóc tại các nhóm trẻ", "trẻ"),
        ElementSpec("tre_duoi_36_thang_dia_ban", "Số trẻ dưới 36 tháng trên địa bàn Đề án", "trẻ", ("gioi_tinh",)),
        ElementSpec("tre_duoi_36_thang_o_nhom_duoc_quan_ly", "Số trẻ dưới 36 tháng ở nhóm trẻ được quản lý", "trẻ",
                    ("gioi_tinh",)),
        ElementSpec("nguoi_cham_soc_nhom_tre", "Số người quản lý, giáo viên, bảo mẫu của nhóm trẻ", "người",
                    ("doi_tuong",)),
        ElementSpec("nguoi_cham_soc_duoc_boi_duong", "Số người quản lý, giáo viên, bảo mẫu được bồi dưỡng", "người",
                    ("doi_tuong",)),
        ElementSpec("ba_me_kcn", "Số bà mẹ ở KCN, KCX có con dưới 36 tháng", "người"),
        ElementSpec("ba_me_kcn_duoc_truyen_thong", "Số bà mẹ ở KCN, KCX được truyền thông", "người"),
        ElementSpec("cuoc_truyen_thong_404", "Số cuộc truyền thông, tư vấn cho cha mẹ, công nhân (Đề án 404)",
                    "cuộc"),
        ElementSpec("lop_tap_huan_404", "Số lớp tập huấn, bồi dưỡng (Đề án 404)", "lớp"),
        ElementSpec("luot_nguoi_tap_huan_404", "Số lượt người được tập huấn (Đề án 404)", "lượt người",
                    ("doi_tuong",)),
        ElementSpec("nhom_tre_ho_tro_ban_dau_nd105", "Số nhóm trẻ được hỗ trợ kinh phí một lần (Nghị định 105)",
                    "nhóm"),
        ElementSpec("tre_duoc_ho_tro_nd105", "Số trẻ em được hỗ trợ (Nghị định 105)", "trẻ"),
        ElementSpec("giao_vien_duoc_ho_tro_nd105", "Số giáo viên được hỗ trợ (Nghị định 105)", "người"),
        ElementSpec("kinh_phi_ho_tro_nd105", "Kinh phí hỗ trợ theo Nghị định 105", "đồng", value_type="money"),
        ElementSpec("cuoc_hop_ban_chi_dao_404", "Số cuộc họp Ban Chỉ đạo, Ban Điều hành (Đề án 404)", "cuộc"),
        ElementSpec("hoi_nghi_so_ket_tong_ket_404", "Số hội nghị sơ kết, tổng kết (Đề án 404)", "hội nghị"),
        ElementSpec("khen_thuong_404", "Số tập thể, cá nhân được khen thưởng (Đề án 404)", "tập thể, cá nhân"),
    ],
    fields=[
        _f("groups", "nhom_tre_dltt_dia_ban", "Tổng số nhóm trẻ độc lập tư thục trên địa bàn", S404["groups"],
           required=True, prefill=PREFILL_GROUPS, demo=("range", 8, 30)),
        _f("licensed", "nhom_tre_dltt_duoc_cap_phep", "trong đó: được cấp phép hoạt động", S404["groups"],
           part_of="groups", prefill=PREFILL_GROUPS_LICENSED, demo=("share", "groups", 0.6, 0.95)),
        _f("supported", "nhom_tre_duoc_ho_tro", "Số nhóm trẻ được hỗ trợ kiện toàn, phát triển mới", S404["groups"],
           part_of="groups", required=True, demo=("share", "groups", 0.3, 0.7)),
        _f("consolidated", "nhom_tre_duoc_ho_tro_kien_toan", "trong đó: được hỗ trợ kiện toàn", S404["groups"],
           part_of="supported", prefill=PREFILL_GROUPS_CONSOLIDATED, demo=("share", "supported", 0.75, 0.9)),
        _f("new", "nhom_tre_duoc_ho_tro_phat_trien_moi", "trong đó: thành lập mới", S404["groups"],
           part_of="supported", prefill=PREFILL_GROUPS_NEW, demo=("rest", "supported", "consolidated")),
        _f("safe", "nhom_tre_dat_chuan_an_toan", "Số nhóm trẻ đạt tiêu chuẩn an toàn", S404["groups"],
           part_of="groups", prefill=PREFILL_GROUPS_SAFE, demo=("share", "groups", 0.5, 0.9)),
        _f("supervised", "nhom_tre_duoc_giam_sat_trong_ky", "Số nhóm trẻ được giám sát trong kỳ", S404["groups"],
           part_of="groups", prefill=PREFILL_SUPERVISED, demo=("share", "groups", 0.4, 0.9)),
        _f("visits", "luot_giam_sat_nhom_tre_404", "Số lượt giám sát nhóm trẻ", S404["groups"], levels="123",
           demo=("range", 5, 40), upper_demo=("range", 2, 10)),
        _f("in_groups", "tre_dang_gui_tai_nhom_tre", "Số trẻ đang được chăm sóc tại các nhóm trẻ", S404["groups"],
           demo=("range", 150, 600)),
        # II. children under 36 months
        _f("u36", "tre_duoi_36_thang_dia_ban", "Tổng số trẻ dưới 36 tháng tuổi trên địa bàn Đề án", S404["u36"],
           required=True, demo=("range", 400, 1400)),
        _f("u36_m", "tre_duoi_36_thang_dia_ban", "– trẻ trai", S404["u36"], options=(SEX_M,), part_of="u36",
           demo=("share", "u36", 0.49, 0.53)),
        _f("u36_f", "tre_duoi_36_thang_dia_ban", "– trẻ gái", S404["u36"], options=(SEX_F,), part_of="u36",
           demo=("rest", "u36", "u36_m")),
        _f("u36_managed", "tre_duoi_36_thang_o_nhom_duoc_quan_ly",
           "Số trẻ dưới 36 tháng được gửi ở nhóm trẻ được quản lý, bảo đảm chất lượng", S404["u36"],
           part_of="u36", required=True, prefill=PREFILL_U36_IN_GROUPS, demo=("share", "u36", 0.5, 0.85)),
        _f("u36_managed_m", "tre_duoi_36_thang_o_nhom_duoc_quan_ly", "– trẻ trai", S404["u36"], options=(SEX_M,),
           part_of="u36_managed", demo=("share", "u36_managed", 0.48, 0.54)),
        _f("u36_managed_f", "tre_duoi_36_thang_o_nhom_duoc_quan_ly", "– trẻ gái", S404["u36"], options=(SEX_F,),
           part_of="u36_managed", demo=("rest", "u36_managed", "u36_managed_m")),
        # III. staff
        _f("staff", "nguoi_cham_soc_nhom_tre", "Tổng số người quản lý, giáo viên, bảo mẫu của các nhóm trẻ",
           S404["staff"], required=True, prefill=PREFILL_STAFF, demo=("sum", "staff_owner", "staff_teacher",
                                                                       "staff_carer")),
        _f("staff_owner", "nguoi_cham_soc_nhom_tre", "– chủ nhóm, người quản lý", S404["staff"],
           options=(_who("chu_nhom"),), part_of="staff", demo=("share", "groups", 1.0, 1.0)),
        _f("staff_teacher", "nguoi_cham_soc_nhom_tre", "– giáo viên", S404["staff"], options=(_who("giao_vien"),),
           part_of="staff", demo=("share", "groups", 1.0, 1.6)),
        _f("staff_carer", "nguoi_cham_soc_nhom_tre", "– bảo mẫu, người chăm sóc trẻ", S404["staff"],
           options=(_who("bao_mau"),), part_of="staff", demo=("share", "groups", 0.8, 1.5)),
        _f("trained", "nguoi_cham_soc_duoc_boi_duong",
           "Số người quản lý, giáo viên, bảo mẫu được bồi dưỡng kỹ năng, đạo đức nghề nghiệp", S404["staff"],
           part_of="staff", required=True, prefill=PREFILL_STAFF_TRAINED,
           demo=("sum", "trained_owner", "trained_teacher", "trained_carer")),
        _f("trained_owner", "nguoi_cham_soc_duoc_boi_duong", "– chủ nhóm, người quản lý", S404["staff"],
           options=(_who("chu_nhom"),), part_of="trained", demo=("share", "staff_owner", 0.7, 1.0)),
        _f("trained_teacher", "nguoi_cham_soc_duoc_boi_duong", "– giáo viên", S404["staff"],
           options=(_who("giao_vien"),), part_of="trained", demo=("share", "staff_teacher", 0.6, 0.95)),
        _f("trained_carer", "nguoi_cham_soc_duoc_boi_duong", "– bảo mẫu, người chăm sóc trẻ", S404["staff"],
           options=(_who("bao_mau"),), part_of="trained", demo=("share", "staff_carer", 0.5, 0.9)),
        # IV. communication
        _f("mothers", "ba_me_kcn", "Số bà mẹ ở khu công nghiệp, khu chế xuất có con dưới 36 tháng", S404["comm"],
           required=True, demo=("range", 300, 1200)),
        _f("mothers_reached", "ba_me_kcn_duoc_truyen_thong",
           "Số bà mẹ được tiếp cận thông tin truyền thông về chăm sóc, giáo dục trẻ", S404["comm"],
           part_of="mothers", required=True, demo=("share", "mothers", 0.7, 0.98)),
        _f("comm_events", "cuoc_truyen_thong_404", "Số cuộc truyền thông, tư vấn cho cha mẹ, công nhân",
           S404["comm"], levels="123", demo=("range", 4, 20), upper_demo=("range", 2, 8)),
        # V. training
        _f("courses", "lop_tap_huan_404", "Số lớp tập huấn, bồi dưỡng đã tổ chức", S404["training"], levels="123",
           demo=("range", 1, 4), upper_demo=("range", 1, 5)),
        _f("trainees", "luot_nguoi_tap_huan_404", "Tổng số lượt người được tập huấn", S404["training"],
           levels="123", demo=("sum", "trainees_cadre", "trainees_communicator", "trainees_parent", "trainees_owner"),
           upper_demo=("sum", "trainees_cadre", "trainees_communicator", "trainees_parent", "trainees_owner")),
        _f("trainees_cadre", "luot_nguoi_tap_huan_404", "– cán bộ Hội cơ sở, cán bộ làm công tác trẻ em",
           S404["training"], options=(_who("can_bo"),), part_of="trainees", levels="123", demo=("range", 3, 10),
           upper_demo=("range", 10, 40)),
        _f("trainees_communicator", "luot_nguoi_tap_huan_404", "– tuyên truyền viên", S404["training"],
           options=(_who("tuyen_truyen_vien"),), part_of="trainees", levels="123", demo=("range", 5, 20),
           upper_demo=("range", 10, 30)),
        _f("trainees_parent", "luot_nguoi_tap_huan_404", "– cha mẹ có con từ 0 đến 36 tháng tuổi", S404["training"],
           options=(_who("cha_me"),), part_of="trainees", levels="123", demo=("range", 20, 80),
           upper_demo=("range", 0, 20)),
        _f("trainees_owner", "luot_nguoi_tap_huan_404", "– chủ nhóm, người quản lý nhóm trẻ", S404["training"],
           options=(_who("chu_nhom"),), part_of="trainees", levels="123", demo=("range", 5, 20),
           upper_demo=("range", 5, 30)),
        # VI. Nghị định 105/2020 (from the 2020–2021 school year)
        _f("nd105_groups", "nhom_tre_ho_tro_ban_dau_nd105",
           "Số nhóm trẻ được hỗ trợ kinh phí một lần (ít nhất 20 triệu đồng/nhóm)", S404["nd105"], part_of="groups",
           since=2020, demo=("share", "groups", 0.05, 0.3)),
        _f("nd105_children", "tre_duoc_ho_tro_nd105", "Số trẻ em được hỗ trợ (ít nhất 160.000 đồng/trẻ/tháng)",
           S404["nd105"], part_of="in_groups", since=2020, demo=("share", "in_groups", 0.1, 0.4)),
        _f("nd105_teachers", "giao_vien_duoc_ho_tro_nd105",
           "Số giáo viên được hỗ trợ (ít nhất 800.000 đồng/người/tháng)", S404["nd105"], part_of="staff", since=2020,
           demo=("share", "staff_teacher", 0.3, 0.8)),
        _f("nd105_money", "kinh_phi_ho_tro_nd105", "Tổng kinh phí hỗ trợ đã chi trả (đồng)", S404["nd105"],
           since=2020,
           demo=("linear", ("nd105_groups", 20_000_000), ("nd105_children", 1_440_000),
                 ("nd105_teachers", 7_200_000))),
        # VII. steering
        _f("meetings", "cuoc_hop_ban_chi_dao_404", "Số cuộc họp Ban Chỉ đạo, Ban Điều hành Đề án",
           S404["steering"], levels="123", demo=("range", 1, 4), upper_demo=("range", 2, 4)),
        _f("reviews", "hoi_nghi_so_ket_tong_ket_404", "Số hội nghị sơ kết, tổng kết thực hiện Đề án",
           S404["steering"], levels="12", upper_demo=("range", 0, 1)),
        _f("commendations", "khen_thuong_404", "Số tập thể, cá nhân được khen thưởng", S404["steering"],
           levels="123", demo=("range", 0, 5), upper_demo=("range", 0, 8)),
    ],
    commune_form=FormSpec(
        "bc-404-xa", "Báo cáo kết quả thực hiện Đề án 404 (cấp xã)", "3",
        "Số liệu của địa bàn xã, phường: nhóm trẻ, trẻ em dưới 36 tháng, người chăm sóc trẻ, bà mẹ ở KCN, KCX và "
        "các hoạt động xã, phường đã tổ chức. Các ô có dấu ⟳ được điền sẵn từ sổ theo dõi nhóm trẻ."),
    upper_form=FormSpec(
        "bc-404-cap-tren", "Báo cáo kết quả thực hiện Đề án 404 (cấp huyện, tỉnh)", "12",
        "Hoạt động do cấp huyện, tỉnh trực tiếp tổ chức. Số liệu của các xã, phường được cộng tự động khi báo cáo "
        "của xã được duyệt, không nhập lại."),
    formulas=[
        IndicatorFormula("ty_le_kien_toan", "nhom_tre_duoc_ho_tro_kien_toan", "nhom_tre_duoc_ho_tro"),
        IndicatorFormula("ty_le_phat_trien_moi", "nhom_tre_duoc_ho_tro_phat_trien_moi", "nhom_tre_duoc_ho_tro"),
    ],
)

S1437 = {
    "children": "I. Trẻ em đến 8 tuổi trên địa bàn",
    "services": "II. Trẻ em được tiếp cận dịch vụ chăm sóc phát triển toàn diện",
    "capacity": "III. Cung cấp kiến thức, kỹ năng",
    "network": "IV. Mạng lưới kết nối, chuyển tuyến",
    "steering": "V. Chỉ đạo, điều hành",
}
DOMAINS = SERVICE_DOMAINS[2]
# Share of children reaching services who reach each domain (demo values).
DOMAIN_SHARES = {"suc_khoe": (0.9, 1.0), "giao_duc": (0.65, 0.95), "dinh_duong": (0.75, 0.98),
                 "cham_soc_nuoi_duong": (0.6, 0.9), "bao_ve_tre_em": (0.3, 0.7), "phuc_loi_xa_hoi": (0.05, 0.2)}
AGES = ((U36, "dưới 36 tháng tuổi"), (AGE_3_5, "từ 3 đến 5 tuổi"), (AGE_6_8, "từ 6 đến 8 tuổi"))
PEOPLE = (("can_bo", "cán bộ làm công tác liên quan đến trẻ em", (20, 60)),
          ("giao_vien", "giáo viên, cán bộ quản lý cơ sở giáo dục", (20, 80)),
          ("bao_mau", "người chăm sóc trẻ tại cơ sở nuôi dưỡng", (5, 30)),
          ("cha_me", "cha mẹ, người chăm sóc trẻ tại gia đình", (800, 2500)))

DE_AN_1437 = ProgrammeForms(
    programme="1437",
    elements=[
        ElementSpec("tre_den_8_tuoi", "Số trẻ em đến 8 tuổi", "trẻ", ("gioi_tinh", "nhom_tuoi")),
        ElementSpec("tre_8_tuoi_tiep_can_dich_vu", "Số trẻ em đến 8 tuổi được tiếp cận dịch vụ", "trẻ",
                    ("gioi_tinh", "nhom_tuoi")),
        ElementSpec("tre_tiep_can_dich_vu_theo_linh_vuc", "Số trẻ em đến 8 tuổi được tiếp cận dịch vụ theo lĩnh vực",
                    "trẻ", ("linh_vuc_dich_vu",)),
        ElementSpec("tre_duoc_theo_doi_danh_gia_nhu_cau", "Số trẻ em đến 8 tuổi được theo dõi, đánh giá nhu cầu",
                    "trẻ"),
        ElementSpec("can_bo_cha_me_nguoi_cham_soc", "Số cán bộ, cha mẹ, người chăm sóc trẻ em", "người",
                    ("doi_tuong",)),
        ElementSpec("nguoi_duoc_cung_cap_kien_thuc", "Số cán bộ, cha mẹ, người chăm sóc được cung cấp kiến thức",
                    "người", ("doi_tuong",)),
        ElementSpec("buoi_tu_van_lam_cha_me_1437", "Số buổi tư vấn, giáo dục làm cha mẹ (Đề án 1437)", "buổi"),
        ElementSpec("cuoc_truyen_thong_1437", "Số cuộc truyền thông về chăm sóc phát triển toàn diện trẻ em", "cuộc"),
        ElementSpec("co_so_giao_duc_nuoi_duong", "Số cơ sở giáo dục, cơ sở nuôi dưỡng trẻ em", "cơ sở"),
        ElementSpec("co_so_co_mang_luoi_chuyen_tuyen",
                    "Số cơ sở giáo dục, cơ sở nuôi dưỡng trẻ em có mạng lưới kết nối, chuyển tuyến", "cơ sở"),
        ElementSpec("mo_hinh_thi_diem_1437",
                    "Số mô hình thí điểm chăm sóc phát triển toàn diện trẻ em tại gia đình, cộng đồng", "mô hình"),
        ElementSpec("tinh_co_mang_luoi_chuyen_tuyen", "Số tỉnh có mạng lưới kết nối, chuyển tuyến", "tỉnh"),
        ElementSpec("cuoc_hop_ban_chi_dao_1437", "Số cuộc họp Ban Chỉ đạo (Đề án 1437)", "cuộc"),
        ElementSpec("hoi_nghi_so_ket_tong_ket_1437", "Số hội nghị sơ kết, tổng kết (Đề án 1437)", "hội nghị"),
    ],
    fields=[
        _f("kids", "tre_den_8_tuoi", "Tổng số trẻ em đến 8 tuổi trên địa bàn", S1437["children"], required=True,
           demo=("sum", "kids_u36", "kids_3_5", "kids_6_8")),
        *[_f(f"kids_{n}", "tre_den_8_tuoi", f"– {label}", S1437["children"], options=(option,), part_of="kids",
             demo=("range", *span))
          for n, (option, label), span in zip(("u36", "3_5", "6_8"), AGES, ((300, 1200), (300, 1000), (300, 1000)),
                                               strict=True)],
        _f("kids_m", "tre_den_8_tuoi", "– trẻ trai", S1437["children"], options=(SEX_M,), part_of="kids",
           demo=("share", "kids", 0.49, 0.53)),
        _f("kids_f", "tre_den_8_tuoi", "– trẻ gái", S1437["children"], options=(SEX_F,), part_of="kids",
           demo=("rest", "kids", "kids_m")),
        _f("reach", "tre_8_tuoi_tiep_can_dich_vu",
           "Số trẻ em đến 8 tuổi được tiếp cận các dịch vụ hỗ trợ chăm sóc phát triển toàn diện", S1437["services"],
           part_of="kids", required=True, demo=("sum", "reach_u36", "reach_3_5", "reach_6_8")),
        *[_f(f"reach_{n}", "tre_8_tuoi_tiep_can_dich_vu", f"– {label}", S1437["services"], options=(option,),
             part_of="reach", demo=("share", f"kids_{n}", 0.7, 0.97))
          for n, (option, label) in zip(("u36", "3_5", "6_8"), AGES, strict=True)],
        _f("reach_m", "tre_8_tuoi_tiep_can_dich_vu", "– trẻ trai", S1437["services"], options=(SEX_M,),
           part_of="reach", demo=("share", "reach", 0.49, 0.53)),
        _f("reach_f", "tre_8_tuoi_tiep_can_dich_vu", "– trẻ gái", S1437["services"], options=(SEX_F,),
           part_of="reach", demo=("rest", "reach", "reach_m")),
        *[_f(f"domain_{code}", "tre_tiep_can_dich_vu_theo_linh_vuc", f"Được tiếp cận dịch vụ: {name.lower()}",
             S1437["services"], options=(("linh_vuc_dich_vu", code),), part_of="reach",
             demo=("share", "reach", *DOMAIN_SHARES[code]))
          for code, name in DOMAINS],
        _f("assessed", "tre_duoc_theo_doi_danh_gia_nhu_cau", "Số trẻ em được theo dõi, đánh giá nhu cầu",
           S1437["services"], part_of="kids", demo=("share", "kids", 0.3, 0.8)),
        _f("people", "can_bo_cha_me_nguoi_cham_soc", "Tổng số cán bộ, cha mẹ, người chăm sóc trẻ em",
           S1437["capacity"], required=True, demo=("sum", *(f"people_{code}" for code, _l, _s in PEOPLE))),
        *[_f(f"people_{code}", "can_bo_cha_me_nguoi_cham_soc", f"– {label}", S1437["capacity"],
             options=(_who(code),), part_of="people", demo=("range", *span)) for code, label, span in PEOPLE],
        _f("informed", "nguoi_duoc_cung_cap_kien_thuc",
           "Số cán bộ, cha mẹ, người chăm sóc được cung cấp kiến thức, kỹ năng chăm sóc phát triển toàn diện trẻ em",
           S1437["capacity"], part_of="people", required=True,
           demo=("sum", *(f"informed_{code}" for code, _l, _s in PEOPLE))),
        *[_f(f"informed_{code}", "nguoi_duoc_cung_cap_kien_thuc", f"– {label}", S1437["capacity"],
             options=(_who(code),), part_of="informed", demo=("share", f"people_{code}", 0.6, 0.95))
          for code, label, _span in PEOPLE],
        _f("parenting", "buoi_tu_van_lam_cha_me_1437", "Số buổi tư vấn, giáo dục làm cha mẹ", S1437["capacity"],
           levels="123", demo=("range", 4, 24), upper_demo=("range", 0, 4)),
        _f("comm_1437", "cuoc_truyen_thong_1437", "Số cuộc truyền thông về chăm sóc phát triển toàn diện trẻ em",
           S1437["capacity"], levels="123", demo=("range", 3, 15), upper_demo=("range", 2, 10)),
        _f("facilities", "co_so_giao_duc_nuoi_duong", "Số cơ sở giáo dục, cơ sở nuôi dưỡng trẻ em trên địa bàn",
           S1437["network"], demo=("range", 3, 12)),
        _f("facilities_net", "co_so_co_mang_luoi_chuyen_tuyen",
           "Số cơ sở xây dựng được mạng lưới kết nối và chuyển tuyến các dịch vụ chăm sóc phát triển toàn diện trẻ em",
           S1437["network"], part_of="facilities", demo=("share", "facilities", 0.5, 1.0)),
        _f("pilots", "mo_hinh_thi_diem_1437",
           "Số mô hình thí điểm chăm sóc phát triển toàn diện trẻ em tại gia đình và cộng đồng", S1437["network"],
           levels="123", demo=("range", 0, 2), upper_demo=("range", 0, 1)),
        _f("province_net", "tinh_co_mang_luoi_chuyen_tuyen",
           "(Cấp tỉnh) Tỉnh đã xây dựng mạng lưới kết nối, chuyển tuyến các dịch vụ (1 = có, 0 = chưa)",
           S1437["network"], levels="1", max_value=Decimal(1), upper_demo=("range", 0, 1)),
        _f("meetings_1437", "cuoc_hop_ban_chi_dao_1437", "Số cuộc họp Ban Chỉ đạo", S1437["steering"], levels="123",
           demo=("range", 1, 4), upper_demo=("range", 2, 4)),
        _f("reviews_1437", "hoi_nghi_so_ket_tong_ket_1437", "Số hội nghị sơ kết, tổng kết thực hiện Kế hoạch",
           S1437["steering"], levels="12", upper_demo=("range", 0, 1)),
    ],
    commune_form=FormSpec(
        "bc-1437-xa", "Báo cáo kết quả thực hiện Đề án 1437 (cấp xã)", "3",
        "Số liệu của địa bàn xã, phường: trẻ em đến 8 tuổi theo nhóm tuổi, giới tính và lĩnh vực dịch vụ; người được "
        "cung cấp kiến thức; mạng lưới kết nối, chuyển tuyến; các hoạt động xã, phường đã tổ chức."),
    upper_form=FormSpec(
        "bc-1437-cap-tren", "Báo cáo kết quả thực hiện Đề án 1437 (cấp huyện, tỉnh)", "12",
        "Hoạt động do cấp huyện, tỉnh trực tiếp tổ chức; cấp tỉnh báo cáo thêm mạng lưới kết nối, chuyển tuyến của "
        "tỉnh. Số liệu của các xã, phường được cộng tự động khi báo cáo của xã được duyệt."),
    formulas=[IndicatorFormula("ty_le_co_so_mang_luoi", "co_so_co_mang_luoi_chuyen_tuyen",
                               "co_so_giao_duc_nuoi_duong")],
)

PROGRAMME_FORMS = [DE_AN_404, DE_AN_1437]


def form_fields(spec: ProgrammeForms, upper: bool) -> list[FieldSpec]:
    """The fields of the commune form, or of the upper-level (district, province) form, in form order."""
    return [f for f in spec.fields if (("1" in f.levels or "2" in f.levels) if upper else "3" in f.levels)]


# -- periods -----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodSpec:
    programme: str
    period_id: str
    start: dt.date
    end: dt.date
    deadlines: dict[int, dt.date]  # level → deadline


def _year_404(year: int) -> PeriodSpec:
    # Đồng Nai's plan names no deadline: the example, communes by 20/11, then districts and the province.
    return PeriodSpec("404", str(year), dt.date(year, 1, 1), dt.date(year, 12, 31),
                      {3: dt.date(year, 11, 20), 2: dt.date(year, 11, 30), 1: dt.date(year, 12, 10)})


def _year_1437(year: int) -> PeriodSpec:
    # Nghị định 09/2019: the reporting year runs from 15/12 to 14/12. Communes by 30/11 (Hương An's plan).
    return PeriodSpec("1437", str(year), dt.date(year - 1, 12, 15), dt.date(year, 12, 14),
                      {3: dt.date(year, 11, 30), 2: dt.date(year, 12, 5), 1: dt.date(year, 12, 10)})


PERIODS = [*(_year_404(year) for year in range(2017, 2021)), *(_year_1437(year) for year in range(2019, 2026))]


# -- submissions -------------------------------------------------------------------------------------------------

ACCEPTED, SUBMITTED, RETURNED, DRAFT = "accepted", "submitted", "returned", "draft"


@dataclass(frozen=True)
class SubmissionSpec:
    programme: str
    period_id: str
    unit: data.UnitRef
    status: str  # the state the demo leaves it in
    upper: bool = False  # the district/province form
    return_comment: str = ""


DN_COMMUNES = [data.LONG_BINH_OLD, data.HOA_AN_OLD, data.AN_BINH, data.LONG_BINH_TAN, data.TAM_PHUOC]
NB_COMMUNES = [data.DONG_THANH, data.NINH_PHUC, data.KHANH_PHU]
HUE_COMMUNES = [data.HUONG_AN_OLD, data.TU_HA]
RETURN_COMMENT = ("Số trẻ dưới 36 tháng chưa khớp với số liệu của trạm y tế phường, đề nghị rà soát lại và gửi lại "
                  "trước ngày 25/11.")


def _submissions() -> list[SubmissionSpec]:
    rows: list[SubmissionSpec] = []
    # Đề án 404, Đồng Nai: 2017–2019 accepted up to the province; 2020 in progress in Biên Hòa.
    for year in (2017, 2018, 2019):
        rows += [SubmissionSpec("404", str(year), unit, ACCEPTED) for unit in [*DN_COMMUNES, data.HO_NAI_3]]
        rows += [SubmissionSpec("404", str(year), unit, ACCEPTED, upper=True)
                 for unit in (data.BIEN_HOA, data.TRANG_BOM, data.DONG_NAI_OLD)]
    rows += [
        SubmissionSpec("404", "2020", data.LONG_BINH_OLD, DRAFT),  # for demo.longbinh.officer
        SubmissionSpec("404", "2020", data.HOA_AN_OLD, SUBMITTED),  # for demo.bienhoa.approver
        SubmissionSpec("404", "2020", data.AN_BINH, RETURNED, return_comment=RETURN_COMMENT),
        SubmissionSpec("404", "2020", data.LONG_BINH_TAN, ACCEPTED),
        SubmissionSpec("404", "2020", data.TAM_PHUOC, ACCEPTED),
        SubmissionSpec("404", "2020", data.HO_NAI_3, ACCEPTED),
    ]
    # Đề án 1437, Huế and Ninh Bình: 2021–2024 accepted up to the province (pre-reform, through the districts).
    for year in (2021, 2022, 2023, 2024):
        rows += [SubmissionSpec("1437", str(year), unit, ACCEPTED) for unit in [*HUE_COMMUNES, *NB_COMMUNES]]
        rows += [SubmissionSpec("1437", str(year), unit, ACCEPTED, upper=True)
                 for unit in (data.HUE_OLD, data.NINH_BINH_OLD)]
    # 2025 (after the reform): the new phường Long Bình reports straight to the new province.
    rows += [SubmissionSpec("1437", "2025", data.LONG_BINH_NEW, DRAFT),  # for demo.longbinh2025.officer
             SubmissionSpec("1437", "2025", data.NINH_BINH_NEW, SUBMITTED, upper=True)]
    return rows


SUBMISSIONS = _submissions()

NARRATIVES = {
    "404": {
        "results_text": "Phối hợp ngành giáo dục rà soát, hỗ trợ kiện toàn các nhóm trẻ độc lập tư thục; tổ chức "
                        "tập huấn cho chủ nhóm, bảo mẫu và truyền thông cho bà mẹ công nhân tại khu nhà trọ.",
        "difficulties_text": "Nhiều nhóm trẻ thuê nhà trọ, cơ sở vật chất chưa bảo đảm; bảo mẫu thay đổi thường "
                             "xuyên nên khó duy trì tỷ lệ được bồi dưỡng.",
        "proposals_text": "Đề nghị cấp trên bố trí kinh phí hỗ trợ một lần cho các nhóm trẻ mới thành lập và mở thêm "
                          "lớp bồi dưỡng cho bảo mẫu vào cuối tuần.",
        "next_tasks_text": "Tiếp tục giám sát các nhóm trẻ, vận động bà mẹ gửi con ở nhóm trẻ được quản lý.",
    },
    "1437": {
        "results_text": "Triển khai kết nối dịch vụ y tế, giáo dục, bảo vệ trẻ em tại cộng đồng; tổ chức các buổi "
                        "tư vấn, giáo dục làm cha mẹ tại các tổ dân phố.",
        "difficulties_text": "Chưa có hướng dẫn thống nhất về theo dõi, đánh giá nhu cầu của trẻ em; kinh phí còn "
                             "hạn chế.",
        "proposals_text": "Đề nghị tập huấn cho cán bộ các ngành về chuyển tuyến dịch vụ và bổ sung tài liệu "
                          "truyền thông.",
        "next_tasks_text": "Duy trì mạng lưới kết nối, chuyển tuyến; nhân rộng mô hình chăm sóc phát triển toàn diện "
                           "trẻ em tại gia đình.",
    },
}


# -- deterministic demo values -----------------------------------------------------------------------------------


def _fraction(*parts: str) -> float:
    """A stable number in [0, 1) from the parts (not random: the demo gives the same values every run)."""
    digest = hashlib.sha256("|".join(parts).encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def demo_values(spec: ProgrammeForms, fields: list[FieldSpec], unit_code: str, period_id: str,
                upper: bool) -> dict[str, Decimal]:
    """The demo value of every field (by key) for a unit and period: totals ≥ parts, shares within their range,
    a slow growth over the years. Fields another form carries are computed too (rules may refer to them)."""
    by_key = {f.key: f for f in spec.fields}
    growth = 1 + 0.04 * (int(period_id[:4]) - 2017)
    values: dict[str, int] = {}

    def value(key: str) -> int:
        if key in values:
            return values[key]
        item = by_key[key]
        if int(period_id[:4]) < item.since:
            values[key] = 0
            return 0
        rule = item.upper_demo if upper else item.demo
        kind, *args = rule
        salt = (unit_code, period_id, key)
        if kind == "range":
            lo, hi = args
            result = lo + int(_fraction(*salt) * (hi - lo + 1))
            if hi > 5:  # counts of people and groups grow a little every year; 0/1 flags do not
                result = int(result * growth)
        elif kind == "share":
            other, lo, hi = args
            result = int(value(other) * (lo + (hi - lo) * _fraction(*salt)))
        elif kind == "rest":
            other, *minus = args
            result = value(other) - sum(value(name) for name in minus)
        elif kind == "sum":
            result = sum(value(name) for name in args)
        elif kind == "linear":
            result = sum(value(name) * coef for name, coef in args)
        else:
            raise ValueError(f"unknown demo rule {rule!r}")
        values[key] = max(result, 0)
        return values[key]

    return {f.key: Decimal(value(f.key)).quantize(Decimal(1), rounding=ROUND_FLOOR) for f in fields}


# -- loading ------------------------------------------------------------------------------------------------------

CHANGE_REASON = "tretho demo"
DEMO_ACTOR = "demo.admin"  # decides for every level above (an administrator at the Việt Nam root)
MISSING_NOTE = "Các đơn vị còn lại không thuộc địa bàn triển khai Đề án trong kỳ."
# Days between the submission and its level's deadline (negative: late), by the unit's position in the list.
TIMING = (6, 3, 9, 1, -4, 12, 0, 5)


def load_reporting_demo(unit: Any, report: Any) -> dict[str, Any]:
    """Write the reporting demo (unit: tretho.demo.load.UnitResolver; report: its LoadReport). Runs inside the
    demo's transaction. Returns the forms by code."""
    from tretho.accounts.models import User
    from tretho.metrics.sync import national_root, sync_computed_metrics
    from tretho.programmes.models import Programme

    root = national_root()
    sync_computed_metrics()  # the registry's metrics have Metric rows before fields point at them
    actor = User.objects.get(username=DEMO_ACTOR)
    programmes = {p.code: p for p in Programme.objects.filter(code__in=[s.programme for s in PROGRAMME_FORMS])}
    _ensure_breakdown(root, report)
    forms: dict[str, Any] = {}
    fields_by_form: dict[str, dict[str, Any]] = {}
    for spec in PROGRAMME_FORMS:
        programme = programmes[spec.programme]
        elements = {e.code: _ensure_element(e, root, report) for e in spec.elements}
        _ensure_formulas(programme, spec, report)
        for form_spec, upper in ((spec.commune_form, False), (spec.upper_form, True)):
            form, fields = _ensure_form(programme, form_spec, form_fields(spec, upper), elements, root, report)
            forms[form_spec.code] = form
            fields_by_form[form_spec.code] = fields
    periods = {(p.programme, p.period_id): _ensure_period(p, programmes[p.programme], report) for p in PERIODS}
    items = []
    for item in SUBMISSIONS:
        spec = next(s for s in PROGRAMME_FORMS if s.programme == item.programme)
        form_spec = spec.upper_form if item.upper else spec.commune_form
        items.append((item, spec, periods[item.programme, item.period_id], forms[form_spec.code],
                      fields_by_form[form_spec.code], unit(item.unit)))
    _ensure_submissions(items, actor, report)
    return forms


def _ensure_breakdown(root: Any, report: Any) -> None:
    from tretho.metrics.models import Breakdown, BreakdownOption

    code, name, options = SERVICE_DOMAINS
    breakdown, created = Breakdown.objects.get_or_create(code=code, defaults={"name": name, "unit": root})
    report.record(Breakdown, created=created, changed=created)
    for order, (option_code, option_name) in enumerate(options, start=1):
        _option, created = BreakdownOption.objects.get_or_create(
            breakdown=breakdown, code=option_code, defaults={"name": option_name, "order": order})
        report.record(BreakdownOption, created=created, changed=created)


def _ensure_element(spec: ElementSpec, root: Any, report: Any) -> Any:
    """Created when missing, never overwritten (users maintain data elements; the programmes demo makes some)."""
    from tretho.metrics.models import Breakdown, DataElement

    element, created = DataElement.objects.get_or_create(code=spec.code, defaults={
        "name": spec.name, "unit_of_measure": spec.unit_of_measure, "value_type": spec.value_type, "unit": root})
    if created and spec.breakdowns:
        element.breakdowns.set(Breakdown.objects.filter(code__in=spec.breakdowns))
    report.record(DataElement, created=created, changed=created)
    return element


def _ensure_formulas(programme: Any, spec: ProgrammeForms, report: Any) -> None:
    """The reference plans' own indicators get their numerator and denominator when they have none yet."""
    from tretho.metrics.models import Metric
    from tretho.programmes.models import Indicator

    for formula in spec.formulas:
        indicator = Indicator.objects.filter(programme=programme, code=formula.code).first()
        if indicator is None or indicator.numerator_id is not None:
            continue
        indicator.numerator = Metric.objects.get(code=formula.numerator)
        indicator.denominator = Metric.objects.get(code=formula.denominator)
        indicator.version += 1
        indicator._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
        indicator.save(update_fields=["numerator", "denominator", "version", "updated_at"])
        report.record(Indicator, created=False, changed=True)


def _prefill_metric(codes: tuple[str, ...]) -> Any:
    from tretho.metrics import registry
    from tretho.metrics.models import Metric

    for code in codes:
        if registry.is_computed(code):
            metric = Metric.objects.filter(code=code, kind="computed", is_active=True).first()
            if metric is not None:
                return metric
    return None


def _ensure_form(programme: Any, spec: FormSpec, fields: list[FieldSpec], elements: dict[str, Any], root: Any,
                 report: Any) -> tuple[Any, dict[str, Any]]:
    from .models import FormField, ReportForm

    form, created = ReportForm.objects.get_or_create(programme=programme, code=spec.code, defaults={
        "name": spec.name, "description": spec.description, "levels": spec.levels, "unit": root})
    report.record(ReportForm, created=created, changed=created)
    made: dict[str, Any] = {}
    for order, item in enumerate(fields, start=1):
        element = elements[item.element]
        field = FormField.objects.filter(form=form, data_element=element, option_key=item.option_key).first()
        metric = _prefill_metric(item.prefill)
        if field is None:
            field = FormField(form=form, data_element=element, option_key=item.option_key, order=order,
                              section=item.section, label=item.label, required=item.required,
                              min_value=item.min_value, max_value=item.max_value, prefill_metric=metric,
                              part_of=made.get(item.part_of))
            field._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
            field.save()
            report.record(FormField, created=True, changed=True)
        elif field.prefill_metric_id is None and metric is not None:
            # A metric the registry registered after the form was made: link it (once).
            field.prefill_metric = metric
            field.version += 1
            field._change_reason = CHANGE_REASON  # type: ignore[attr-defined]
            field.save(update_fields=["prefill_metric", "version", "updated_at"])
            report.record(FormField, created=False, changed=True)
        else:
            report.record(FormField, created=False, changed=False)
        made[item.key] = field
    return form, made


def _ensure_period(spec: PeriodSpec, programme: Any, report: Any) -> Any:
    from .models import PeriodDeadline, ReportingPeriod

    period, created = ReportingPeriod.objects.get_or_create(programme=programme, period_id=spec.period_id, defaults={
        "start": spec.start, "end": spec.end, "opens_on": dt.date(spec.end.year, 10, 1),
        "closes_on": dt.date(spec.end.year + 1, 1, 31)})
    report.record(ReportingPeriod, created=created, changed=created)
    for level, deadline in spec.deadlines.items():
        _row, created = PeriodDeadline.objects.get_or_create(period=period, level=level,
                                                             defaults={"deadline": deadline})
        report.record(PeriodDeadline, created=created, changed=created)
    return period


def _ensure_submissions(items: list[tuple], actor: Any, report: Any) -> None:
    """Create the submissions not there yet. Drafts go through the real actions (start, pre-fill from the
    registry), as a demo officer opens them. Past reports (submitted, returned, accepted) are written in a few
    batches with their values, events and history — each value set checked against the form's rules first — and
    the accepted ones are added to the roll-ups by the function accepting uses (rollups.add_submission). Walking
    each through the actions one by one made `tretho demo` three times slower."""
    from simple_history.utils import bulk_create_with_history

    from . import prefill, rollups, validation
    from .models import Submission, SubmissionEvent, SubmissionValue

    made: list[tuple[Any, Any, dict[int, Decimal], dict[int, Decimal]]] = []
    for item, spec, period, form, fields, unit in items:
        if Submission.objects.filter(unit=unit, period=period, form=form).exists():
            report.record(Submission, created=False, changed=False)
            continue
        report.record(Submission, created=True, changed=True)
        if item.status == DRAFT:
            prefill.do_start_prefilled(unit, period, form, acting_user=actor)
            continue
        specs = form_fields(spec, item.upper)
        generated = demo_values(spec, specs, unit.code, period.period_id, item.upper)
        values = {fields[f.key].pk: generated[f.key] for f in specs}
        problems = validation.check_values(list(fields.values()), values)
        if problems:
            raise ValueError(f"demo values of {unit} {period.period_id} break the form's rules: {problems}")
        prefilled = _registry_values(unit, period, form, list(fields.values()), values)
        sent, decided = _dates(unit, period)
        decided_by = actor if item.status != SUBMITTED else None
        submission = Submission(
            unit=unit, period=period, form=form, status=item.status, submitted_at=sent, submitted_by=actor,
            decided_at=decided if decided_by else None, decided_by=decided_by, return_comment=item.return_comment,
            missing_children_note=MISSING_NOTE if item.upper else "", created_by=actor,
            **NARRATIVES[spec.programme])
        submission.full_clean()
        made.append((submission, item, values, prefilled))
    if not made:
        return
    bulk_create_with_history([made_item[0] for made_item in made], Submission, default_user=actor,
                             default_change_reason=CHANGE_REASON)
    if any(made_item[0].pk is None for made_item in made):  # a database that returns no ids from a bulk insert
        ids = {(u, p, f): pk for pk, u, p, f in Submission.objects.filter(
            unit__in={made_item[0].unit_id for made_item in made}).values_list("pk", "unit_id", "period_id", "form_id")}
        for submission, _item, _values, _prefilled in made:
            submission.pk = ids[submission.unit_id, submission.period_id, submission.form_id]
    rows, events = [], []
    for submission, item, values, prefilled in made:
        rows += [SubmissionValue(submission=submission, field_id=field_id, value=value,
                                 prefilled_value=prefilled.get(field_id), created_by=actor)
                 for field_id, value in values.items()]
        events.append(SubmissionEvent(submission=submission, action="submit", actor=actor,
                                      at=submission.submitted_at, created_by=actor))
        if item.status in (ACCEPTED, RETURNED):
            events.append(SubmissionEvent(
                submission=submission, action="accept" if item.status == ACCEPTED else "return", actor=actor,
                at=submission.decided_at, comment=item.return_comment, created_by=actor))
    bulk_create_with_history(rows, SubmissionValue, default_user=actor, default_change_reason=CHANGE_REASON)
    bulk_create_with_history(events, SubmissionEvent, default_user=actor, default_change_reason=CHANGE_REASON)
    for submission, item, _values, _prefilled in made:
        if item.status == ACCEPTED:
            rollups.add_submission(submission)


def _registry_values(unit: Any, period: Any, form: Any, fields: list[Any], values: dict[int, Decimal]
                     ) -> dict[int, Decimal]:
    """A past report of a unit the registry has records for says what the records say: each pre-filled field
    takes the registry metric's value (changed in `values`, returned as the pre-filled values to store beside
    them), so the demo's reports agree with the registry pages (Hóa An 2020: the registry's groups, not a
    made-up 26). Parts typed by hand are then kept within their (pre-filled) totals. A unit without records
    (every metric 0 or none) keeps its generated values; so does one whose values would break the form's rules."""
    from . import prefill, validation
    from .models import Submission

    found = {pk: p.value for pk, p in prefill.compute_prefills(Submission(unit=unit, period=period, form=form)).items()
             if p.value is not None}
    if not any(found.values()):
        return {}
    changed = dict(values) | {pk: value for pk, value in found.items() if pk in values}
    by_id = {field.pk: field for field in fields}
    for _round in range(3):  # a part of a part: clamp down the chain
        for pk, value in changed.items():
            total_id = by_id[pk].part_of_id if pk in by_id else None
            if total_id in changed and value is not None and changed[total_id] is not None \
                    and value > changed[total_id] and pk not in found:
                changed[pk] = changed[total_id]
    if validation.check_values(fields, changed):
        return {}
    values.update(changed)
    return {pk: value for pk, value in found.items() if pk in values}


def _dates(unit: Any, period: Any) -> tuple[dt.datetime, dt.datetime]:
    """Reports of past years sent around their level's deadline (a few late) and decided a few days later: the
    completeness and timeliness pages then show a believable history, not everything sent today."""
    from django.utils import timezone

    deadline = period.deadline_for(unit.level) or period.end
    position = int(_fraction(unit.code, period.period_id) * len(TIMING))
    sent = timezone.make_aware(dt.datetime.combine(deadline - dt.timedelta(days=TIMING[position]), dt.time(9, 30)))
    return sent, sent + dt.timedelta(days=3, hours=5)
