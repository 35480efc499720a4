"""The reporting demo (`tretho demo`): forms for Đề án 404 and 1437 covering every target of DOMAIN.md and the
reference plans, periods with deadlines, submissions walked through the real workflow (roll-ups equal a rebuild,
province = sum of its communes and districts), drafts for the demo officers, and a second run changing nothing."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from django.apps import apps
from django.core.management import call_command

from tests.demo.demo_units import build_demo_units
from tretho.geo.models import AdministrativeUnit
from tretho.metrics.models import Breakdown, DataElement, RollupValue
from tretho.programmes.models import Indicator, PlanTarget
from tretho.reporting import demo
from tretho.reporting.choices import SubmissionStatus
from tretho.reporting.models import FormField, PeriodDeadline, ReportForm, ReportingPeriod, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def loaded(db):
    build_demo_units()
    call_command("demo", verbosity=0)


def unit_at(code: str, level: int, on: dt.date) -> AdministrativeUnit:
    return AdministrativeUnit.objects.in_force_on(on).get(code=code, level=level)


# -- the plain data ---------------------------------------------------------------------------------------------

def test_the_forms_cover_every_target_of_the_domain_and_the_reference_plans():
    elements = {f.element for spec in demo.PROGRAMME_FORMS for f in spec.fields}
    # Đề án 404: groups supported (consolidated, new), caregivers trained of all, children under 36 months in
    # managed groups of all, mothers reached of all; Nghị định 105 support; supervision, training, steering.
    assert {"nhom_tre_duoc_ho_tro", "nhom_tre_duoc_ho_tro_kien_toan", "nhom_tre_duoc_ho_tro_phat_trien_moi",
            "nguoi_cham_soc_duoc_boi_duong", "nguoi_cham_soc_nhom_tre", "tre_duoi_36_thang_o_nhom_duoc_quan_ly",
            "tre_duoi_36_thang_dia_ban", "ba_me_kcn_duoc_truyen_thong", "ba_me_kcn", "kinh_phi_ho_tro_nd105",
            "nhom_tre_dat_chuan_an_toan", "luot_giam_sat_nhom_tre_404", "luot_nguoi_tap_huan_404"} <= elements
    # Đề án 1437: children ≤ 8 and those reaching services, by age band, sex and each service domain; people given
    # knowledge; referral networks of facilities and provinces.
    assert {"tre_den_8_tuoi", "tre_8_tuoi_tiep_can_dich_vu", "tre_tiep_can_dich_vu_theo_linh_vuc",
            "nguoi_duoc_cung_cap_kien_thuc", "can_bo_cha_me_nguoi_cham_soc", "co_so_co_mang_luoi_chuyen_tuyen",
            "co_so_giao_duc_nuoi_duong", "tinh_co_mang_luoi_chuyen_tuyen"} <= elements
    options = {f.option_key for f in demo.DE_AN_1437.fields if f.element == "tre_tiep_can_dich_vu_theo_linh_vuc"}
    assert options == {f"linh_vuc_dich_vu={code}" for code, _name in demo.SERVICE_DOMAINS[2]}
    ages = {f.option_key for f in demo.DE_AN_1437.fields if f.element == "tre_8_tuoi_tiep_can_dich_vu"}
    assert {"nhom_tuoi=duoi_36_thang", "nhom_tuoi=3_5_tuoi", "nhom_tuoi=6_8_tuoi", "gioi_tinh=nam",
            "gioi_tinh=nu", ""} == ages
    # The two programmes never share a data element: roll-ups are per element and period id ("2019" in both).
    first, second = ({f.element for f in spec.fields} for spec in demo.PROGRAMME_FORMS)
    assert not first & second


def test_demo_values_keep_every_part_within_its_total_in_every_year_and_unit():
    for spec in demo.PROGRAMME_FORMS:
        for upper in (False, True):
            fields = demo.form_fields(spec, upper)
            for year in range(2017, 2026):
                for unit_code in ("26020", "26068", "20023", "14566", "731", "75"):
                    values = demo.demo_values(spec, fields, unit_code, str(year), upper)
                    for field in fields:
                        assert values[field.key] >= 0
                        if field.part_of in values:
                            assert values[field.key] <= values[field.part_of], (spec.programme, field.key, year)
                        if field.max_value is not None:
                            assert values[field.key] <= field.max_value
    nd105 = demo.demo_values(demo.DE_AN_404, demo.form_fields(demo.DE_AN_404, False), "26020", "2019", False)
    assert nd105["nd105_money"] == 0  # no Nghị định 105 support before 2020


# -- what `tretho demo` writes ------------------------------------------------------------------------------------

def test_the_demo_writes_forms_periods_and_submissions_through_the_workflow(loaded):
    assert set(ReportForm.objects.values_list("code", flat=True)) >= {
        "bc-404-xa", "bc-404-cap-tren", "bc-1437-xa", "bc-1437-cap-tren"}
    commune_form = ReportForm.objects.get(code="bc-1437-xa")
    assert commune_form.levels == "3"
    assert commune_form.fields.count() == len(demo.form_fields(demo.DE_AN_1437, False))
    girls = FormField.objects.get(form=commune_form, data_element__code="tre_den_8_tuoi", option_key="gioi_tinh=nu")
    assert girls.part_of.option_key == ""
    assert Breakdown.objects.get(code="linh_vuc_dich_vu").options.count() == 6
    assert DataElement.objects.get(code="tre_tiep_can_dich_vu_theo_linh_vuc").breakdowns.get().code == (
        "linh_vuc_dich_vu")
    # Đồng Nai's "80% consolidated" target now has numbers behind it.
    indicator = Indicator.objects.get(programme__code="404", code="ty_le_kien_toan")
    assert indicator.numerator.code == "nhom_tre_duoc_ho_tro_kien_toan"
    assert PlanTarget.objects.filter(indicator=indicator).exists()
    # Periods: 1437 on the government cut-off, deadlines per level.
    period = ReportingPeriod.objects.get(programme__code="1437", period_id="2022")
    assert (period.start, period.end) == (dt.date(2021, 12, 15), dt.date(2022, 12, 14))
    assert PeriodDeadline.objects.get(period=period, level=3).deadline == dt.date(2022, 11, 30)
    # Every state is there, with its history.
    statuses = set(Submission.objects.values_list("status", flat=True))
    assert statuses == {SubmissionStatus.DRAFT, SubmissionStatus.SUBMITTED, SubmissionStatus.RETURNED,
                        SubmissionStatus.ACCEPTED}
    returned = Submission.objects.get(status=SubmissionStatus.RETURNED)
    assert returned.return_comment == demo.RETURN_COMMENT
    assert list(returned.events.values_list("action", flat=True)) == ["submit", "return"]
    accepted = Submission.objects.filter(status=SubmissionStatus.ACCEPTED).first()
    assert accepted.submitted_at.date() < dt.date(2025, 1, 1)  # dated around its deadline, not today
    # The drafts wait for the demo officers.
    long_binh = unit_at("26020", 3, dt.date(2020, 6, 1))
    draft = Submission.objects.get(unit=long_binh, period__programme__code="404", period__period_id="2020")
    assert draft.status == SubmissionStatus.DRAFT
    assert Submission.objects.get(unit=unit_at("26020", 3, dt.date(2025, 7, 1)),
                                  period__period_id="2025").status == SubmissionStatus.DRAFT


def test_demo_rollups_equal_a_rebuild_and_the_province_sums_its_units(loaded):
    from tretho.reporting import rollups

    before = sorted(RollupValue.objects.values_list("unit_id", "period_id", "data_element_id", "option_key",
                                                    "value", "submissions"))
    assert before
    rollups.rebuild()
    after = sorted(RollupValue.objects.values_list("unit_id", "period_id", "data_element_id", "option_key",
                                                   "value", "submissions"))
    assert before == after
    # Đồng Nai 2019, children under 36 months: the province row is the sum of its communes' accepted reports.
    dong_nai = unit_at("75", 1, dt.date(2019, 6, 1))
    element = DataElement.objects.get(code="tre_duoi_36_thang_dia_ban")
    communes = Submission.objects.filter(period__programme__code="404", period__period_id="2019",
                                         status=SubmissionStatus.ACCEPTED, unit__level=3)
    assert communes.count() == len(demo.DN_COMMUNES) + 1
    expected = sum(s.values.get(field__data_element=element, field__option_key="").value for s in communes)
    row = RollupValue.objects.get(unit=dong_nai, period_id="2019", data_element=element, option_key="")
    assert row.value == expected and row.value > Decimal(0)


def test_a_second_demo_run_changes_nothing(loaded):
    before = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    call_command("demo", verbosity=0)
    after = {model._meta.label: model._default_manager.count() for model in apps.get_models()}
    assert before == after


def test_the_demo_officer_finds_a_prefilled_draft_and_the_approver_a_report_to_decide(loaded, client):
    from django.urls import reverse

    from tretho.accounts.models import User
    from tretho.metrics import registry
    from tretho.reporting.models import SubmissionValue

    long_binh = unit_at("26020", 3, dt.date(2020, 6, 1))
    draft = Submission.objects.get(unit=long_binh, period__programme__code="404", period__period_id="2020")
    client.force_login(User.objects.get(username="demo.longbinh.officer"))
    listing = client.get(reverse("reporting:my_reports")).content.decode()
    assert reverse("reporting:submission_fill", args=[draft.pk]) in listing.split("reports-to-make")[1]
    page = client.get(reverse("reporting:submission_fill", args=[draft.pk]))
    assert page.status_code == 200 and 'value="submit"' in page.content.decode()
    groups = FormField.objects.get(form=draft.form, data_element__code="nhom_tre_dltt_dia_ban")
    if registry.is_computed("so_nhom_tre_hoat_dong"):  # the registry's metric pre-fills it (its demo groups)
        assert groups.prefill_metric.code == "so_nhom_tre_hoat_dong"
        expected = registry.compute("so_nhom_tre_hoat_dong", long_binh.path, draft.period.start, draft.period.end)
        assert SubmissionValue.objects.get(submission=draft, field=groups).prefilled_value == expected

    hoa_an = Submission.objects.get(status=SubmissionStatus.SUBMITTED, period__programme__code="404")
    client.force_login(User.objects.get(username="demo.bienhoa.approver"))
    listing = client.get(reverse("reporting:my_reports")).content.decode()
    assert reverse("reporting:submission_fill", args=[hoa_an.pk]) in listing.split("reports-pending")[1]
    assert 'value="accept"' in client.get(reverse("reporting:submission_fill", args=[hoa_an.pk])).content.decode()


def test_past_reports_of_communes_with_registry_records_agree_with_the_registry(loaded):
    from tretho.reporting import prefill
    from tretho.reporting.models import SubmissionValue

    rows = list(SubmissionValue.objects.filter(
        submission__status=SubmissionStatus.ACCEPTED, prefilled_value__isnull=False,
    ).select_related("submission__unit", "submission__period", "field__prefill_metric"))
    assert rows, "no accepted demo report was pre-filled from the registry"
    for row in rows[:40]:
        # The stored value is what the records say, shown as the pre-filled value beside it.
        assert row.value == row.prefilled_value
        assert prefill.prefill_field(row.field, row.submission).value == row.value
    # Every report whose unit has registry records took them (not generated numbers).
    communes = {row.submission_id for row in rows}
    for submission in Submission.objects.filter(pk__in=communes):
        for found in prefill.compute_prefills(submission).values():
            if found.value is not None:
                assert submission.values.get(field_id=found.field_id).value == found.value
