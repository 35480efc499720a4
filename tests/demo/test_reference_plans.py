"""The three reference plans as demo records (tretho.demo.plans), rendered to Word through the plan → document
function and read back, compared with the source texts in ../shared/reference-plans when that folder is there.

Comparison is on normalised text: Unicode NFC (the Đồng Nai file is partly decomposed), whitespace folded, lower
case, old/new tone placement ("HOÀ" = "HÒA"), no spaces around "/" and a space after a full stop before a letter
("Số: 79 /KH-UBND" = "Số: 79/KH-UBND", "TM.ỦY" = "TM. ỦY"). The source's OCR breaks are mended with the fixes
the data declares (`PlanSpec.fixes`) before comparing.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal
from io import StringIO
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command

from tretho.demo import data
from tretho.demo.plans import REFERENCE_PLANS, reference_plan, unit_refs
from tretho.demo.plans_spec import PlanSpec
from tretho.documents.readback import DocxOutline, outline
from tretho.programmes.document import plan_docx
from tretho.programmes.locking import PlanLocked
from tretho.programmes.models import Plan, PlanTarget

SOURCES = Path(settings.BASE_DIR).parent / "shared" / "reference-plans"
KEYS = [spec.key for spec in REFERENCE_PLANS]

# Per plan, counted by hand in the source texts: sections, objectives, targets (wholes + parts), tasks, agencies'
# duties, reporting requirements, nơi nhận lines.
STRUCTURE = {
    "dong-nai-2017": (4, 0, 3, 7, 2, 1, 7),
    "huong-an-2019": (5, 5, 4, 7, 7, 3, 0),
    "ninh-binh-2019": (4, 7, 6, 9, 1, 1, 5),
}

# Rendered paragraphs that are not in the source, and why (docs/reference-plans.md says the same). Each entry is
# the start of the paragraph after its marker (normalised).
NOT_IN_SOURCE = {
    "dong-nai-2017": set(),
    "huong-an-2019": {
        "bộ phận lao động - thương binh và xã hội phường hương an:",  # linked agency: its full name and a colon
        "trạm y tế phường hương an:",  # idem ("Trạm y tế triển khai …" in the source)
    },
    "ninh-binh-2019": set(),
}

_TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323"
# Open syllables only ("hoà" = "hòa", "thuỷ" = "thủy"); "hoạch", "quả" keep their marks where they are.
_OLD_TONE_PLACEMENT = re.compile(f"(?<![qg])([ou])([aey])([{_TONE_MARKS}])(?![a-zđ])")
_MARKER = re.compile(r"^(?:[IVXLC]+\.|\d+\.|[a-zđ]{1,2}\)|[-+])\s+", re.IGNORECASE)


def norm(text: str) -> str:
    text = unicodedata.normalize("NFD", text.lower().replace("\xa0", " "))
    text = _OLD_TONE_PLACEMENT.sub(r"\1\3\2", text)  # "hoà" → "hòa"
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.sub(r"\.(?=\w)", ". ", text)
    return text.strip()


def source_text(spec: PlanSpec) -> str:
    """The source file, NFC, with the data's fixes applied (each must occur as often as the fix says)."""
    [path] = SOURCES.glob(f"{spec.source_file}*.txt")
    text = unicodedata.normalize("NFC", path.read_text(encoding="utf-8"))
    for fix in spec.fixes:
        assert text.count(fix.wrong) == fix.count, (spec.key, fix.wrong)
        text = text.replace(fix.wrong, fix.right)
    return text


needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="../shared/reference-plans is not here")


@pytest.fixture
def demo_plans(real_units) -> dict[str, Plan]:
    call_command("demo", verbosity=0)
    plans = {}
    for spec in REFERENCE_PLANS:
        unit = real_units.unit(spec.unit.code, on=spec.unit.on, level=spec.unit.level)
        plans[spec.key] = Plan.objects.get(unit=unit, summary=spec.summary, amends__isnull=True)
    return plans


def rendered(plan: Plan) -> DocxOutline:
    # Without the "Chủ trì: …" lines under tasks: the sources have none (the plan page and default export do).
    return outline(plan_docx(plan, task_details=False))


def section_headings(doc: DocxOutline) -> list[str]:
    return [p for p in doc.paragraphs if re.match(r"^[IVXLC]+\. ", p)]


def spec_headings(spec: PlanSpec) -> list[str]:
    return [spec.section_headings[entry] for entry in spec.section_order]


# -- records -------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_each_plan_has_the_parts_of_its_source(demo_plans, key):
    plan, spec, expected = demo_plans[key], reference_plan(key), STRUCTURE[key]
    assert plan.status == "issued" and plan.issued_at is not None
    counts = (len(plan.section_entries()), plan.objectives.count(), plan.targets.count(), plan.tasks.count(),
              plan.agency_duties.count(), plan.reporting_requirements.count(), plan.recipients.count())
    assert counts == expected
    # The unit is the one in force on the plan's date: code + level + date, not the code alone.
    assert (plan.unit.code, plan.unit.level) == (spec.unit.code, spec.unit.level)
    assert plan.unit.valid_to is not None and plan.unit.valid_to < data.AFTER_REFORM  # a pre-2025 unit
    assert plan.programme.code == spec.programme
    assert plan.issuer is not None and plan.issuer.unit_id == plan.unit_id
    # Every target and objective with a value points at an indicator of the plan's programme.
    for row in [*plan.targets.all(), *plan.objectives.exclude(milestone_value=None)]:
        assert row.indicator is not None and row.indicator.programme_id == plan.programme_id, row


