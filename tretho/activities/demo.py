"""Demo records of the activities: what the three reference plans' tasks were carried out by.

- Đồng Nai 2017 (Đề án 404, reference plan 000, Hội LHPN tỉnh): the training of commune Hội officials and
  communicators in the 11 districts of 2017 (one class per district, with counts by category and sex); the
  breastfeeding and childcare training of parents of children 0–36 months in phường Long Bình and xã Hóa An; the
  training of the registry demo's group owners, teachers and caregivers as named participants linked to their
  `Staff` records (so "staff trained" is computed); communication (loudspeaker, talks with workers, leaflets);
  periodic meetings of the provincial steering board; the preliminary review (sơ kết) of phase 1 with its
  follow-up items, commendations, and proposals raised by the communes, one answered by the province. Tasks 1 and
  4 are marked done with evidence; tasks 2 (supervision: the registry's visits are of 2024) and 5 (a conference
  of the central board) have no activity.
- Hương An and Ninh Bình 2019 (Đề án 1437): communication, trainings, parenting sessions with a few named
  families, and a review meeting.

Everything sits in the units in force at the plan's date (communes and districts of 2017 and 2019), organised by
the demo agencies (tretho.demo.data). Every person named here is invented; the plans' real signers are not used.

Called by `tretho demo` (tretho/demo/load.py) inside its transaction, after the plans and the registry demo and
before the reporting demo (whose past reports take the computed "staff trained"):

    load_activities_demo(unit, agencies, plans, report)

Idempotent: a held activity is found by unit + title + start date, its audience rows by category, a participant
by training + staff record (or name), a family by session + name, a follow-up by meeting + content, a
commendation by unit + decision number + recipient, a proposal by unit + title + date, a completion by its task;
a record is saved only when a value differs (tretho.demo.load.ensure), so a second run writes nothing.
A plan task is found by its number in the plan and a phrase of its title; a task not found stops the demo.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from tretho.demo import data
from tretho.demo.data import UnitRef
from tretho.geo.choices import UnitLevel
from tretho.programmes.choices import BudgetSource
from tretho.registry.choices import CARING_ROLES, StaffRole

from .choices import (
    AddressedLevel,
    AudienceCategory,
    CommendationForm,
    CommendationLevel,
    CommunicationChannel,
    FollowUpState,
    MeetingKind,
    ParentingFormat,
    ProposalKind,
    ProposalStatus,
    RecipientKind,
    Sex,
    TrainingKind,
)
from .models import (
    Commendation,
    CommunicationAudience,
    CommunicationEvent,
    Meeting,
    MeetingFollowUp,
    ParentingAudience,
    ParentingFamily,
    ParentingSession,
    Proposal,
    TaskCompletion,
    Training,
    TrainingAudience,
    TrainingParticipant,
)
from .models.training import STAFF_ROLE_CATEGORIES

D = dt.date
C = AudienceCategory
LOCAL, ENTERPRISES, DONORS = BudgetSource.LOCAL, BudgetSource.ENTERPRISES, BudgetSource.DONORS
DN_PLAN, HA_PLAN, NB_PLAN = "dong-nai-2017", "huong-an-2019", "ninh-binh-2019"
MATERIALS_404 = "Bộ tài liệu tập huấn của Đề án 404/CP (Ban Điều hành Đề án Trung ương)"
MATERIALS_1437 = "Tài liệu hướng dẫn chăm sóc phát triển toàn diện trẻ em những năm đầu đời (Đề án 1437)"
DN_BOARD = "Ban Điều hành Đề án 404 tỉnh Đồng Nai"
HA_BOARD = "Ban Chỉ đạo thực hiện Đề án 1437 phường Hương An"

# The 11 districts, towns and cities of Đồng Nai in 2017 (codes of the official list; Long Khánh was a thị xã).
DISTRICTS_2017: list[tuple[str, str]] = [
    ("731", "thành phố Biên Hòa"), ("732", "thị xã Long Khánh"), ("734", "huyện Tân Phú"),
    ("735", "huyện Vĩnh Cửu"), ("736", "huyện Định Quán"), ("737", "huyện Trảng Bom"),
    ("738", "huyện Thống Nhất"), ("739", "huyện Cẩm Mỹ"), ("740", "huyện Long Thành"), ("741", "huyện Xuân Lộc"),
    ("742", "huyện Nhơn Trạch"),
]


def district(code: str, label: str) -> UnitRef:
    return UnitRef(code, UnitLevel.DISTRICT, data.DONG_NAI_PLAN_DATE, label[:1].upper() + label[1:])


def unit_refs() -> list[UnitRef]:
    """Units the activities need beyond the rest of the demo's (the districts), for the loader's up-front check."""
    return [district(code, label) for code, label in DISTRICTS_2017]


# -- plan tasks ----------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskRef:
    """A plan's task by its number (top level, as the document numbers them) and a phrase of its title."""

    plan: str  # PlanSpec.key
    number: int
    phrase: str

    def __str__(self) -> str:
        return f"{self.plan} nhiệm vụ {self.number} (“{self.phrase}”)"


DN_SUPPORT = TaskRef(DN_PLAN, 1, "hoàn thành chỉ tiêu hỗ trợ kiện toàn và phát triển mới 20 nhóm trẻ")
DN_SUPERVISION = TaskRef(DN_PLAN, 2, "giám sát hoạt động của các nhóm trẻ")
DN_DISTRICT_TRAINING = TaskRef(DN_PLAN, 3, "tại 11 huyện, thị, thành phố")
DN_BREASTFEEDING = TaskRef(DN_PLAN, 4, "khuyến khích nuôi con bằng sữa mẹ")
DN_CENTRAL_REVIEW = TaskRef(DN_PLAN, 5, "Dự Hội nghị sơ kết 3 năm")
DN_REVIEW = TaskRef(DN_PLAN, 6, "sơ kết, đánh giá kết quả triển khai")
DN_STEERING = TaskRef(DN_PLAN, 7, "Họp định kỳ thành viên Ban Chỉ đạo")
HA_COMMUNICATION = TaskRef(HA_PLAN, 1, "Truyền thông nâng cao nhận thức")
HA_CAPACITY = TaskRef(HA_PLAN, 2, "Nâng cao năng lực cho đội ngũ cán bộ")
HA_PARENTING = TaskRef(HA_PLAN, 3, "giáo dục làm cha mẹ")
HA_MONITORING = TaskRef(HA_PLAN, 6, "Theo dõi, giám sát, đánh giá")
NB_COMMUNICATION = TaskRef(NB_PLAN, 1, "Truyền thông nâng cao nhận thức")
NB_CAPACITY = TaskRef(NB_PLAN, 2, "Nâng cao năng lực cho đội ngũ cán bộ")
NB_PARENTING = TaskRef(NB_PLAN, 4, "giáo dục làm cha mẹ")
NB_MONITORING = TaskRef(NB_PLAN, 7, "Theo dõi, giám sát, đánh giá tình hình triển khai")


