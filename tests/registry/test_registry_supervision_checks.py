"""The supervision checklist: the shipped version, versions by date, the criteria pre-computed from a group's own
records, the visit form (pre-selection, derived outcome, results saved), overdue follow-ups and closing them."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from tests.registry.records_factories import make_training
from tests.registry.supervision_helpers import VISIT_DAY, enrol, examine, hire, make_group, make_visit
from tests.registry.test_registry_supervision_suites import visit_post
from tretho.core.testing.suites import login
from tretho.core.testing.world import build_world
from tretho.registry.choices import AutoCheck, CriterionResult, FollowUpStatus, Qualification, StaffRole, VisitOutcome
from tretho.registry.models import ChecklistCriterion, ChecklistTemplate, SupervisionVisit
from tretho.registry.supervision.checks import derive_outcome, group_facts, precompute
from tretho.registry.supervision.forms import field_name, template_for
from tretho.registry.supervision.standard import STANDARD_CRITERIA, ensure_standard_checklist

pytestmark = pytest.mark.django_db
PASS, FAIL, NA = CriterionResult.PASS, CriterionResult.FAIL, CriterionResult.NOT_APPLICABLE


@pytest.fixture
def world():
    return build_world()


@pytest.fixture
def checklist(world):
    return ensure_standard_checklist()


def suggestion(checklist, group, code, day=VISIT_DAY):
    return precompute(checklist.criteria.get(code=code), group_facts(group, day))


# -- the shipped checklist and its versions ---------------------------------------------------------------------

def test_the_shipped_checklist_is_national_complete_and_idempotent(world):
    first = ensure_standard_checklist()
    again = ensure_standard_checklist()
    assert first.pk == again.pk and ChecklistTemplate.objects.count() == 1
    assert first.unit == world.country
    assert first.effective_from == dt.date(2022, 2, 15) and first.effective_to is None
    assert first.criteria.count() == len(STANDARD_CRITERIA) == 14
    computed = set(first.criteria.exclude(auto_check="").values_list("auto_check", flat=True))
    assert computed == {value for value in AutoCheck.values if value}, "every auto check has its criterion"
    area = first.criteria.get(auto_check=AutoCheck.AREA_PER_CHILD)
    assert (area.kind, area.limit) == ("number_min", Decimal("1.50"))
    assert first.criteria.get(auto_check=AutoCheck.CHILDREN_13_24).limit == 20


def test_without_the_root_unit_the_checklist_waits(db):
    with pytest.raises(LookupError):
        ensure_standard_checklist()
    assert not ChecklistTemplate.objects.exists()


def test_the_version_in_force_on_the_visit_date_is_used(world, checklist, client):
    checklist.effective_to = dt.date(2025, 12, 31)
    checklist.save()
    newer = ChecklistTemplate.objects.create(code=checklist.code, name=checklist.name, version_label="2026",
                                             effective_from=dt.date(2026, 1, 1), unit=world.country)
    ChecklistCriterion.objects.create(template=newer, code="MOI1", order=1, text="Có camera giám sát phòng trẻ")
    assert template_for(dt.date(2025, 6, 10)) == checklist
    assert template_for(dt.date(2026, 3, 1)) == newer
    assert template_for(dt.date(2022, 2, 14)) is None  # before Thông tư 49/2021 took effect
    assert ChecklistTemplate.in_force_on(dt.date(2025, 12, 31), code=checklist.code) == checklist

    group = make_group(world.commune_a1a)
    login(client, world.officer_a1a)
    page = client.get(reverse("registry:supervisionvisit_add"), {"group": group.pk, "date": "01/03/2026"})
    html = page.content.decode()
    assert "Có camera giám sát phòng trẻ" in html and "QM1" not in html
    new_criterion = newer.criteria.get()
    data = {"group": group.pk, "date": "01/03/2026", "follow_up_status": "none",
            field_name(new_criterion, "result"): FAIL}
    response = client.post(reverse("registry:supervisionvisit_add"), data)
    assert response.status_code == 302
    visit = SupervisionVisit.objects.get(group=group)
    assert visit.template == newer and visit.outcome == VisitOutcome.DOES_NOT_MEET
    assert [(r.criterion.code, r.result) for r in visit.results.all()] == [("MOI1", FAIL)]

    response = client.post(reverse("registry:supervisionvisit_add"), visit_post(None, group, day="01/01/2021"))
    assert response.status_code == 400
    assert "Không có bộ tiêu chí giám sát nào có hiệu lực vào ngày này." in response.content.decode()


def test_a_visit_cannot_point_at_a_version_not_in_force(world, checklist):
    visit = make_visit(world.commune_a1a, day=dt.date(2021, 5, 1), results=False)
    with pytest.raises(Exception, match="không có hiệu lực"):
        visit.full_clean()


# -- pre-computed criteria --------------------------------------------------------------------------------------

def test_children_per_caregiver_counts_an_infant_as_one_and_a_half(world, checklist):
    group = make_group(world.commune_a1a)
    enrol(group, c3_12=2, c13_24=1, c25_36=2)  # 5 children: (2 × 1,5 + 3) / 2 = 3
    hire(group)
    hire(group, role=StaffRole.TEACHER)
    hire(group, role=StaffRole.COOK)  # cooks do not look after children
    hire(group, end_date=dt.date(2025, 1, 31))  # left before the visit
    hire(group, start_date=dt.date(2025, 9, 1))  # starts after it
    found = suggestion(checklist, group, "QM1")
    assert (found.result, found.value) == (PASS, Decimal("3.00"))
    assert "2 người chăm sóc" in found.explanation and "3,00 trẻ trên một người" in found.explanation

    enrol(group, as_of=dt.date(2025, 6, 1), c3_12=3, c13_24=2)  # (4,5 + 2) / 2 = 3,25: too many infants
    found = suggestion(checklist, group, "QM1")
    assert (found.result, found.value) == (FAIL, Decimal("3.25"))
    assert suggestion(checklist, group, "QM2").result == NA  # up to 7 children: the per-caregiver rule

    enrol(group, as_of=dt.date(2025, 7, 1), c3_12=1)  # after the visit: not used
    assert suggestion(checklist, group, "QM1").value == Decimal("3.25")


def test_groups_over_seven_children_are_held_to_the_age_band_limits(world, checklist):
    group = make_group(world.commune_a1a, care_room_area=Decimal("60"))
    enrol(group, c3_12=13, c13_24=20, c25_36=7)
    hire(group)
    assert suggestion(checklist, group, "QM1").result == NA
    assert (suggestion(checklist, group, "QM2").result, suggestion(checklist, group, "QM2").value) == (FAIL, 13)
    assert suggestion(checklist, group, "QM3").result == PASS  # 20 is the limit itself
    assert suggestion(checklist, group, "QM4").result == PASS
    area = suggestion(checklist, group, "CS1")  # 60 m² for 40 children
    assert (area.result, area.value) == (PASS, Decimal("1.50"))
    enrol(group, as_of=dt.date(2025, 6, 1), c13_24=20, c25_36=21)
    area = suggestion(checklist, group, "CS1")  # 60 / 41 = 1,46 m²
    assert (area.result, area.value) == (FAIL, Decimal("1.46"))


def test_without_enrolment_the_numbers_are_left_to_the_team(world, checklist):
    group = make_group(world.commune_a1a)
    found = suggestion(checklist, group, "QM1")
    assert found.result == "" and found.value is None and "Chưa có số trẻ" in found.explanation
    assert suggestion(checklist, group, "CS5") is None  # water and toilets: seen on the spot only


def test_licence_premises_staff_and_health_checks(world, checklist):
    group = make_group(world.commune_a1a, is_licensed=False, licence_number="", has_fence_gate=False,
                       serves_meals=False, has_separate_kitchen=False)
    assert suggestion(checklist, group, "GP").result == FAIL
    assert suggestion(checklist, group, "CS2").result == PASS
    assert suggestion(checklist, group, "CS3").result == FAIL
    assert suggestion(checklist, group, "CS4").result == NA  # no meals, no kitchen needed
    assert suggestion(checklist, group, "NS1").result == FAIL  # nobody on the staff list
    hire(group, qualification=Qualification.INTERMEDIATE)
    untrained = hire(group, qualification=Qualification.NONE)
    found = suggestion(checklist, group, "NS1")
    assert found.result == FAIL and "1/2" in found.explanation
    # Trained counts as qualified: from a training completed by the visit's day (no staff field).
    make_training(world.commune_a1a, VISIT_DAY + dt.timedelta(days=1), untrained)  # after the visit: not yet
    assert suggestion(checklist, group, "NS1").result == FAIL
    make_training(world.commune_a1a, VISIT_DAY - dt.timedelta(days=30), untrained, completed=False)
    assert suggestion(checklist, group, "NS1").result == FAIL  # did not complete it
    make_training(world.commune_a1a, VISIT_DAY - dt.timedelta(days=60), untrained)
    assert suggestion(checklist, group, "NS1").result == PASS
    assert suggestion(checklist, group, "YT1").result == FAIL
    examine(group, day=dt.date(2024, 5, 1))  # more than a year before the visit
    assert suggestion(checklist, group, "YT1").result == FAIL
    examine(group, day=dt.date(2024, 12, 1), children=12)
    found = suggestion(checklist, group, "YT1")
    assert found.result == PASS and "01/12/2024" in found.explanation

    licensed = make_group(world.commune_a1a, licence_date=dt.date(2025, 8, 1))  # licensed after the visit
    assert suggestion(checklist, licensed, "GP").result == FAIL
    assert suggestion(checklist, licensed, "GP", day=dt.date(2025, 8, 2)).result == PASS
    assert suggestion(checklist, licensed, "CS4").result == PASS


def test_the_overall_outcome_from_the_criteria():
    assert derive_outcome([PASS, NA, PASS]) == VisitOutcome.MEETS_ALL
    assert derive_outcome([PASS, FAIL, NA]) == VisitOutcome.MEETS_PARTLY
    assert derive_outcome([FAIL, NA]) == VisitOutcome.DOES_NOT_MEET


# -- the visit form ------------------------------------------------------------------------------------------------

def test_the_form_preselects_computed_results_and_saves_the_visit(world, checklist, client):
    group = make_group(world.commune_a1a, has_fence_gate=False)
    enrol(group, c13_24=3, c25_36=3)
    hire(group)
    examine(group)
    login(client, world.officer_a1a)
    url = reverse("registry:supervisionvisit_add")
    page = client.get(url, {"group": group.pk, "date": "10/06/2025"})
    assert page.status_code == 200
    form = page.context["form"]
    assert form.template == checklist
    fence = checklist.criteria.get(code="CS3")
    ratio = checklist.criteria.get(code="QM1")
    assert form[field_name(fence, "result")].value() == FAIL
    assert form[field_name(ratio, "result")].value() == FAIL  # 6 children, 1 caregiver
    assert form[field_name(ratio, "value")].value() == Decimal("6.00")
    assert form[field_name(checklist.criteria.get(code="CS5"), "result")].value() is None  # seen on the spot
    html = page.content.decode()
    assert f'id="id_{field_name(fence, "result")}_1" value="fail" autocomplete="off" checked' in html
    assert "6,00 trẻ trên một người" in html

    data = visit_post(world, group) | {
        field_name(fence, "result"): FAIL, field_name(fence, "note"): "Cổng hỏng chốt",
        field_name(ratio, "result"): FAIL, field_name(ratio, "value"): "6,00",
        "recommendations": "Thay chốt cổng; tuyển thêm một bảo mẫu", "follow_up_status": "open",
        "follow_up_deadline": "10/08/2025", "team_agencies": []}
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    visit = SupervisionVisit.objects.get(group=group)
    assert response["Location"] == reverse("registry:supervisionvisit_detail", args=[visit.pk])
    assert visit.template == checklist and visit.created_by == world.officer_a1a
    assert visit.outcome == VisitOutcome.MEETS_PARTLY  # left on "tự tính": derived
    results = {r.criterion.code: r for r in visit.results.all()}
    assert len(results) == 14
    assert (results["CS3"].result, results["CS3"].note) == (FAIL, "Cổng hỏng chốt")
    assert results["QM1"].measured_value == Decimal("6.00")
    detail = client.get(response["Location"]).content.decode()
    assert "Cổng hỏng chốt" in detail and "Đạt một phần" in detail

    # Edit: the gate was fixed on the spot; the saved results come back, the chosen outcome is kept.
    edit = reverse("registry:supervisionvisit_edit", args=[visit.pk])
    page = client.get(edit)
    assert page.context["form"][field_name(fence, "note")].value() == "Cổng hỏng chốt"
    from tretho.core.testing.suites import form_post_data

    data = form_post_data(page.context["form"]) | {field_name(fence, "result"): PASS,
                                                   "outcome": VisitOutcome.DOES_NOT_MEET}
    assert client.post(edit, data).status_code == 302
    visit.refresh_from_db()
    assert visit.outcome == VisitOutcome.DOES_NOT_MEET and visit.version == 2
    fixed = visit.results.get(criterion=fence)
    assert (fixed.result, fixed.version) == (PASS, 2)
    assert visit.results.get(criterion=ratio).version == 1  # unchanged rows are not rewritten


def test_every_criterion_needs_a_choice(world, checklist, client):
    group = make_group(world.commune_a1a)
    login(client, world.officer_a1a)
    data = visit_post(world, group)
    missing = checklist.criteria.get(code="HS1")
    del data[field_name(missing, "result")]
    response = client.post(reverse("registry:supervisionvisit_add"), data)
    assert response.status_code == 400
    assert "Chọn đạt, không đạt hoặc không áp dụng." in response.content.decode()
    assert not SupervisionVisit.objects.exists()


def test_the_form_offers_only_groups_the_officer_may_supervise(world, checklist, client):
    mine, theirs = make_group(world.commune_a1a), make_group(world.commune_b1)
    login(client, world.officer_a1a)
    page = client.get(reverse("registry:supervisionvisit_add"), {"group": theirs.pk})
    choices = {str(value) for value, _label in page.context["form"].fields["group"].choices}
    assert str(mine.pk) in choices and str(theirs.pk) not in choices
    assert page.context["form"].suggestions == {}  # nothing computed from another province's group
    assert "Nhóm trẻ" in page.content.decode()


# -- overdue follow-ups --------------------------------------------------------------------------------------------

def overdue(unit, days_late=10, **fields):
    today = timezone.localdate()
    values = {"follow_up_status": FollowUpStatus.OPEN, "follow_up_deadline": today - dt.timedelta(days=days_late),
              "recommendations": "Bổ sung bình chữa cháy", "day": today - dt.timedelta(days=60)}
    return make_visit(unit, **(values | fields))


def test_overdue_follow_ups_per_unit(world, checklist, client):
    late_a1a = overdue(world.commune_a1a, days_late=30)
    late_a1b = overdue(world.commune_a1b, days_late=5, follow_up_status=FollowUpStatus.IN_PROGRESS)
    late_b1 = overdue(world.commune_b1)
    on_time = overdue(world.commune_a1a, days_late=-5)  # deadline still ahead
    done = overdue(world.commune_a1a, follow_up_status=FollowUpStatus.DONE,
                   follow_up_done_on=timezone.localdate())
    url = reverse("registry:visit_overdue")

    login(client, world.approver_a1)
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    shown = {v.pk for v in (late_a1a, late_a1b, late_b1, on_time, done) if str(v.group) in html}
    assert shown == {late_a1a.pk, late_a1b.pk}
    assert html.index(str(late_a1a.group)) < html.index(str(late_a1b.group))  # oldest deadline first
    assert "quá hạn 30 ngày" in html and "Xã Hòa An: 1" in html and "Xã Tân Phú: 1" in html
    assert "Đã khắc phục" not in html  # an approver reads, does not change

    login(client, world.superuser)  # one province's subtree, then the other's
    page = client.get(url, {"unit": world.province_b.pk})
    assert [row["visit"] for row in page.context["rows"]] == [late_b1]
    page = client.get(url, {"unit": world.district_a1.pk})
    assert [row["visit"] for row in page.context["rows"]] == [late_a1a, late_a1b]

    login(client, world.officer_b1)
    html = client.get(url).content.decode()
    assert str(late_b1.group) in html and str(late_a1a.group) not in html
    assert client.get(url, {"unit": world.province_a.pk}).context["total"] == 1  # not a choice: ignored

    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


def test_closing_a_follow_up_from_the_overdue_page(world, checklist, client):
    visit = overdue(world.commune_a1a)
    url = reverse("registry:visit_follow_up_done", args=[visit.pk])
    today = timezone.localdate()
    post = {f"v{visit.pk}-done_on": today.strftime("%d/%m/%Y"), f"v{visit.pk}-version": visit.version}

    login(client, world.viewer_a)
    assert client.post(url, post).status_code == 404
    login(client, world.officer_b1)
    assert client.post(url, post).status_code == 404
    visit.refresh_from_db()
    assert visit.follow_up_status == FollowUpStatus.OPEN

    login(client, world.officer_a1a)
    page = client.get(reverse("registry:visit_overdue"))
    assert "Đã khắc phục" in page.content.decode()
    stale = post | {f"v{visit.pk}-version": visit.version - 1 if visit.version > 1 else visit.version + 5}
    response = client.post(url, stale, follow=True)
    assert "vừa được người khác sửa" in response.content.decode()
    too_early = post | {f"v{visit.pk}-done_on": (visit.date - dt.timedelta(days=1)).strftime("%d/%m/%Y")}
    assert "không thể trước ngày giám sát" in client.post(url, too_early, follow=True).content.decode()
    visit.refresh_from_db()
    assert visit.follow_up_status == FollowUpStatus.OPEN

    response = client.post(url, post)
    assert response.status_code == 302 and response["Location"] == reverse("registry:visit_overdue")
    visit.refresh_from_db()
    assert (visit.follow_up_status, visit.follow_up_done_on, visit.version) == (FollowUpStatus.DONE, today, 2)
    page = client.get(reverse("registry:visit_overdue"))
    assert "Đã ghi nhận khắc phục xong" in page.content.decode() and page.context["total"] == 0
    assert client.get(url).status_code == 405


# -- a new version when the rules change ---------------------------------------------------------------------------

def test_a_new_version_copies_the_criteria_and_closes_the_old_one(world, checklist, client):
    provincial = ChecklistTemplate.objects.create(code="tinh-a", name="Giám sát nhóm trẻ của tỉnh",
                                                  version_label="2023", effective_from=dt.date(2023, 1, 1),
                                                  unit=world.province_a)
    for order, (code_, text) in enumerate((("A1", "Có sổ tay phụ huynh"), ("A2", "Có tủ thuốc")), start=1):
        ChecklistCriterion.objects.create(template=provincial, code=code_, order=order, text=text)
    make_visit(world.commune_a1a, day=dt.date(2025, 6, 10), results=False, template=provincial)
    url = reverse("registry:checklisttemplate_new_version", args=[provincial.pk])

    for user in (world.officer_a1a, world.viewer_a):  # they read checklists, they do not write them
        login(client, user)
        assert client.get(url).status_code == 404
    login(client, world.manager_a)
    national = reverse("registry:checklisttemplate_new_version", args=[checklist.pk])
    assert client.get(national).status_code == 404  # the national checklist is not the province's to change
    detail = client.get(reverse("registry:checklisttemplate_detail", args=[provincial.pk])).content.decode()
    assert url in detail
    assert client.get(url).status_code == 200

    for data, message in (
        ({"version_label": "2022", "effective_from": "01/01/2022"}, "Phiên bản mới phải áp dụng sau ngày 01/01/2023."),
        ({"version_label": "2023", "effective_from": "01/01/2026"}, "Đã có phiên bản “2023”."),
        ({"version_label": "2025", "effective_from": "01/01/2025"},
         "1 lần giám sát từ ngày này đã ghi theo phiên bản hiện tại."),
    ):
        response = client.post(url, data)
        assert response.status_code == 400 and message in response.content.decode(), response.context["form"].errors
    assert ChecklistTemplate.objects.filter(code="tinh-a").count() == 1

    response = client.post(url, {"version_label": "2026", "effective_from": "01/01/2026"})
    assert response.status_code == 302
    new = ChecklistTemplate.objects.get(code="tinh-a", version_label="2026")
    assert response["Location"] == new.get_absolute_url()
    provincial.refresh_from_db()
    assert provincial.effective_to == dt.date(2025, 12, 31) and provincial.version == 2
    assert new.created_by == world.manager_a and new.unit == world.province_a
    assert list(new.criteria.values_list("code", "text")) == [("A1", "Có sổ tay phụ huynh"), ("A2", "Có tủ thuốc")]
    assert template_for(dt.date(2025, 12, 31), provincial) == provincial
    assert template_for(dt.date(2026, 1, 1), provincial) == new
    assert client.post(url, {"version_label": "2027", "effective_from": "01/06/2025"}).status_code == 400


def test_recorded_visits_pin_their_version_and_criteria(world, checklist, client):
    visit = make_visit(world.commune_a1a, day=dt.date(2025, 6, 10))
    checklist.effective_to = dt.date(2025, 6, 1)  # would leave the visit without a version in force
    with pytest.raises(ValidationError, match="1 lần giám sát"):
        checklist.full_clean()
    checklist.effective_to = dt.date(2025, 6, 10)
    checklist.full_clean()  # the visit's day itself is still inside

    used = checklist.criteria.get(code="CS2")
    used.order = 20  # the order is presentation: allowed
    used.full_clean()
    used.limit = None
    used.text = "Có sân chơi rộng ít nhất 20 m²"
    with pytest.raises(ValidationError, match="1 kết quả giám sát"):
        used.full_clean()
    unused = ChecklistCriterion.objects.create(template=checklist, code="MOI", order=99, text="Có camera")
    unused.text = "Có camera giám sát"
    unused.full_clean()

    login(client, world.superuser)  # the national checklist: its owner's managers, here the superuser
    edit = reverse("registry:checklistcriterion_edit", args=[used.pk])
    from tretho.core.testing.suites import form_post_data

    data = form_post_data(client.get(edit).context["form"]) | {"text": "Có sân chơi rộng"}
    response = client.post(edit, data)
    assert response.status_code == 400 and "hãy tạo phiên bản mới" in response.content.decode()
    assert visit.results.get(criterion=used).criterion.text == "Có sân chơi, hiên chơi an toàn cho trẻ"


def test_visit_list_filters(world, checklist, client):
    late = overdue(world.commune_a1a, group=make_group(world.commune_a1a, name="Nhóm trẻ Sơn Ca"),
                   outcome=VisitOutcome.MEETS_PARTLY)
    fine = make_visit(world.commune_a1b, outcome=VisitOutcome.MEETS_ALL)
    login(client, world.viewer_a)
    url = reverse("registry:supervisionvisit_list")

    def shown(**params):
        html = client.get(url, params).content.decode()
        return {visit.pk for visit in (late, fine) if str(visit) in html}

    assert shown() == {late.pk, fine.pk}
    assert shown(q="son ca") == {late.pk}  # without accents
    assert shown(overdue="true") == {late.pk}
    assert shown(overdue="false") == {fine.pk}
    assert shown(outcome=VisitOutcome.MEETS_ALL) == {fine.pk}
    assert shown(within=world.district_a1.pk, date_from="01/06/2025", date_to="30/06/2025") == {fine.pk}
    assert "Nguyễn Văn An" not in client.get(url).content.decode()  # the team's names: not for viewers