def test_dong_nai_target_of_20_groups_with_its_parts(demo_plans):
    plan = demo_plans["dong-nai-2017"]
    assert (plan.number, plan.issued_on, plan.phase.name) == ("", None, "Giai đoạn I")
    whole = plan.targets.get(part_of=None)
    assert (whole.value, whole.unit_of_measure, whole.indicator.code, whole.area.name) == (
        Decimal(20), "nhóm trẻ", "nhom_tre_ho_tro", "Thành phố Biên Hòa")
    parts = list(whole.parts.order_by("order"))
    assert [part.value_label for part in parts] == ["ít nhất 80%", "20%"]
    assert [part.indicator.code for part in parts] == ["ty_le_kien_toan", "ty_le_phat_trien_moi"]
    first = plan.tasks.order_by("order").first()
    assert [agency.name for agency in first.cooperating_agencies.all()] == ["Sở Giáo dục và Đào tạo tỉnh Đồng Nai"]


def test_huong_an_reporting_deadlines_and_milestones(demo_plans):
    plan = demo_plans["huong-an-2019"]
    once, yearly, regular = plan.reporting_requirements.order_by("order")
    assert once.deadline_label == "trước ngày 20/01/2019"
    assert yearly.deadline_label == "trước ngày 30/11 hằng năm"
    assert yearly.deadlines_in_year(2021) == [dt.date(2021, 11, 30)]
    assert yearly.recipient_name == "Ủy ban nhân dân phường Hương An"
    assert regular.frequency == "ad_hoc"
    labels = [o.milestone_label for o in plan.objectives.order_by("order")]
    assert labels == ["", "đến năm 2020", "đến năm 2020", "giai đoạn 2021–2025", "giai đoạn 2021–2025"]
    assert (plan.signature_heading, plan.signer_title, plan.signer_name) == ("TM. ỦY BAN NHÂN DÂN", "", "")


def test_ninh_binh_milestones_75_90_100(demo_plans):
    plan = demo_plans["ninh-binh-2019"]
    values = {(t.year, t.indicator.code): t.value for t in plan.targets.select_related("indicator")}
    assert values == {
        (2020, "ty_le_tre_tiep_can_dich_vu"): 75, (2020, "ty_le_duoc_cung_cap_kien_thuc"): 75,
        (2020, "ty_le_co_so_mang_luoi"): 70, (2025, "ty_le_tre_tiep_can_dich_vu"): 90,
        (2025, "ty_le_duoc_cung_cap_kien_thuc"): 90, (2025, "ty_le_co_so_mang_luoi"): 100,
    }
    assert plan.document_number == "03/KH-SGDĐT"
    assert [o.milestone_value for o in plan.objectives.order_by("order")] == [None, 75, 75, 70, 90, 90, 100]


def test_reference_plans_are_locked(demo_plans):
    plan = demo_plans["ninh-binh-2019"]
    plan.summary = "Sửa"
    with pytest.raises(PlanLocked):
        plan.save()
    with pytest.raises(PlanLocked):
        PlanTarget.objects.filter(plan=plan).first().delete()


# -- loading ---------------------------------------------------------------------------------------------------


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._default_manager.count() for model in apps.get_models()}


def test_a_second_demo_run_changes_nothing(demo_plans):
    before = row_counts()
    out = StringIO()
    call_command("demo", stdout=out)
    assert row_counts() == before  # history tables included
    assert "kế hoạch: tạo mới 0, cập nhật 0, giữ nguyên 3" in out.getvalue()


def test_a_stored_plan_that_differs_is_left_alone_and_logged(demo_plans, caplog):
    plan = demo_plans["dong-nai-2017"]
    Plan.objects.filter(pk=plan.pk).update(preamble="Khác")  # past the lock, as an older demo version would be
    PlanTarget.objects.filter(plan=plan, part_of=None).update(value=21)
    with caplog.at_level("WARNING", logger="tretho.demo.plans"):
        call_command("demo", verbosity=0)
    plan.refresh_from_db()
    assert plan.preamble == "Khác"
    assert Plan.objects.filter(summary=plan.summary).count() == 1
    [record] = caplog.records
    assert "dong-nai-2017" in record.getMessage() and "preamble" in record.getMessage()
    assert "chỉ tiêu" in record.getMessage()


def test_docs_list_every_fix_and_difference_the_data_declares():
    text = (Path(settings.BASE_DIR) / "docs" / "reference-plans.md").read_text(encoding="utf-8")
    for spec in REFERENCE_PLANS:
        for fix in spec.fixes:
            assert f"`{fix.wrong}`" in text and fix.reason in text, fix
        for note in spec.notes:
            assert note in text, note