class TaskFinder:
    """Finds the demo plans' tasks: the task at the given number whose title holds the phrase, else the only task
    of the plan whose title holds it; anything else stops the demo with a message naming the task."""

    def __init__(self, plans: dict[str, Any]) -> None:
        self.plans = plans
        self._cache: dict[TaskRef, Any] = {}

    def __call__(self, ref: TaskRef) -> Any:
        if ref not in self._cache:
            self._cache[ref] = self._find(ref)
        return self._cache[ref]

    def _find(self, ref: TaskRef) -> Any:
        from tretho.demo.load import DemoDataError

        plan = self.plans.get(ref.plan)
        if plan is None:
            raise DemoDataError(_("Không tìm thấy kế hoạch mẫu của nhiệm vụ %(task)s.") % {"task": ref})
        top = list(plan.tasks.filter(parent__isnull=True).order_by("order", "pk"))
        if len(top) >= ref.number and ref.phrase in top[ref.number - 1].title:
            return top[ref.number - 1]
        matches = list(plan.tasks.filter(title__contains=ref.phrase))
        if len(matches) != 1:
            raise DemoDataError(_("Không tìm thấy đúng một nhiệm vụ %(task)s trong kế hoạch mẫu: %(count)s nhiệm "
                                  "vụ khớp.") % {"task": ref, "count": len(matches)})
        return matches[0]


# -- the records as data ---------------------------------------------------------------------------------------------

Audience = tuple[tuple[str, int, int], ...]  # (category, men, women)


@dataclass(frozen=True)
class Held:
    """What every held activity has (HeldActivity)."""

    title: str
    unit: UnitRef
    start: dt.date
    tasks: tuple[TaskRef, ...]
    end: dt.date | None = None
    venue: str = ""
    organiser: str = ""  # agency key
    organiser_text: str = ""
    cost: int | None = None
    funding: str = ""
    note: str = ""
    audience: Audience = ()


@dataclass(frozen=True)
class Person:
    """A named participant who is not in the registry (an official, a communicator)."""

    full_name: str
    sex: str
    birth_year: int
    category: str
    workplace: str


@dataclass(frozen=True)
class TrainingSpec(Held):
    kind: str = TrainingKind.TRAINING
    topics: tuple[str, ...] = ()
    materials: str = ""
    trainers: str = ""
    people: tuple[Person, ...] = ()
    # Named participants taken from the registry: the staff of these roles working in the training's unit on its
    # first day; (group code, role) pairs whose first such person did not complete the course.
    staff_roles: tuple[str, ...] = ()
    not_completed: tuple[tuple[str, str], ...] = ()
    # Audience rows counted from the named participants (else `audience` as given).
    count_participants: bool = False


@dataclass(frozen=True)
class CommunicationSpec(Held):
    channel: str = CommunicationChannel.MEETING
    sessions: int = 1
    copies: int | None = None


@dataclass(frozen=True)
class Family:
    caregiver_name: str
    children_under_3: int
    children_3_to_8: int = 0
    note: str = ""


@dataclass(frozen=True)
class ParentingSpec(Held):
    format: str = ParentingFormat.GROUP_SESSION
    families_count: int | None = None
    families: tuple[Family, ...] = ()


@dataclass(frozen=True)
class FollowUp:
    content: str
    deadline: dt.date
    owner: str = ""  # agency key
    owner_text: str = ""
    done_on: dt.date | None = None
    result: str = ""


@dataclass(frozen=True)
class MeetingSpec(Held):
    kind: str = MeetingKind.STEERING
    committee: str = ""  # steering committee name (tretho.demo.data.COMMITTEES), in the meeting's unit
    chair: str = ""
    attendees: str = ""
    attendee_count: int | None = None
    conclusions: str = ""
    follow_ups: tuple[FollowUp, ...] = ()


@dataclass(frozen=True)
class CommendationSpec:
    unit: UnitRef
    tasks: tuple[TaskRef, ...]
    recipient_kind: str
    recipient_name: str
    level: str
    form: str
    reason: str
    decision_number: str
    decision_date: dt.date
    recipient_agency: str = ""
    proposed_by: str = ""


@dataclass(frozen=True)
class ProposalSpec:
    unit: UnitRef
    tasks: tuple[TaskRef, ...]
    kind: str
    title: str
    content: str
    raised_on: dt.date
    addressed_level: str
    addressed_agency: str = ""
    status: str = ProposalStatus.OPEN
    answer: str = ""
    answered_on: dt.date | None = None
    answered_by: str = ""


@dataclass(frozen=True)
class CompletionSpec:
    task: TaskRef
    done_on: dt.date
    evidence: str


# -- Đồng Nai 2017 ----------------------------------------------------------------------------------------------------

DISTRICT_TOPICS = (
    "Giới thiệu Đề án 404 và Kế hoạch năm 2017 của Hội LHPN tỉnh",
    "Hướng dẫn sử dụng bộ tài liệu của Đề án: quản lý nhóm trẻ độc lập tư thục, chăm sóc trẻ dưới 36 tháng tuổi",
    "Kỹ năng tuyên truyền, vận động các bà mẹ công nhân gửi con tại nhóm trẻ được quản lý",
)


