"""The demo records, as plain data.

They come from the three reference plans: the Đồng Nai Women's Union plan for Đề án 404 (2017, Biên Hòa:
phường Long Bình and xã Hóa An), the Hương An ward People's Committee plan for Đề án 1437 (26/02/2019) and the
Ninh Bình Department of Education plan for Đề án 1437 (29/01/2019). Names and titles are the plans' own where
they give them (Lê Thị Ngọc Loan, Tống Quang Thìn, Phạm Thanh Toàn); every other person is invented.

Each record sits in the administrative hierarchy in force when its plan was issued, so a unit is named by
code + level + date, never by code alone: the 2025 reform reused codes (26068 was phường Hóa An and is now
phường Biên Hòa). A few users work in the post-2025 units so both hierarchies are exercised.

Units come from `tretho load_units` (package vietnamadminunits). Its pre-reform list is the last one before
1/7/2025, so a few 2019 names show as they stood in early 2025: Thừa Thiên Huế is "Thành phố Huế" and phường
Hương An sits in quận Phú Xuân rather than thị xã Hương Trà; thành phố Ninh Bình is "Thành phố Hoa Lư".
Agency names keep the wording of the plans.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from tretho.accounts.choices import RoleCode
from tretho.geo.choices import UnitLevel, ZoneKind
from tretho.orgs.choices import AgencyKind, MemberRole

# When each plan was issued: the hierarchy its records belong to.
DONG_NAI_PLAN_DATE = dt.date(2017, 3, 1)  # the copy is undated; it follows Công văn 1258 of 16/01/2017
HUONG_AN_PLAN_DATE = dt.date(2019, 2, 26)  # Kế hoạch 79/KH-UBND
NINH_BINH_PLAN_DATE = dt.date(2019, 1, 29)  # Kế hoạch 03/KH-SGDĐT
AFTER_REFORM = dt.date(2025, 7, 1)


@dataclass(frozen=True)
class UnitRef:
    """A unit named the only safe way: official code, level, and a date on which it was in force."""

    code: str
    level: int
    on: dt.date
    label: str  # for messages when the unit is missing

    def __str__(self) -> str:
        return f"{self.label} (mã {self.code}, cấp {self.level}, ngày {self.on:%d/%m/%Y})"


def _old(code: str, level: int, label: str, on: dt.date) -> UnitRef:
    return UnitRef(code, level, on, label)


def _new(code: str, level: int, label: str) -> UnitRef:
    return UnitRef(code, level, AFTER_REFORM, label)


# -- units --------------------------------------------------------------------------------------------------
COUNTRY = UnitRef("VN", UnitLevel.COUNTRY, AFTER_REFORM, "Việt Nam")

# Đồng Nai, 2017 (before the reform: province 75, thành phố Biên Hòa 731)
DONG_NAI_OLD = _old("75", UnitLevel.PROVINCE, "Tỉnh Đồng Nai", DONG_NAI_PLAN_DATE)
BIEN_HOA = _old("731", UnitLevel.DISTRICT, "Thành phố Biên Hòa", DONG_NAI_PLAN_DATE)
TRANG_BOM = _old("737", UnitLevel.DISTRICT, "Huyện Trảng Bom", DONG_NAI_PLAN_DATE)
LONG_BINH_OLD = _old("26020", UnitLevel.COMMUNE, "Phường Long Bình", DONG_NAI_PLAN_DATE)
HOA_AN_OLD = _old("26068", UnitLevel.COMMUNE, "Phường Hóa An", DONG_NAI_PLAN_DATE)
AN_BINH = _old("26050", UnitLevel.COMMUNE, "Phường An Bình", DONG_NAI_PLAN_DATE)
LONG_BINH_TAN = _old("26056", UnitLevel.COMMUNE, "Phường Long Bình Tân", DONG_NAI_PLAN_DATE)
TAM_PHUOC = _old("26374", UnitLevel.COMMUNE, "Phường Tam Phước", DONG_NAI_PLAN_DATE)
HO_NAI_3 = _old("26272", UnitLevel.COMMUNE, "Xã Hố Nai 3", DONG_NAI_PLAN_DATE)

# Đồng Nai from 1/7/2025 (merged with Bình Phước; no districts). Code 26068 is now phường Biên Hòa.
DONG_NAI_NEW = _new("75", UnitLevel.PROVINCE, "Tỉnh Đồng Nai")
LONG_BINH_NEW = _new("26020", UnitLevel.COMMUNE, "Phường Long Bình")

# Hương An, 2019
HUE_OLD = _old("46", UnitLevel.PROVINCE, "Tỉnh Thừa Thiên Huế", HUONG_AN_PLAN_DATE)
HUONG_TRA = _old("480", UnitLevel.DISTRICT, "Thị xã Hương Trà", HUONG_AN_PLAN_DATE)
HUONG_THUY = _old("479", UnitLevel.DISTRICT, "Thị xã Hương Thủy", HUONG_AN_PLAN_DATE)
PHONG_DIEN = _old("476", UnitLevel.DISTRICT, "Phong Điền", HUONG_AN_PLAN_DATE)
HUONG_AN_OLD = _old("20023", UnitLevel.COMMUNE, "Phường Hương An", HUONG_AN_PLAN_DATE)
PHU_BAI = _old("19960", UnitLevel.COMMUNE, "Phường Phú Bài", HUONG_AN_PLAN_DATE)
TU_HA = _old("19996", UnitLevel.COMMUNE, "Phường Tứ Hạ", HUONG_AN_PLAN_DATE)

# Ninh Bình, 2019
NINH_BINH_OLD = _old("37", UnitLevel.PROVINCE, "Tỉnh Ninh Bình", NINH_BINH_PLAN_DATE)
TAM_DIEP = _old("370", UnitLevel.DISTRICT, "Thành phố Tam Điệp", NINH_BINH_PLAN_DATE)
GIA_VIEN = _old("373", UnitLevel.DISTRICT, "Huyện Gia Viễn", NINH_BINH_PLAN_DATE)
DONG_THANH = _old("14320", UnitLevel.COMMUNE, "Phường Đông Thành", NINH_BINH_PLAN_DATE)
NINH_PHUC = _old("14353", UnitLevel.COMMUNE, "Phường Ninh Phúc", NINH_BINH_PLAN_DATE)
KHANH_PHU = _old("14566", UnitLevel.COMMUNE, "Xã Khánh Phú", NINH_BINH_PLAN_DATE)

# Ninh Bình from 1/7/2025 (merged with Hà Nam and Nam Định).
NINH_BINH_NEW = _new("37", UnitLevel.PROVINCE, "Tỉnh Ninh Bình")


# -- agencies -----------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AgencySpec:
    key: str  # how other demo records point at this one (not stored)
    name: str
    kind: str
    unit: UnitRef
    short_name: str = ""
    parent: str = ""  # key of the agency above


_K = AgencyKind
AGENCIES: list[AgencySpec] = [
    # Đồng Nai province (2017)
    AgencySpec("dn.ubnd", "Ủy ban nhân dân tỉnh Đồng Nai", _K.PEOPLES_COMMITTEE, DONG_NAI_OLD, "UBND tỉnh Đồng Nai"),
    AgencySpec("dn.hlhpn", "Hội Liên hiệp Phụ nữ tỉnh Đồng Nai", _K.WOMENS_UNION, DONG_NAI_OLD, "Hội LHPN tỉnh"),
    AgencySpec("dn.sgd", "Sở Giáo dục và Đào tạo tỉnh Đồng Nai", _K.EDUCATION, DONG_NAI_OLD, "Sở GD&ĐT", "dn.ubnd"),
    AgencySpec("dn.syt", "Sở Y tế tỉnh Đồng Nai", _K.HEALTH, DONG_NAI_OLD, "Sở Y tế", "dn.ubnd"),
    AgencySpec(
        "dn.sldtbxh", "Sở Lao động - Thương binh và Xã hội tỉnh Đồng Nai", _K.SOCIAL_AFFAIRS, DONG_NAI_OLD,
        "Sở LĐTBXH", "dn.ubnd",
    ),
    AgencySpec("dn.stc", "Sở Tài chính tỉnh Đồng Nai", _K.FINANCE, DONG_NAI_OLD, "Sở Tài chính", "dn.ubnd"),
    AgencySpec("dn.ldld", "Liên đoàn Lao động tỉnh Đồng Nai", _K.LABOUR_FEDERATION, DONG_NAI_OLD, "LĐLĐ tỉnh"),
    AgencySpec(
        "dn.bqlkcn", "Ban Quản lý các Khu công nghiệp Đồng Nai", _K.ECONOMIC_ZONE_BOARD, DONG_NAI_OLD,
        "BQL các KCN Đồng Nai", "dn.ubnd",
    ),
    # thành phố Biên Hòa (2017)
    AgencySpec("bh.ubnd", "Ủy ban nhân dân thành phố Biên Hòa", _K.PEOPLES_COMMITTEE, BIEN_HOA, "UBND Tp. Biên Hòa",
               "dn.ubnd"),
    AgencySpec("bh.hlhpn", "Hội Liên hiệp Phụ nữ thành phố Biên Hòa", _K.WOMENS_UNION, BIEN_HOA,
               "Hội LHPN Tp. Biên Hòa", "dn.hlhpn"),
    AgencySpec("bh.pgd", "Phòng Giáo dục và Đào tạo thành phố Biên Hòa", _K.EDUCATION, BIEN_HOA, "Phòng GD&ĐT",
               "bh.ubnd"),
    # phường Long Bình and xã Hóa An (2017; Hóa An was a xã then, as the plan says)
    AgencySpec("lb.ubnd", "Ủy ban nhân dân phường Long Bình", _K.PEOPLES_COMMITTEE, LONG_BINH_OLD,
               "UBND p. Long Bình", "bh.ubnd"),
    AgencySpec("lb.hlhpn", "Hội Liên hiệp Phụ nữ phường Long Bình", _K.WOMENS_UNION, LONG_BINH_OLD, "", "bh.hlhpn"),
    AgencySpec("lb.tyt", "Trạm Y tế phường Long Bình", _K.HEALTH_STATION, LONG_BINH_OLD, "", "lb.ubnd"),
    AgencySpec("lb.mn", "Trường Mầm non Long Bình", _K.SCHOOL, LONG_BINH_OLD, "", "bh.pgd"),
    AgencySpec("ha.ubnd", "Ủy ban nhân dân xã Hóa An", _K.PEOPLES_COMMITTEE, HOA_AN_OLD, "UBND xã Hóa An", "bh.ubnd"),
    AgencySpec("ha.hlhpn", "Hội Liên hiệp Phụ nữ xã Hóa An", _K.WOMENS_UNION, HOA_AN_OLD, "", "bh.hlhpn"),
    AgencySpec("ha.tyt", "Trạm Y tế xã Hóa An", _K.HEALTH_STATION, HOA_AN_OLD, "", "ha.ubnd"),
    # Đồng Nai after 1/7/2025: child affairs moved to the health sector; the new phường Long Bình
    AgencySpec("dn2025.syt", "Sở Y tế tỉnh Đồng Nai", _K.HEALTH, DONG_NAI_NEW, "Sở Y tế"),
    AgencySpec("lb2025.ubnd", "Ủy ban nhân dân phường Long Bình", _K.PEOPLES_COMMITTEE, LONG_BINH_NEW,
               "UBND phường Long Bình"),
    # Thừa Thiên Huế, thị xã Hương Trà, phường Hương An (2019)
    AgencySpec("hue.ubnd", "Ủy ban nhân dân tỉnh Thừa Thiên Huế", _K.PEOPLES_COMMITTEE, HUE_OLD,
               "UBND tỉnh Thừa Thiên Huế"),
    AgencySpec("hue.sldtbxh", "Sở Lao động - Thương binh và Xã hội tỉnh Thừa Thiên Huế", _K.SOCIAL_AFFAIRS, HUE_OLD,
               "Sở LĐTBXH", "hue.ubnd"),
    AgencySpec("ht.ubnd", "Ủy ban nhân dân thị xã Hương Trà", _K.PEOPLES_COMMITTEE, HUONG_TRA, "UBND thị xã Hương Trà",
               "hue.ubnd"),
    AgencySpec("huongan.ubnd", "Ủy ban nhân dân phường Hương An", _K.PEOPLES_COMMITTEE, HUONG_AN_OLD,
               "UBND phường Hương An", "ht.ubnd"),
    AgencySpec("huongan.ldtbxh", "Bộ phận Lao động - Thương binh và Xã hội phường Hương An", _K.SOCIAL_AFFAIRS,
               HUONG_AN_OLD, "Bộ phận LĐTBXH", "huongan.ubnd"),
    AgencySpec("huongan.tyt", "Trạm Y tế phường Hương An", _K.HEALTH_STATION, HUONG_AN_OLD, "", "huongan.ubnd"),
    AgencySpec("huongan.mn", "Trường Mầm non Hương An", _K.SCHOOL, HUONG_AN_OLD),
    AgencySpec("huongan.th", "Trường Tiểu học Hương An", _K.SCHOOL, HUONG_AN_OLD),
    AgencySpec("huongan.hlhpn", "Hội Liên hiệp Phụ nữ phường Hương An", _K.WOMENS_UNION, HUONG_AN_OLD),
    # Ninh Bình (2019)
    AgencySpec("nb.ubnd", "Ủy ban nhân dân tỉnh Ninh Bình", _K.PEOPLES_COMMITTEE, NINH_BINH_OLD,
               "UBND tỉnh Ninh Bình"),
    AgencySpec("nb.sgd", "Sở Giáo dục và Đào tạo Ninh Bình", _K.EDUCATION, NINH_BINH_OLD, "Sở GD&ĐT", "nb.ubnd"),
    AgencySpec("nb.syt", "Sở Y tế tỉnh Ninh Bình", _K.HEALTH, NINH_BINH_OLD, "Sở Y tế", "nb.ubnd"),
    AgencySpec("nb.sldtbxh", "Sở Lao động - Thương binh và Xã hội tỉnh Ninh Bình", _K.SOCIAL_AFFAIRS, NINH_BINH_OLD,
               "Sở LĐTBXH", "nb.ubnd"),
    AgencySpec("nb.hlhpn", "Hội Liên hiệp Phụ nữ tỉnh Ninh Bình", _K.WOMENS_UNION, NINH_BINH_OLD, "Hội LHPN tỉnh"),
    AgencySpec("nb.bqlkcn", "Ban Quản lý các khu công nghiệp tỉnh Ninh Bình", _K.ECONOMIC_ZONE_BOARD, NINH_BINH_OLD,
               "BQL các KCN", "nb.ubnd"),
    AgencySpec("nb.mn", "Trường Mầm non Đông Thành", _K.SCHOOL, DONG_THANH, "", "nb.sgd"),
]


# -- steering committees ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class MemberSpec:
    person_name: str
    position: str
    agency: str  # agency key
    role: str = MemberRole.MEMBER


@dataclass(frozen=True)
class CommitteeSpec:
    name: str
    unit: UnitRef
    standing_agency: str  # agency key
    members: list[MemberSpec] = field(default_factory=list)
    working_group: str = ""
    established_by: str = ""
    established_on: dt.date | None = None


_R = MemberRole
COMMITTEES: list[CommitteeSpec] = [
    CommitteeSpec(
        "Ban Điều hành Đề án 404 tỉnh Đồng Nai",
        DONG_NAI_OLD,
        standing_agency="dn.hlhpn",  # the Women's Union is the standing agency of Đề án 404
        working_group="Ban Gia đình - Xã hội, Hội LHPN tỉnh Đồng Nai",
        members=[
            MemberSpec("Lê Thị Ngọc Loan", "Chủ tịch Hội LHPN tỉnh Đồng Nai", "dn.hlhpn", _R.HEAD),
            MemberSpec("Trần Thị Thanh Thủy", "Phó Chủ tịch Hội LHPN tỉnh Đồng Nai", "dn.hlhpn", _R.STANDING),
            MemberSpec("Nguyễn Văn Hùng", "Phó Giám đốc Sở Giáo dục và Đào tạo", "dn.sgd", _R.DEPUTY),
            MemberSpec("Phạm Thị Ngọc Mai", "Trưởng phòng Giáo dục Mầm non, Sở GD&ĐT", "dn.sgd"),
            MemberSpec("Đỗ Minh Tuấn", "Phó Giám đốc Sở Lao động - Thương binh và Xã hội", "dn.sldtbxh"),
            MemberSpec("Huỳnh Thị Bích Vân", "Phó Giám đốc Sở Y tế", "dn.syt"),
            MemberSpec("Ngô Văn Tài", "Phó Giám đốc Sở Tài chính", "dn.stc"),
            MemberSpec("Lý Văn Sang", "Phó Chủ tịch Liên đoàn Lao động tỉnh", "dn.ldld"),
            MemberSpec("Trương Thị Lan", "Phó Trưởng ban Ban Quản lý các KCN Đồng Nai", "dn.bqlkcn"),
        ],
    ),
    CommitteeSpec(
        "Ban Điều hành Đề án 404 thành phố Biên Hòa",
        BIEN_HOA,
        standing_agency="bh.hlhpn",
        members=[
            MemberSpec("Nguyễn Thị Kim Phượng", "Chủ tịch Hội LHPN thành phố Biên Hòa", "bh.hlhpn", _R.HEAD),
            MemberSpec("Lê Văn Bình", "Phó Trưởng phòng Giáo dục và Đào tạo", "bh.pgd", _R.DEPUTY),
            MemberSpec("Trần Thị Hoa", "Phó Chủ tịch UBND phường Long Bình", "lb.ubnd"),
            MemberSpec("Phan Văn Lộc", "Phó Chủ tịch UBND xã Hóa An", "ha.ubnd"),
        ],
    ),
    CommitteeSpec(
        "Ban Chỉ đạo thực hiện Đề án 1437 phường Hương An",
        HUONG_AN_OLD,
        standing_agency="huongan.ldtbxh",  # the plan makes this section the adviser and reporting channel
        working_group="Bộ phận Lao động - Thương binh và Xã hội; Văn phòng HĐND&UBND phường",
        members=[
            MemberSpec("Nguyễn Văn Thắng", "Chủ tịch UBND phường Hương An", "huongan.ubnd", _R.HEAD),
            MemberSpec("Trần Thị Minh Tâm", "Phó Chủ tịch UBND phường Hương An", "huongan.ubnd", _R.DEPUTY),
            MemberSpec("Lê Thị Hồng", "Công chức Lao động - Thương binh và Xã hội", "huongan.ldtbxh", _R.STANDING),
            MemberSpec("Hồ Văn Quý", "Trạm trưởng Trạm Y tế phường", "huongan.tyt"),
            MemberSpec("Nguyễn Thị Diệu", "Hiệu trưởng Trường Mầm non Hương An", "huongan.mn"),
            MemberSpec("Phan Thị Sen", "Chủ tịch Hội LHPN phường Hương An", "huongan.hlhpn"),
        ],
    ),
    CommitteeSpec(
        "Ban Chỉ đạo thực hiện Đề án 1437 tỉnh Ninh Bình",
        NINH_BINH_OLD,
        standing_agency="nb.sldtbxh",
        working_group="Phòng Chính trị tư tưởng, Sở GD&ĐT (đầu mối ngành giáo dục)",
        members=[
            # Named in the plan's recipients as "PCT UBND tỉnh"; heading the committee is our assumption.
            MemberSpec("Tống Quang Thìn", "Phó Chủ tịch UBND tỉnh Ninh Bình", "nb.ubnd", _R.HEAD),
            MemberSpec("Vũ Văn Khánh", "Giám đốc Sở Lao động - Thương binh và Xã hội", "nb.sldtbxh", _R.STANDING),
            # Signed Kế hoạch 03/KH-SGDĐT as "KT. Giám đốc, Phó Giám đốc".
            MemberSpec("Phạm Thanh Toàn", "Phó Giám đốc Sở Giáo dục và Đào tạo", "nb.sgd"),
            MemberSpec("Đinh Văn Nam", "Phó Giám đốc Sở Y tế", "nb.syt"),
            MemberSpec("Nguyễn Thị Thu", "Phó Chủ tịch Hội LHPN tỉnh Ninh Bình", "nb.hlhpn"),
        ],
    ),
]


# -- industrial zones ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ZoneSpec:
    name: str
    unit: UnitRef
    kind: str = ZoneKind.INDUSTRIAL
    address: str = ""


ZONES: list[ZoneSpec] = [
    ZoneSpec("KCN Biên Hòa 1", AN_BINH, address="Phường An Bình, thành phố Biên Hòa"),
    ZoneSpec("KCN Biên Hòa 2", LONG_BINH_TAN, address="Phường Long Bình Tân, thành phố Biên Hòa"),
    ZoneSpec("KCN Amata", LONG_BINH_OLD, address="Phường Long Bình, thành phố Biên Hòa"),
    ZoneSpec("KCX Long Bình (Loteco)", LONG_BINH_OLD, ZoneKind.EXPORT_PROCESSING,
             "Phường Long Bình, thành phố Biên Hòa"),
    ZoneSpec("KCN Tam Phước", TAM_PHUOC, address="Phường Tam Phước, thành phố Biên Hòa"),
    ZoneSpec("KCN Hố Nai", HO_NAI_3, address="Xã Hố Nai 3, huyện Trảng Bom"),
    ZoneSpec("KCN Phú Bài", PHU_BAI, address="Phường Phú Bài, thị xã Hương Thủy"),
    ZoneSpec("KCN Tứ Hạ", TU_HA, address="Phường Tứ Hạ, thị xã Hương Trà"),
    ZoneSpec("KCN Phong Điền", PHONG_DIEN),
    ZoneSpec("KCN Khánh Phú", KHANH_PHU, address="Xã Khánh Phú, huyện Yên Khánh"),
    ZoneSpec("KCN Gián Khẩu", GIA_VIEN, address="Huyện Gia Viễn"),
    ZoneSpec("KCN Tam Điệp", TAM_DIEP, address="Thành phố Tam Điệp"),
    ZoneSpec("KCN Phúc Sơn", NINH_PHUC, address="Phường Ninh Phúc, thành phố Ninh Bình"),
]


# -- users --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class AssignmentSpec:
    role: str
    unit: UnitRef
    agency: str = ""  # agency key, optional


@dataclass(frozen=True)
class UserSpec:
    username: str  # always "demo.…": the login page lists these accounts
    full_name: str
    assignments: list[AssignmentSpec]

    @property
    def email(self) -> str:
        return f"{self.username}@example.com"


_ROLE = RoleCode
USERS: list[UserSpec] = [
    UserSpec("demo.admin", "Trần Minh Quân", [AssignmentSpec(_ROLE.ADMIN, COUNTRY)]),
    UserSpec("demo.dongnai.manager", "Nguyễn Thị Thanh Hương",
             [AssignmentSpec(_ROLE.PROGRAMME_MANAGER, DONG_NAI_NEW, "dn2025.syt")]),
    UserSpec("demo.bienhoa.approver", "Phạm Văn Đức", [AssignmentSpec(_ROLE.APPROVER, BIEN_HOA, "bh.hlhpn")]),
    UserSpec("demo.longbinh.officer", "Lê Thị Mỹ Linh", [AssignmentSpec(_ROLE.OFFICER, LONG_BINH_OLD, "lb.ubnd")]),
    UserSpec("demo.longbinh2025.officer", "Võ Thị Kim Ngân",
             [AssignmentSpec(_ROLE.OFFICER, LONG_BINH_NEW, "lb2025.ubnd")]),
    UserSpec("demo.hoaan.viewer", "Đặng Văn Phúc", [AssignmentSpec(_ROLE.VIEWER, HOA_AN_OLD, "ha.ubnd")]),
    UserSpec("demo.huongan.officer", "Hoàng Thị Thu Trang",
             [AssignmentSpec(_ROLE.OFFICER, HUONG_AN_OLD, "huongan.ldtbxh")]),
    UserSpec("demo.ninhbinh.manager", "Bùi Văn Hải",
             [AssignmentSpec(_ROLE.PROGRAMME_MANAGER, NINH_BINH_OLD, "nb.sgd")]),
    UserSpec("demo.ninhbinh.viewer", "Đinh Thị Hằng", [AssignmentSpec(_ROLE.VIEWER, NINH_BINH_OLD, "nb.sgd")]),
    UserSpec("demo.ninhbinh2025.approver", "Mai Văn Trường", [AssignmentSpec(_ROLE.APPROVER, NINH_BINH_NEW)]),
]


def all_unit_refs() -> list[UnitRef]:
    """Every unit the demo needs, once each (for the up-front check)."""
    refs: list[UnitRef] = [COUNTRY]
    refs += [a.unit for a in AGENCIES] + [c.unit for c in COMMITTEES] + [z.unit for z in ZONES]
    refs += [a.unit for u in USERS for a in u.assignments]
    return list(dict.fromkeys(refs))