def test_plan_units_are_checked_before_the_demo_writes():
    assert set(unit_refs()) <= set(data.all_unit_refs())


# -- the rendered documents ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", KEYS)
def test_rendered_plan_layout(demo_plans, key):
    """What the document must show whatever the source files: headings in the plan's order, header, signer."""
    spec, doc = reference_plan(key), rendered(demo_plans[key])
    headings = [re.sub(r"^[IVXLC]+\. ", "", heading) for heading in section_headings(doc)]
    assert headings == [heading.upper() for heading in spec_headings(spec)]
    assert doc.header_left == [spec.parent_body, spec.issuing_body]
    # The summary's span of years is held on one line with no-break spaces ("2018 - 2025").
    assert [text.replace("\xa0", " ") for text in doc.paragraphs[:2]] == [spec.type_name, spec.summary]
    if spec.number:
        assert doc.number_line == f"Số: {spec.number}/{spec.type_code}-{spec.issuer_code}"
        assert doc.dateline == f"{spec.place}, {spec.issued_on:ngày %d tháng %m năm %Y}"
    else:
        # Undated copy: the plan's year is known, day and month are left blank.
        assert norm(doc.number_line) == "số:/kh"
        assert norm(doc.dateline) == f"{norm(spec.place)}, ngày tháng năm {spec.start_year}"
    signer = [spec.signer.authority + " " + spec.signer.body, spec.signer.title, spec.signer.name]
    assert doc.signature == [line for line in signer if line]
    assert doc.recipients == (["Nơi nhận:", *(f"- {line}" for line in spec.recipients)] if spec.recipients else [])


def test_huong_an_section_iv_is_numbered_without_the_gap(demo_plans):
    """The source numbers section IV 1–6 then 8; the document numbers from the structure: 1–7."""
    paragraphs = rendered(demo_plans["huong-an-2019"]).paragraphs
    start = paragraphs.index("IV. TỔ CHỨC THỰC HIỆN")
    end = paragraphs.index("V. CHẾ ĐỘ BÁO CÁO")
    numbers = [int(match.group(1)) for text in paragraphs[start:end] if (match := re.match(r"^(\d+)\. ", text))]
    assert numbers == [1, 2, 3, 4, 5, 6, 7]


@needs_sources
def test_fixes_are_declared_for_every_break_they_mend():
    for spec in REFERENCE_PLANS:
        text = source_text(spec)  # asserts each fix's count
        for fix in spec.fixes:
            assert fix.right in text or not fix.right


@needs_sources
@pytest.mark.parametrize("key", KEYS)
def test_rendered_plan_matches_its_source(demo_plans, key):
    spec, plan = reference_plan(key), demo_plans[key]
    doc, source = rendered(plan), norm(source_text(spec))

    # Section headings, numbered as the source numbers them, in the source's order.
    positions = [source.find(norm(heading)) for heading in section_headings(doc)]
    assert -1 not in positions, [h for h, p in zip(section_headings(doc), positions, strict=True) if p < 0]
    assert positions == sorted(positions)

    # Header: bodies (unless reconstructed), number, quốc hiệu and tiêu ngữ when the copy kept them, dateline.
    header = dict(zip(("parent_body", "issuing_body"), doc.header_left, strict=True))
    for field, line in header.items():
        if field not in spec.reconstructed:
            assert norm(line) in source, line
    if spec.number:
        assert norm(doc.number_line) in source
        assert norm(doc.dateline) in source
    if norm("xã hội chủ nghĩa việt nam") in source:
        assert all(norm(line) in source for line in doc.header_right), doc.header_right

    # Type name, summary, legal bases, preamble and closing.
    for text in (spec.type_name, spec.summary, *spec.legal_bases, spec.preamble, spec.closing_text):
        assert norm(text) in source, text

    # Each target's words (value and subject) stand in the source and in the document.
    body = norm(" ".join(doc.paragraphs))
    for target, target_spec in zip(plan.targets.order_by("order"), _flat_targets(spec), strict=True):
        phrase = target_spec.source_phrase or " ".join(filter(None, (target.value_label, target.text)))
        assert norm(phrase) in source, phrase
        assert norm(phrase) in body, phrase

    # Nơi nhận and signer lines.
    for line in doc.recipients:
        assert norm(line.removeprefix("- ")) in source, line
    for line in doc.signature:
        assert norm(line) in source, line

    # Every other paragraph of the document is the source's, except the known differences.
    assert unmatched_paragraphs(doc, source) == NOT_IN_SOURCE[key]


def _flat_targets(spec: PlanSpec):
    return [row for target in spec.targets for row in (target, *target.parts)]


def unmatched_paragraphs(doc: DocxOutline, source: str) -> set[str]:
    """Body paragraphs (marker removed) found neither whole nor as "lead: text" halves in the source; each given
    by its start (up to and including the lead's colon, or the whole paragraph when short)."""
    missing = set()
    for paragraph in doc.paragraphs:
        text = norm(_MARKER.sub("", paragraph))
        if text in source:
            continue
        lead, colon, rest = text.partition(": ")
        if colon and lead in source and rest in source:
            continue
        missing.add(f"{lead}:" if colon else text)
    return missing