def _district_training(index: int, code: str, label: str) -> TrainingSpec:
    day = D(2017, 4, 4) + dt.timedelta(days=7 * index)  # one district a week, April to June
    return TrainingSpec(
        title=f"Tập huấn hướng dẫn sử dụng bộ tài liệu Đề án 404/CP cho cán bộ Hội cơ sở, tuyên truyền viên "
              f"{label}",
        unit=district(code, label), start=day, tasks=(DN_DISTRICT_TRAINING,),
        venue=f"Hội trường UBND {label}", organiser="dn.hlhpn",
        cost=9_000_000 + 250_000 * (index % 5), funding=LOCAL,
        audience=((C.OFFICIALS, 1 + index % 3, 24 + (index * 7) % 12),
                  (C.COMMUNICATORS, 2 + index % 4, 18 + (index * 5) % 13)),
        topics=DISTRICT_TOPICS, materials=MATERIALS_404,
        trainers="Báo cáo viên Ban Gia đình - Xã hội, Hội LHPN tỉnh Đồng Nai",
        note="Phối hợp Hội LHPN huyện, thị xã, thành phố tổ chức; học viên là cán bộ Hội các xã, phường, thị trấn.",
    )


BREASTFEEDING_TOPICS = (
    "Lợi ích của nuôi con bằng sữa mẹ; cho trẻ bú sớm, bú hoàn toàn 6 tháng đầu",
    "Vắt, trữ sữa mẹ khi đi làm ca tại khu công nghiệp",
    "Chăm sóc dinh dưỡng, vận động và kích thích phát triển cho trẻ 0–36 tháng tuổi",
)
STAFF_TOPICS = (
    "Đạo đức nghề nghiệp, phòng chống bạo hành trẻ em trong nhóm trẻ",
    "Chăm sóc, nuôi dưỡng trẻ 0–36 tháng tuổi: chế độ sinh hoạt, dinh dưỡng, vệ sinh",
    "Phòng tránh tai nạn thương tích, sơ cứu ban đầu",
    "Tổ chức hoạt động chơi và phát triển cho trẻ theo độ tuổi",
)
TRAINERS_404 = "Bác sĩ Khoa Nhi, Bệnh viện Đa khoa Đồng Nai; chuyên viên Phòng Giáo dục Mầm non, Sở GD&ĐT"

DN_TRAININGS: list[TrainingSpec] = [
    *(_district_training(index, code, label) for index, (code, label) in enumerate(DISTRICTS_2017)),
    TrainingSpec(
        title="Tập huấn khuyến khích nuôi con bằng sữa mẹ và chăm sóc trẻ 0–36 tháng tuổi tại phường Long Bình",
        unit=data.LONG_BINH_OLD, start=D(2017, 5, 16), tasks=(DN_BREASTFEEDING,),
        venue="Hội trường UBND phường Long Bình", organiser="dn.hlhpn", cost=14_000_000, funding=LOCAL,
        audience=((C.PARENTS, 6, 64), (C.OFFICIALS, 1, 6), (C.COMMUNICATORS, 2, 11)),
        staff_roles=(StaffRole.OWNER_MANAGER,),  # the group owners, named, counted with the rows below
        topics=BREASTFEEDING_TOPICS, materials=MATERIALS_404, trainers=TRAINERS_404,
    ),
    TrainingSpec(
        title="Tập huấn khuyến khích nuôi con bằng sữa mẹ và chăm sóc trẻ 0–36 tháng tuổi tại xã Hóa An",
        unit=data.HOA_AN_OLD, start=D(2017, 5, 18), tasks=(DN_BREASTFEEDING,),
        venue="Hội trường UBND xã Hóa An", organiser="dn.hlhpn", cost=12_500_000, funding=LOCAL,
        audience=((C.PARENTS, 4, 52), (C.OFFICIALS, 0, 5), (C.COMMUNICATORS, 1, 9)),
        staff_roles=(StaffRole.OWNER_MANAGER,),
        topics=BREASTFEEDING_TOPICS, materials=MATERIALS_404, trainers=TRAINERS_404,
    ),
    TrainingSpec(
        title="Bồi dưỡng kỹ năng chăm sóc trẻ và đạo đức nghề nghiệp cho chủ nhóm, giáo viên, bảo mẫu nhóm trẻ "
              "phường Long Bình",
        unit=data.LONG_BINH_OLD, start=D(2017, 8, 15), end=D(2017, 8, 16), tasks=(DN_BREASTFEEDING, DN_SUPPORT),
        kind=TrainingKind.REFRESHER, venue="Trường Mầm non Long Bình", organiser="dn.hlhpn",
        cost=18_000_000, funding=LOCAL, topics=STAFF_TOPICS, materials=MATERIALS_404, trainers=TRAINERS_404,
        staff_roles=CARING_ROLES, not_completed=(("LB07", StaffRole.CAREGIVER),), count_participants=True,
        people=(Person("Trương Thị Ngọc Ánh", Sex.FEMALE, 1981, C.OFFICIALS, "Hội LHPN phường Long Bình"),),
        note="Một bảo mẫu nhóm trẻ Tuổi Thơ vắng ngày thứ hai, chưa hoàn thành khóa học.",
    ),
    TrainingSpec(
        title="Bồi dưỡng kỹ năng chăm sóc trẻ và đạo đức nghề nghiệp cho chủ nhóm, giáo viên, bảo mẫu nhóm trẻ "
              "xã Hóa An",
        unit=data.HOA_AN_OLD, start=D(2017, 8, 22), end=D(2017, 8, 23), tasks=(DN_BREASTFEEDING, DN_SUPPORT),
        kind=TrainingKind.REFRESHER, venue="Hội trường UBND xã Hóa An", organiser="dn.hlhpn",
        cost=15_000_000, funding=LOCAL, topics=STAFF_TOPICS, materials=MATERIALS_404, trainers=TRAINERS_404,
        staff_roles=CARING_ROLES, count_participants=True,
        people=(Person("Mai Thị Kiều", Sex.FEMALE, 1978, C.OFFICIALS, "Hội LHPN xã Hóa An"),),
    ),
]

