"""The programmes' demo data: Đề án 404 and 1437, their phases, indicators and national decisions; idempotent."""

from __future__ import annotations

import datetime as dt

from tretho.metrics.models import Breakdown, DataElement, Metric
from tretho.programmes.demo import load_programmes
from tretho.programmes.models import Indicator, Phase, Plan, PlanObjective, PlanTarget, Programme
from tretho.programmes.selectors import document_sections


def counts():
    return [model.objects.count() for model in (Programme, Phase, Indicator, Plan, PlanTarget, PlanObjective,
                                                DataElement, Metric, Breakdown)]


def test_load_programmes_creates_both_programmes_once(world):
    programmes = load_programmes()
    first = counts()
    load_programmes()
    assert counts() == first

    p404, p1437 = programmes["404"], programmes["1437"]
    assert (p404.decision_number, p404.decision_date) == ("404/QĐ-TTg", dt.date(2014, 3, 20))
    assert (p1437.decision_number, p1437.decision_date) == ("1437/QĐ-TTg", dt.date(2018, 10, 29))
    assert [(p.start_year, p.end_year) for p in p404.phases.all()] == [(2014, 2017), (2018, 2020)]
    assert [(p.start_year, p.end_year) for p in p1437.phases.all()] == [(2018, 2020), (2021, 2025)]
    assert p404.unit == world.country

    access = Indicator.objects.get(programme=p1437, code="ty_le_tre_tiep_can_dich_vu")
    assert access.numerator.data_element.code == "tre_8_tuoi_tiep_can_dich_vu"
    assert access.denominator.code == "tre_den_8_tuoi" and access.factor == 100
    assert set(access.numerator.breakdown_codes()) == {"gioi_tinh", "nhom_tuoi"}
    assert access.value(63, 90) == 70  # 63 of 90 children: 70.0 %


def test_the_national_decisions_are_issued_plans_with_the_targets(world, client):
    load_programmes()
    decision = Plan.objects.get(programme__code="404", unit=world.country)
    assert decision.status == "issued" and decision.document_number == "404/QĐ-TTg"
    labels = [t.label for t in decision.targets.all()]
    assert labels[0].startswith("ít nhất 500 nhóm") and any(label.startswith("95%") for label in labels)
    later = Plan.objects.get(programme__code="1437", unit=world.country)
    milestones = {o.milestone_label for o in later.objectives.filter(kind="specific")}
    assert milestones == {"đến năm 2020", "giai đoạn 2021–2025"}
    assert [s.heading for s in document_sections(later)] == ["MỤC TIÊU", "CHỈ TIÊU"]
    # National reference: every assigned user reads it, in another province too.
    assert Plan.objects.restrict(world.officer_b1).filter(pk=later.pk).exists()
    assert Programme.objects.restrict(world.officer_b1).count() == 2