DN_COMMUNICATION: list[CommunicationSpec] = [
    CommunicationSpec(
        title="Phát thanh trên loa truyền thanh phường: gửi trẻ tại nhóm trẻ được cấp phép, an toàn",
        unit=data.LONG_BINH_OLD, start=D(2017, 4, 3), end=D(2017, 6, 30), tasks=(DN_SUPPORT,),
        channel=CommunicationChannel.LOUDSPEAKER, sessions=24, organiser="lb.hlhpn", cost=2_400_000, funding=LOCAL,
        note="Hai buổi mỗi tuần, vào giờ tan ca của công nhân.",
    ),
    CommunicationSpec(
        title="Nói chuyện chuyên đề với công nhân KCN Amata: chăm sóc trẻ dưới 36 tháng tuổi, chọn nhóm trẻ an toàn",
        unit=data.LONG_BINH_OLD, start=D(2017, 6, 11), tasks=(DN_SUPPORT,),
        channel=CommunicationChannel.MEETING, venue="Nhà văn hóa công nhân KCN Amata", organiser="lb.hlhpn",
        cost=6_000_000, funding=ENTERPRISES,
        audience=((C.WORKERS, 34, 118), (C.MOTHERS, 0, 86), (C.PREGNANT_WOMEN, 0, 14)),
        note="Phối hợp Công đoàn các công ty trong KCN Amata; doanh nghiệp hỗ trợ hội trường và nước uống.",
    ),
    CommunicationSpec(
        title="Sinh hoạt chuyên đề với các bà mẹ ở khu nhà trọ công nhân: vai trò của gia đình trong chăm sóc trẻ",
        unit=data.HOA_AN_OLD, start=D(2017, 7, 9), tasks=(DN_SUPPORT,),
        channel=CommunicationChannel.MEETING, venue="Nhà văn hóa ấp Đồng Nai", organiser="ha.hlhpn",
        cost=3_500_000, funding=LOCAL,
        audience=((C.MOTHERS, 0, 64), (C.FATHERS, 12, 0), (C.PREGNANT_WOMEN, 0, 9)),
    ),
    CommunicationSpec(
        title="Phát tờ rơi “Gửi trẻ an toàn – cha mẹ yên tâm lao động” tại các khu nhà trọ công nhân",
        unit=data.HOA_AN_OLD, start=D(2017, 7, 1), end=D(2017, 7, 31), tasks=(DN_SUPPORT,),
        channel=CommunicationChannel.PRINT, copies=2_000, organiser="bh.hlhpn", cost=5_000_000, funding=LOCAL,
        audience=((C.MOTHERS, 0, 1_450), (C.WORKERS, 180, 370)),
    ),
]

DN_MEETINGS: list[MeetingSpec] = [
    MeetingSpec(
        title="Họp Ban Điều hành Đề án 404 tỉnh triển khai Kế hoạch năm 2017",
        unit=data.DONG_NAI_OLD, start=D(2017, 3, 21), tasks=(DN_STEERING,), committee=DN_BOARD,
        venue="Phòng họp Hội LHPN tỉnh Đồng Nai", organiser="dn.hlhpn",
        chair="Chủ tịch Hội LHPN tỉnh, Trưởng Ban Điều hành Đề án 404 tỉnh",
        attendees="Thành viên Ban Điều hành Đề án 404 tỉnh; Ban Gia đình - Xã hội Hội LHPN tỉnh; Hội LHPN "
                  "thành phố Biên Hòa", attendee_count=18,
        conclusions="Thống nhất Kế hoạch năm 2017; giao Hội LHPN thành phố Biên Hòa rà soát các nhóm trẻ cần kiện "
                    "toàn tại phường Long Bình và xã Hóa An.",
        follow_ups=(FollowUp("Lập danh sách nhóm trẻ độc lập tư thục cần kiện toàn và dự kiến thành lập mới tại "
                             "phường Long Bình, xã Hóa An.", D(2017, 4, 15), owner="bh.hlhpn",
                             done_on=D(2017, 4, 12), result="Danh sách 16 nhóm kiện toàn, 4 nhóm thành lập mới."),),
    ),
    MeetingSpec(
        title="Họp Ban Điều hành Đề án 404 tỉnh đánh giá kết quả 6 tháng đầu năm 2017",
        unit=data.DONG_NAI_OLD, start=D(2017, 7, 18), tasks=(DN_STEERING,), committee=DN_BOARD,
        venue="Phòng họp Hội LHPN tỉnh Đồng Nai", organiser="dn.hlhpn",
        chair="Chủ tịch Hội LHPN tỉnh, Trưởng Ban Điều hành Đề án 404 tỉnh",
        attendees="Thành viên Ban Điều hành Đề án 404 tỉnh; Hội LHPN thành phố Biên Hòa; UBND phường Long Bình, "
                  "xã Hóa An", attendee_count=21,
        conclusions="Đã tập huấn 11/11 huyện, thị xã, thành phố; các nhóm trẻ ở nhà trọ gặp khó khăn về diện tích "
                    "khi xin cấp phép: đề nghị Sở GD&ĐT hướng dẫn.",
        follow_ups=(FollowUp("Hướng dẫn hồ sơ, điều kiện cấp phép cho nhóm trẻ thuê nhà trọ.", D(2017, 9, 30),
                             owner="dn.sgd", done_on=D(2017, 9, 12),
                             result="Công văn hướng dẫn của Sở GD&ĐT gửi UBND thành phố Biên Hòa."),),
    ),
    MeetingSpec(
        title="Hội nghị sơ kết giai đoạn 1 (2014 – 2017) thực hiện Đề án 404 tỉnh Đồng Nai",
        unit=data.DONG_NAI_OLD, start=D(2017, 11, 28), tasks=(DN_REVIEW,), kind=MeetingKind.PRELIMINARY_REVIEW,
        committee=DN_BOARD, venue="Hội trường Hội LHPN tỉnh Đồng Nai, thành phố Biên Hòa", organiser="dn.hlhpn",
        cost=35_000_000, funding=LOCAL,
        chair="Chủ tịch Hội LHPN tỉnh, Trưởng Ban Điều hành Đề án 404 tỉnh",
        attendees="Ban Điều hành Đề án 404 tỉnh; Hội LHPN, Phòng GD&ĐT các huyện, thị xã, thành phố; UBND, Hội "
                  "LHPN phường Long Bình, xã Hóa An; đại diện chủ nhóm trẻ và doanh nghiệp KCN", attendee_count=115,
        conclusions="Giai đoạn 1 đã hỗ trợ kiện toàn 16 và thành lập mới 4 nhóm trẻ, tập huấn cán bộ Hội ở 11/11 "
                    "huyện, thị xã, thành phố. Giai đoạn 2018 – 2020: nhân rộng ra các KCN khác, đề xuất chính sách "
                    "hỗ trợ bảo mẫu, tập huấn bảo mẫu mới hằng năm.",
        follow_ups=(
            FollowUp("Xây dựng kế hoạch thực hiện Đề án giai đoạn 2018 – 2020, trình Ban Điều hành tỉnh.",
                     D(2018, 1, 31), owner="dn.hlhpn", done_on=D(2018, 1, 25),
                     result="Kế hoạch giai đoạn 2018 – 2020 đã ban hành."),
            FollowUp("Hoàn thiện hồ sơ cấp phép cho các nhóm trẻ chưa được cấp phép ở xã Hóa An.", D(2018, 3, 31),
                     owner="bh.hlhpn", done_on=D(2018, 3, 20), result="Hai nhóm đã nộp hồ sơ, một nhóm được cấp phép."),
            FollowUp("Tham mưu UBND tỉnh chính sách hỗ trợ bảo mẫu nhóm trẻ độc lập tư thục ở khu công nghiệp.",
                     D(2018, 6, 30), owner="dn.sldtbxh"),
        ),
    ),
]

DN_COMMENDATIONS: list[CommendationSpec] = [
    CommendationSpec(
        unit=data.DONG_NAI_OLD, tasks=(DN_REVIEW,), recipient_kind=RecipientKind.COLLECTIVE,
        recipient_name="Hội Liên hiệp Phụ nữ phường Long Bình", recipient_agency="lb.hlhpn",
        level=CommendationLevel.PROVINCE, form=CommendationForm.MERIT_CERTIFICATE,
        reason="Có thành tích xuất sắc trong hỗ trợ kiện toàn, phát triển nhóm trẻ độc lập tư thục giai đoạn 2014 – "
               "2017 (Đề án 404).",
        decision_number="215/QĐ-HLHPN", decision_date=D(2017, 11, 24), proposed_by="bh.hlhpn",
    ),
    CommendationSpec(
        unit=data.BIEN_HOA, tasks=(DN_REVIEW,), recipient_kind=RecipientKind.INDIVIDUAL,
        recipient_name="Lâm Thị Bích Ngọc",
        level=CommendationLevel.DISTRICT, form=CommendationForm.CERTIFICATE,
        reason="Tuyên truyền viên tích cực vận động các bà mẹ công nhân gửi con tại nhóm trẻ được cấp phép ở xã Hóa "
               "An.",
        decision_number="48/QĐ-HLHPN", decision_date=D(2017, 11, 20), proposed_by="ha.hlhpn",
    ),
]

DN_PROPOSALS: list[ProposalSpec] = [
    ProposalSpec(
        unit=data.HOA_AN_OLD, tasks=(DN_SUPPORT,), kind=ProposalKind.DIFFICULTY,
        title="Nhóm trẻ thuê nhà trọ khó đáp ứng điều kiện diện tích để được cấp phép",
        content="Phần lớn nhóm trẻ trên địa bàn xã hoạt động trong nhà trọ thuê, diện tích phòng nuôi dưỡng dưới mức "
                "quy định; chủ nhóm không đủ kinh phí mở rộng. Đề nghị hướng dẫn điều kiện cấp phép phù hợp.",
        raised_on=D(2017, 7, 10), addressed_level=AddressedLevel.PROVINCE, addressed_agency="dn.sgd",
        status=ProposalStatus.ANSWERED,
        answer="Sở GD&ĐT hướng dẫn: nhóm trẻ được cấp phép khi bảo đảm diện tích bình quân theo Thông tư 13/2015; "
               "UBND xã cấp phép tạm thời 12 tháng để chủ nhóm cải tạo, Hội LHPN hỗ trợ trang thiết bị.",
        answered_on=D(2017, 9, 12), answered_by="dn.sgd",
    ),
    ProposalSpec(
        unit=data.LONG_BINH_OLD, tasks=(DN_REVIEW,), kind=ProposalKind.RECOMMENDATION,
        title="Bố trí kinh phí tập huấn hằng năm cho bảo mẫu mới vào làm",
        content="Bảo mẫu các nhóm trẻ thay đổi thường xuyên; người mới vào làm chưa được tập huấn. Đề nghị tỉnh bố "
                "trí kinh phí tập huấn định kỳ mỗi năm một lớp tại phường.",
        raised_on=D(2017, 11, 28), addressed_level=AddressedLevel.PROVINCE, addressed_agency="dn.hlhpn",
        status=ProposalStatus.IN_PROGRESS,
    ),
]

DN_COMPLETIONS: list[CompletionSpec] = [
    CompletionSpec(
        DN_SUPPORT, D(2017, 12, 15),
        "Đã hỗ trợ 20 nhóm trẻ tại phường Long Bình (12) và xã Hóa An (8): kiện toàn 16 nhóm (80%), thành lập mới "
        "4 nhóm (20%), mỗi nhóm từ 15 đến 50 cháu; biên bản bàn giao trang thiết bị ngày 20/10/2017.",
    ),
    CompletionSpec(
        DN_BREASTFEEDING, D(2017, 8, 23),
        "Tổ chức 2 lớp tập huấn cha mẹ có con 0–36 tháng tuổi (Long Bình 16/5, Hóa An 18/5/2017) và 2 lớp bồi "
        "dưỡng chủ nhóm, giáo viên, bảo mẫu (15–16/8 và 22–23/8/2017); danh sách học viên lưu tại Ban Gia đình - Xã "
        "hội.",
    ),
]


# -- Hương An and Ninh Bình 2019 ---------------------------------------------------------------------------------------

HA_TRAININGS: list[TrainingSpec] = [
    TrainingSpec(
        title="Tập huấn nâng cao năng lực chăm sóc phát triển toàn diện trẻ em cho cán bộ, cộng tác viên phường "
              "Hương An",
        unit=data.HUONG_AN_OLD, start=D(2019, 4, 16), end=D(2019, 4, 17), tasks=(HA_CAPACITY,),
        venue="Hội trường UBND phường Hương An", organiser="huongan.ldtbxh", cost=12_000_000, funding=LOCAL,
        audience=((C.OFFICIALS, 6, 14), (C.COMMUNICATORS, 3, 17), (C.TEACHERS, 0, 8)),
        topics=("Đề án 1437 và Kế hoạch 79/KH-UBND của phường",
                "Chăm sóc trẻ em trong 1.000 ngày đầu đời; phát hiện sớm trẻ chậm phát triển",
                "Kết nối, chuyển tuyến dịch vụ hỗ trợ trẻ em tại cộng đồng"),
        materials=MATERIALS_1437, trainers="Chuyên viên Phòng Lao động - Thương binh và Xã hội thị xã Hương Trà",
        people=(Person("Hồ Thị Thanh Nhàn", Sex.FEMALE, 1985, C.COMMUNICATORS, "Tổ dân phố 3, phường Hương An"),
                Person("Nguyễn Văn Cường", Sex.MALE, 1979, C.COMMUNICATORS, "Tổ dân phố 5, phường Hương An"),
                Person("Trần Thị Mỹ Duyên", Sex.FEMALE, 1990, C.TEACHERS, "Trường Mầm non Hương An")),
    ),
]
HA_EVENTS: list[CommunicationSpec] = [
    CommunicationSpec(
        title="Tuyên truyền trên loa truyền thanh phường về chăm sóc trẻ em trong 1.000 ngày đầu đời",
        unit=data.HUONG_AN_OLD, start=D(2019, 4, 1), end=D(2019, 6, 30), tasks=(HA_COMMUNICATION,),
        channel=CommunicationChannel.LOUDSPEAKER, sessions=26,
        organiser_text="Bộ phận Văn hóa - Thông tin phường Hương An", cost=1_500_000, funding=LOCAL,
    ),
    CommunicationSpec(
        title="Truyền thông chăm sóc phát triển toàn diện trẻ em những năm đầu đời tại các tổ dân phố",
        unit=data.HUONG_AN_OLD, start=D(2019, 5, 24), tasks=(HA_COMMUNICATION,),
        channel=CommunicationChannel.MEETING, venue="Nhà văn hóa tổ dân phố 4", organiser="huongan.hlhpn",
        cost=4_200_000, funding=LOCAL,
        audience=((C.MOTHERS, 0, 58), (C.FATHERS, 14, 0), (C.PREGNANT_WOMEN, 0, 11), (C.OTHER, 3, 9)),
    ),
]
HA_PARENTING_SESSIONS: list[ParentingSpec] = [
    ParentingSpec(
        title="Sinh hoạt nhóm cha mẹ: chăm sóc trẻ trong 1.000 ngày đầu đời",
        unit=data.HUONG_AN_OLD, start=D(2019, 6, 14), tasks=(HA_PARENTING,), venue="Trạm Y tế phường Hương An",
        organiser="huongan.tyt", cost=2_500_000, funding=LOCAL,
        audience=((C.MOTHERS, 0, 18), (C.FATHERS, 5, 0), (C.PREGNANT_WOMEN, 0, 4)),
        families=(Family("Lê Thị Thu Hiền", 1, 1), Family("Phan Văn Tài", 1), Family("Nguyễn Thị Hoài", 2),
                  Family("Võ Thị Kim Liên", 1, 1, "Mang thai lần hai")),
    ),
    ParentingSpec(
        title="Thăm, hướng dẫn cha mẹ tại hộ gia đình có trẻ dưới 3 tuổi (thí điểm Chương trình giáo dục làm cha mẹ)",
        unit=data.HUONG_AN_OLD, start=D(2019, 9, 10), end=D(2019, 9, 20), tasks=(HA_PARENTING,),
        format=ParentingFormat.HOME_VISIT, organiser="huongan.hlhpn", cost=3_000_000, funding=DONORS,
        families=(Family("Trương Thị Ngọc Hân", 1), Family("Đoàn Văn Phước", 1, 2),
                  Family("Huỳnh Thị Mỹ", 2), Family("Lê Văn Thịnh", 1), Family("Hồ Thị Lài", 1, 1)),
        note="Kinh phí do một tổ chức phi chính phủ tài trợ cho thí điểm.",
    ),
]
HA_MEETINGS: list[MeetingSpec] = [
    MeetingSpec(
        title="Họp Ban Chỉ đạo thực hiện Đề án 1437 phường đánh giá kết quả năm 2019",
        unit=data.HUONG_AN_OLD, start=D(2019, 12, 10), tasks=(HA_MONITORING,), committee=HA_BOARD,
        venue="Phòng họp UBND phường Hương An", organiser="huongan.ubnd",
        chair="Chủ tịch UBND phường, Trưởng Ban Chỉ đạo", attendees="Thành viên Ban Chỉ đạo; trưởng các tổ dân phố",
        attendee_count=16,
        conclusions="Duy trì nhóm cha mẹ ở Trạm Y tế; mở rộng thăm hộ gia đình ra 3 tổ dân phố năm 2020.",
        follow_ups=(FollowUp("Tổng hợp báo cáo kết quả năm 2019 gửi UBND thị xã Hương Trà.", D(2019, 12, 20),
                             owner="huongan.ldtbxh", done_on=D(2019, 12, 18), result="Đã gửi báo cáo."),),
    ),
]

NB_TRAININGS: list[TrainingSpec] = [
    TrainingSpec(
        title="Tập huấn chăm sóc phát triển toàn diện trẻ em những năm đầu đời cho cán bộ quản lý, giáo viên mầm non",
        unit=data.NINH_BINH_OLD, start=D(2019, 8, 6), end=D(2019, 8, 7), tasks=(NB_CAPACITY,),
        venue="Hội trường Sở Giáo dục và Đào tạo Ninh Bình", organiser="nb.sgd", cost=45_000_000, funding=LOCAL,
        audience=((C.OFFICIALS, 4, 46), (C.TEACHERS, 0, 112)),
        topics=("Đề án 1437 và Kế hoạch 03/KH-SGDĐT", "Giáo dục sớm, giáo dục kỹ năng cho trẻ trước tuổi đi học",
                "Phối hợp với cha mẹ trong chăm sóc, giáo dục trẻ"),
        materials=MATERIALS_1437, trainers="Phòng Giáo dục Mầm non và Phòng Chính trị tư tưởng, Sở GD&ĐT",
    ),
]
NB_EVENTS: list[CommunicationSpec] = [
    CommunicationSpec(
        title="Chuyên mục “Nuôi dạy con những năm đầu đời” trên trang thông tin điện tử của Sở GD&ĐT",
        unit=data.NINH_BINH_OLD, start=D(2019, 9, 1), end=D(2019, 12, 31), tasks=(NB_COMMUNICATION,),
        channel=CommunicationChannel.SOCIAL_MEDIA, sessions=12, organiser="nb.sgd",
    ),
    CommunicationSpec(
        title="Hội nghị cha mẹ trẻ đầu năm học: chăm sóc, giáo dục trẻ phù hợp với độ tuổi",
        unit=data.DONG_THANH, start=D(2019, 9, 20), tasks=(NB_COMMUNICATION,), venue="Trường Mầm non Đông Thành",
        channel=CommunicationChannel.MEETING, organiser="nb.mn", cost=2_000_000, funding=LOCAL,
        audience=((C.MOTHERS, 0, 142), (C.FATHERS, 38, 0)),
    ),
]
NB_PARENTING_SESSIONS: list[ParentingSpec] = [
    ParentingSpec(
        title="Câu lạc bộ cha mẹ: đọc sách và chơi cùng con",
        unit=data.DONG_THANH, start=D(2019, 10, 19), tasks=(NB_PARENTING,), venue="Trường Mầm non Đông Thành",
        format=ParentingFormat.CLUB, organiser="nb.mn", cost=1_200_000, funding=DONORS,
        audience=((C.PARENTS, 6, 22),),
        families=(Family("Đinh Thị Phương", 1, 1), Family("Phạm Văn Lực", 0, 2), Family("Vũ Thị Hải Yến", 1)),
    ),
]
NB_MEETINGS: list[MeetingSpec] = [
    MeetingSpec(
        title="Hội nghị sơ kết 1 năm thực hiện Kế hoạch 03/KH-SGDĐT của ngành giáo dục",
        unit=data.NINH_BINH_OLD, start=D(2019, 12, 26), tasks=(NB_MONITORING,),
        kind=MeetingKind.PRELIMINARY_REVIEW, venue="Hội trường Sở Giáo dục và Đào tạo Ninh Bình", organiser="nb.sgd",
        chair="Phó Giám đốc Sở GD&ĐT", attendees="Lãnh đạo các phòng của Sở; hiệu trưởng các trường mầm non, tiểu học",
        attendee_count=64,
        conclusions="Các trường đã xây dựng kế hoạch; cần tăng hoạt động với cha mẹ ở vùng khu công nghiệp.",
        follow_ups=(FollowUp("Hướng dẫn các trường mầm non vùng khu công nghiệp tổ chức câu lạc bộ cha mẹ.",
                             D(2020, 3, 31), owner="nb.sgd", done_on=D(2020, 3, 15),
                             result="Công văn hướng dẫn gửi các trường."),),
    ),
]

TRAININGS = DN_TRAININGS + HA_TRAININGS + NB_TRAININGS
COMMUNICATION = DN_COMMUNICATION + HA_EVENTS + NB_EVENTS
PARENTING = HA_PARENTING_SESSIONS + NB_PARENTING_SESSIONS
MEETINGS = DN_MEETINGS + HA_MEETINGS + NB_MEETINGS
COMMENDATIONS = DN_COMMENDATIONS
PROPOSALS = DN_PROPOSALS
COMPLETIONS = DN_COMPLETIONS


# -- writing ---------------------------------------------------------------------------------------------------------


@dataclass
class _Writer:
    unit: Any  # tretho.demo.load.UnitResolver
    agencies: dict[str, Any]
    tasks: TaskFinder
    report: Any

    def ensure(self, model: type, lookup: dict[str, Any], values: dict[str, Any]) -> Any:
        from tretho.demo.load import ensure

        return ensure(model, lookup, values, self.report)

    def agency(self, key: str) -> Any:
        return self.agencies[key] if key else None

    def link_tasks(self, obj: Any, refs: tuple[TaskRef, ...]) -> None:
        wanted = {self.tasks(ref).pk for ref in refs}
        if set(obj.tasks.values_list("pk", flat=True)) != wanted:
            obj.tasks.set(wanted)

    def held(self, model: type, spec: Held, extra: dict[str, Any]) -> Any:
        values = {"end_date": spec.end, "venue": spec.venue, "organiser": self.agency(spec.organiser),
                  "organiser_text": spec.organiser_text, "cost": None if spec.cost is None else Decimal(spec.cost),
                  "funding_source": spec.funding, "note": spec.note, **extra}
        obj = self.ensure(model, {"unit": self.unit(spec.unit), "title": spec.title, "start_date": spec.start},
                          values)
        self.link_tasks(obj, spec.tasks)
        return obj

    def audience(self, model: type, owner_field: str, owner: Any, rows: Audience) -> None:
        for category, male, female in rows:
            self.ensure(model, {owner_field: owner, "category": category}, {"male": male, "female": female})


def load_activities_demo(unit: Any, agencies: dict[str, Any], plans: dict[str, Any], report: Any) -> None:
    """Write the activities demo (unit: tretho.demo.load.UnitResolver; agencies by demo key; plans by spec key;
    report: its LoadReport). Runs inside the demo's transaction."""
    writer = _Writer(unit, agencies, TaskFinder(plans), report)
    for spec in TRAININGS:
        _training(writer, spec)
    for comm in COMMUNICATION:
        event = writer.held(CommunicationEvent, comm,
                            {"channel": comm.channel, "sessions": comm.sessions, "copies": comm.copies})
        writer.audience(CommunicationAudience, "event", event, comm.audience)
    for parenting in PARENTING:
        session = writer.held(ParentingSession, parenting,
                              {"format": parenting.format, "families_count": parenting.families_count})
        writer.audience(ParentingAudience, "session", session, parenting.audience)
        for family in parenting.families:
            writer.ensure(ParentingFamily, {"session": session, "caregiver_name": family.caregiver_name},
                          {"children_under_3": family.children_under_3, "children_3_to_8": family.children_3_to_8,
                           "note": family.note})
    for meeting_spec in MEETINGS:
        _meeting(writer, meeting_spec)
    for commendation in COMMENDATIONS:
        obj = writer.ensure(Commendation, {"unit": unit(commendation.unit),
                                           "decision_number": commendation.decision_number,
                                           "recipient_name": commendation.recipient_name}, {
            "recipient_kind": commendation.recipient_kind,
            "recipient_agency": writer.agency(commendation.recipient_agency), "level": commendation.level,
            "form": commendation.form, "reason": commendation.reason, "decision_date": commendation.decision_date,
            "proposed_by": writer.agency(commendation.proposed_by)})
        writer.link_tasks(obj, commendation.tasks)
    for proposal in PROPOSALS:
        obj = writer.ensure(Proposal, {"unit": unit(proposal.unit), "title": proposal.title,
                                       "raised_on": proposal.raised_on}, {
            "kind": proposal.kind, "content": proposal.content, "addressed_level": proposal.addressed_level,
            "addressed_agency": writer.agency(proposal.addressed_agency), "status": proposal.status,
            "answer": proposal.answer, "answered_on": proposal.answered_on,
            "answered_by": writer.agency(proposal.answered_by)})
        writer.link_tasks(obj, proposal.tasks)
    for completion in COMPLETIONS:
        writer.ensure(TaskCompletion, {"task": writer.tasks(completion.task)},
                      {"done_on": completion.done_on, "evidence": completion.evidence})
    # The 2017 supervision of childcare groups (Long Bình, Hóa An) carries out the Đồng Nai plan's task 2.
    from tretho.registry.demo import load_registry_visits_2017

    load_registry_visits_2017(writer.tasks(DN_SUPERVISION), report)


def _training(writer: _Writer, spec: TrainingSpec) -> None:
    training = writer.held(Training, spec, {"kind": spec.kind, "topics": "\n".join(spec.topics),
                                            "materials": spec.materials, "trainers": spec.trainers})
    counted: Counter[tuple[str, str]] = Counter()
    for staff, completed in _staff_attending(training, spec):
        category = STAFF_ROLE_CATEGORIES[staff.role]
        writer.ensure(TrainingParticipant, {"training": training, "staff": staff},
                      {"sex": Sex.FEMALE, "category": category, "workplace": staff.group.name,
                       "completed": completed})
        counted[category, Sex.FEMALE] += 1
    for person in spec.people:
        writer.ensure(TrainingParticipant, {"training": training, "staff": None, "full_name": person.full_name},
                      {"sex": person.sex, "birth_year": person.birth_year, "category": person.category,
                       "workplace": person.workplace})
        counted[person.category, person.sex] += 1
    rows = spec.audience
    if spec.count_participants:
        categories = dict.fromkeys(category for category, _sex in counted)
        rows = tuple((category, counted[category, Sex.MALE], counted[category, Sex.FEMALE])
                     for category in categories)
    elif counted and spec.staff_roles:  # named staff come on top of the typed rows, in their own categories
        given = {category for category, _male, _female in rows}
        rows += tuple((category, counted[category, Sex.MALE], counted[category, Sex.FEMALE])
                      for category in dict.fromkeys(c for c, _sex in counted) if category not in given)
    writer.audience(TrainingAudience, "training", training, rows)


# The registry's staff roles as audience categories (every demo staff member is a woman: "… Thị …").
def _staff_attending(training: Training, spec: TrainingSpec) -> list[tuple[Any, bool]]:
    """The registry staff of the given roles working in the training's unit on its first day, in a stable order,
    each with whether they completed the course."""
    from tretho.registry.models import Staff

    if not spec.staff_roles:
        return []
    day = spec.start
    staff = list(Staff.objects.filter(
        Q(start_date__isnull=True) | Q(start_date__lte=day), Q(end_date__isnull=True) | Q(end_date__gte=day),
        group__unit__path__startswith=training.unit.path, role__in=spec.staff_roles,
    ).select_related("group").order_by("group__code", "role", "full_name", "pk"))
    missing: set[int] = set()
    for code, role in spec.not_completed:
        first = next((person for person in staff if person.group.code == code and person.role == role), None)
        if first is None:
            from tretho.demo.load import DemoDataError

            raise DemoDataError(_("Nhóm trẻ mẫu %(group)s không có người với vai trò %(role)s.") % {
                "group": code, "role": role})
        missing.add(first.pk)
    return [(person, person.pk not in missing) for person in staff]


def _meeting(writer: _Writer, spec: MeetingSpec) -> None:
    from tretho.orgs.models import SteeringCommittee

    unit = writer.unit(spec.unit)
    committee = SteeringCommittee.objects.get(unit=unit, name=spec.committee) if spec.committee else None
    meeting = writer.held(Meeting, spec, {
        "kind": spec.kind, "committee": committee, "chair": spec.chair, "attendees": spec.attendees,
        "attendee_count": spec.attendee_count, "conclusions": spec.conclusions})
    for follow_up in spec.follow_ups:
        writer.ensure(MeetingFollowUp, {"meeting": meeting, "content": follow_up.content}, {
            "owner_agency": writer.agency(follow_up.owner), "owner_text": follow_up.owner_text,
            "deadline": follow_up.deadline,
            "state": FollowUpState.DONE if follow_up.done_on else FollowUpState.OPEN,
            "done_on": follow_up.done_on, "result": follow_up.result})
