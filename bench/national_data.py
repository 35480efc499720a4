"""Deterministic national-scale data for bench/national.py (issue 6, "Scale and speed").

What it makes, on a database where `migrate` and `tretho load_units` have run (the real 34 provinces and 3,321
communes from 1/7/2025, and the pre-2025 63 provinces, 696 districts and 10,035 communes):

- one programme, 60 report fields (20 data elements: 8 split by age band and sex, 12 totals only) on one form,
  12 indicators over them, and ten yearly periods 2017–2026 with the government cut-off 15/12–14/12;
- for every period the report of every commune in force at the period's end (2017–2024: the 10,035 pre-2025
  communes, which roll up through their districts; 2025–2026: the 3,321 communes straight under their
  province): 86,922 submissions, all accepted except `PENDING` communes of the last year, which are submitted
  (the benchmark accepts them) — 60 values each, ≈ 5.2 million values;
- the roll-up rows for every commune, district, province and the root (what rollups.py keeps on accept),
  summed here while generating;
- 20,000 childcare groups and 100,000 staff in the registry's tables (tretho/registry), and 1,000,000 training
  participations of those staff in the activities' own tables (`activities_trainingparticipant`, with one
  `activities_training` per commune, year and course), which the "staff trained" metric reads.

Every row is written once to a tab-separated file in PostgreSQL's COPY text format; the same files are loaded
into the database (COPY on PostgreSQL, executemany on SQLite) and read by DuckDB, so both aggregate the same
raw facts. Bulk rows skip django-simple-history (no history rows for generated data). One seeded
`random.Random` drives everything in a fixed order: two runs give the same values.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

SEED = 20251125
YEARS = range(2017, 2027)
LAST_YEAR = YEARS[-1]
PENDING = 200  # communes whose last-year report is submitted, not accepted: the benchmark accepts them
GROUPS = 20_000
STAFF = 100_000
PARTICIPATIONS = 1_000_000
REFORM = dt.date(2025, 7, 1)
NOW = dt.datetime(2026, 11, 25, 8, 0, tzinfo=dt.UTC)


def use_quick_scale() -> None:
    """A small run for trying the benchmark itself: three years, a tenth of the registry."""
    global YEARS, PENDING, GROUPS, STAFF, PARTICIPATIONS
    YEARS, PENDING, GROUPS, STAFF, PARTICIPATIONS = range(2024, 2027), 60, 2_000, 10_000, 100_000

AGE_BANDS = ("duoi_36_thang", "3_5_tuoi", "6_8_tuoi")
SEXES = ("nam", "nu")
# 8 elements × (total, 3 age bands, 2 sexes) + 12 totals = 60 fields.
SPLIT_ELEMENTS = [
    ("bench_tre_0_8", "Số trẻ em từ 0 đến 8 tuổi trên địa bàn"),
    ("bench_tre_y_te", "Số trẻ em được tiếp cận dịch vụ y tế"),
    ("bench_tre_giao_duc", "Số trẻ em được tiếp cận dịch vụ giáo dục"),
    ("bench_tre_dinh_duong", "Số trẻ em được tiếp cận dịch vụ dinh dưỡng"),
    ("bench_tre_cham_soc", "Số trẻ em được chăm sóc tại nhóm trẻ, lớp mẫu giáo"),
    ("bench_tre_bao_ve", "Số trẻ em được tiếp cận dịch vụ bảo vệ trẻ em"),
    ("bench_tre_an_sinh", "Số trẻ em được hưởng chính sách an sinh xã hội"),
    ("bench_tre_cong_nhan", "Số con công nhân được gửi tại nhóm trẻ"),
]
TOTAL_ELEMENTS = [
    ("bench_nhom_doc_lap", "Số nhóm trẻ độc lập"),
    ("bench_nhom_moi", "Số nhóm trẻ thành lập mới"),
    ("bench_nhom_cung_co", "Số nhóm trẻ được kiện toàn"),
    ("bench_nhom_du_dieu_kien", "Số nhóm trẻ đủ điều kiện hoạt động"),
    ("bench_cham_soc_vien", "Số người chăm sóc trẻ"),
    ("bench_cham_soc_vien_tap_huan", "Số người chăm sóc trẻ được tập huấn"),
    ("bench_can_bo_tap_huan", "Số cán bộ được tập huấn"),
    ("bench_cha_me_tu_van", "Số cha mẹ, người chăm sóc trẻ được tư vấn"),
    ("bench_luot_truyen_thong", "Số lượt truyền thông"),
    ("bench_chuyen_tuyen", "Số trường hợp được chuyển tuyến"),
    ("bench_diem_tu_van", "Số điểm tư vấn, hỗ trợ"),
    ("bench_kinh_phi", "Kinh phí thực hiện (triệu đồng)"),
]
# (code, name, numerator element, denominator element or None)
INDICATORS = [
    ("BI01", "Tỷ lệ trẻ em được tiếp cận dịch vụ y tế", "bench_tre_y_te", "bench_tre_0_8"),
    ("BI02", "Tỷ lệ trẻ em được tiếp cận dịch vụ giáo dục", "bench_tre_giao_duc", "bench_tre_0_8"),
    ("BI03", "Tỷ lệ trẻ em được tiếp cận dịch vụ dinh dưỡng", "bench_tre_dinh_duong", "bench_tre_0_8"),
    ("BI04", "Tỷ lệ trẻ em được chăm sóc", "bench_tre_cham_soc", "bench_tre_0_8"),
    ("BI05", "Tỷ lệ trẻ em được bảo vệ", "bench_tre_bao_ve", "bench_tre_0_8"),
    ("BI06", "Tỷ lệ trẻ em được hưởng an sinh xã hội", "bench_tre_an_sinh", "bench_tre_0_8"),
    ("BI07", "Tỷ lệ nhóm trẻ đủ điều kiện", "bench_nhom_du_dieu_kien", "bench_nhom_doc_lap"),
    ("BI08", "Tỷ lệ người chăm sóc trẻ được tập huấn", "bench_cham_soc_vien_tap_huan", "bench_cham_soc_vien"),
    ("BI09", "Số nhóm trẻ thành lập mới", "bench_nhom_moi", None),
    ("BI10", "Số cán bộ được tập huấn", "bench_can_bo_tap_huan", None),
    ("BI11", "Số cha mẹ được tư vấn", "bench_cha_me_tu_van", None),
    ("BI12", "Số trường hợp được chuyển tuyến", "bench_chuyen_tuyen", None),
]

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
MIDDLE = ("Thị", "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Minh", "Kim", "Hồng", "Văn")
GIVEN = ("Lan", "Hoa", "Hương", "Mai", "Linh", "Trang", "Hà", "Thảo", "Yến", "Nga", "Dung", "Hạnh", "Phương", "An")
COURSES = ("ky_nang_cham_soc", "dao_duc_nghe_nghiep", "dinh_duong", "so_cap_cuu", "phat_trien_tre_tho")
COURSE_TITLES = {"ky_nang_cham_soc": "kỹ năng chăm sóc trẻ", "dao_duc_nghe_nghiep": "đạo đức nghề nghiệp",
                 "dinh_duong": "dinh dưỡng", "so_cap_cuu": "sơ cấp cứu", "phat_trien_tre_tho": "phát triển trẻ thơ"}
CATEGORY_OF_ROLE = {"owner_manager": "chu_nhom", "teacher": "giao_vien", "caregiver": "bao_mau", "cook": "bao_mau"}
NARRATIVES = (
    "Thiếu giáo viên có chứng chỉ chăm sóc trẻ; cơ sở vật chất nhóm trẻ còn hạn chế.",
    "Kinh phí hỗ trợ chậm; nhiều nhóm trẻ chưa đủ điều kiện cấp phép.",
    "Phối hợp giữa các ngành chưa thường xuyên; số liệu trẻ em biến động do di cư.",
)


def log(message: str) -> None:
    print(f"  {time.strftime('%H:%M:%S', time.gmtime())} {message}", flush=True)


# -- writing rows ---------------------------------------------------------------------------------------------


class TsvTable:
    """Rows of one database table in COPY text format (tab-separated, \\N for NULL), in column order.

    For a model, every concrete column is written; those not given take the field's default (timestamps: NOW)."""

    def __init__(self, folder: Path, vendor: str, *, model=None, name: str = "", columns: list[str] | None = None):
        self.model = model
        self.name = model._meta.db_table if model is not None else name
        self.vendor = vendor
        self.path = folder / f"{self.name}.tsv"
        self.rows = 0
        if model is not None:
            fields = list(model._meta.concrete_fields)
            self.columns = [f.column for f in fields]
            self.attnames = [f.attname for f in fields]
            self.template = [self._default(f) for f in fields]
        else:
            self.columns = list(columns or [])
            self.attnames = list(self.columns)
            self.template = [None] * len(self.columns)
        self._file = self.path.open("w", encoding="utf-8")

    @staticmethod
    def _default(field):
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
            return NOW
        if field.has_default():
            return field.get_default()
        if field.null:
            return None
        if field.get_internal_type() in ("CharField", "TextField", "SlugField", "EmailField"):
            return ""
        return None  # the caller must give it (primary key, required foreign keys)

    def positions(self, attnames: tuple[str, ...]) -> list[int]:
        return [self.attnames.index(name) for name in attnames]

    def fmt(self, value) -> str:
        if value is None:
            return "\\N"
        if value is True:
            return "1" if self.vendor == "sqlite" else "t"
        if value is False:
            return "0" if self.vendor == "sqlite" else "f"
        if isinstance(value, dt.datetime):
            if self.vendor == "sqlite":  # Django keeps naive UTC text on SQLite
                return value.astimezone(dt.UTC).replace(tzinfo=None).isoformat(sep=" ")
            return value.isoformat(sep=" ")
        return str(value)

    def write(self, positions: list[int], values: tuple) -> None:
        row = self.template.copy()
        for position, value in zip(positions, values, strict=True):
            row[position] = value
        self._file.write("\t".join(map(self.fmt, row)))
        self._file.write("\n")
        self.rows += 1

    def close(self) -> None:
        self._file.close()


def load_tsv(table: TsvTable) -> float:
    """Bulk-load one file into the database: COPY on PostgreSQL, executemany in batches on SQLite."""
    from django.db import connection

    started = time.perf_counter()
    columns = ", ".join(connection.ops.quote_name(c) for c in table.columns)
    if connection.vendor == "postgresql":
        copy_sql = f"COPY {connection.ops.quote_name(table.name)} ({columns}) FROM STDIN"
        with connection.cursor() as cursor, table.path.open("rb") as source, cursor.cursor.copy(copy_sql) as copy:
            while chunk := source.read(1 << 20):
                copy.write(chunk)
    else:
        sql = (f"INSERT INTO {connection.ops.quote_name(table.name)} ({columns}) "
               f"VALUES ({', '.join('%s' for _ in table.columns)})")
        with connection.cursor() as cursor, table.path.open(encoding="utf-8") as source:
            batch: list[list] = []
            for line in source:
                batch.append([None if v == "\\N" else v for v in line.rstrip("\n").split("\t")])
                if len(batch) >= 50_000:
                    cursor.executemany(sql, batch)
                    batch.clear()
            if batch:
                cursor.executemany(sql, batch)
    return time.perf_counter() - started


def reset_sequences(models) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    statements = connection.ops.sequence_reset_sql(no_style(), models)
    if statements:
        with connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)


# -- reference data (through the ORM: few rows) -------------------------------------------------------------


def make_reference_data(root):
    """Programme, breakdowns, data elements, indicators, form and fields, periods and deadlines."""
    from tretho.metrics.models import Breakdown, DataElement, Metric
    from tretho.metrics.standard import ensure_standard_breakdowns
    from tretho.programmes.models import Indicator, Programme
    from tretho.reporting.models import FormField, PeriodDeadline, ReportForm, ReportingPeriod

    ensure_standard_breakdowns()
    programme = Programme.objects.create(
        code="BENCH", title="Đề án chăm sóc trẻ em (dữ liệu đo hiệu năng)", short_name="Đề án đo hiệu năng",
        start_year=YEARS[0], end_year=LAST_YEAR, unit=root)
    age, sex = Breakdown.objects.get(code="nhom_tuoi"), Breakdown.objects.get(code="gioi_tinh")
    form = ReportForm.objects.create(programme=programme, code="bench-xa", name="Báo cáo kết quả (xã)",
                                     levels="123", unit=root)
    elements: dict[str, DataElement] = {}
    fields: list[FormField] = []
    order = 0
    for code, name in SPLIT_ELEMENTS + TOTAL_ELEMENTS:
        element = DataElement.objects.create(code=code, name=name, unit=root, unit_of_measure="người")
        elements[code] = element
        order += 1
        total = FormField.objects.create(form=form, order=order, section="I", data_element=element, option_key="",
                                         label=name, required=True, min_value=Decimal(0))
        fields.append(total)
        if (code, name) in SPLIT_ELEMENTS:
            element.breakdowns.set([age, sex])
            for key, label in [(f"nhom_tuoi={band}", band) for band in AGE_BANDS] + \
                              [(f"gioi_tinh={s}", s) for s in SEXES]:
                order += 1
                fields.append(FormField.objects.create(
                    form=form, order=order, section="I", data_element=element, option_key=key,
                    label=f"{name} — {label}", min_value=Decimal(0), part_of=total))
    metrics = {m.data_element.code: m for m in Metric.objects.filter(data_element__in=elements.values())
               .select_related("data_element")}
    indicators = []
    for code, name, numerator, denominator in INDICATORS:
        indicators.append(Indicator.objects.create(
            programme=programme, code=code, name=name, numerator=metrics[numerator],
            denominator=metrics[denominator] if denominator else None,
            factor=Decimal(100) if denominator else Decimal(1),
            unit_of_measure="percent" if denominator else "number"))
    periods = {}
    for year in YEARS:
        period = ReportingPeriod.objects.create(
            programme=programme, period_id=str(year), start=dt.date(year - 1, 12, 15), end=dt.date(year, 12, 14),
            opens_on=dt.date(year, 11, 1), closes_on=dt.date(year + 1, 1, 31), is_closed=year < LAST_YEAR)
        for level, day in ((3, 20), (2, 25), (1, 30)):
            PeriodDeadline.objects.create(period=period, level=level, deadline=dt.date(year, 11, day))
        periods[year] = period
    return programme, form, fields, periods, indicators


# -- the units of each hierarchy ----------------------------------------------------------------------------


def hierarchies():
    """(root, old communes with their ancestor ids, new communes with theirs, new provinces), in a fixed order."""
    from tretho.geo.models import AdministrativeUnit

    units = list(AdministrativeUnit.objects.order_by("level", "code", "valid_from").values_list(
        "id", "level", "code", "path", "valid_from", "valid_to"))
    root = next(u for u in units if u[1] == 0)
    old = [(u[0], u[3]) for u in units if u[1] == 3 and u[5] is not None]
    new = [(u[0], u[3]) for u in units if u[1] == 3 and u[5] is None]
    provinces = [u[0] for u in units if u[1] == 1 and u[5] is None]
    level_of = {u[0]: u[1] for u in units}
    return root[0], old, new, provinces, level_of


def ancestors(path: str) -> list[int]:
    """Every unit on the path, the commune itself included: /root/province/(district/)commune/."""
    return [int(part) for part in path.strip("/").split("/")]


# -- the generator ----------------------------------------------------------------------------------------


def split(rng: random.Random, total: int, parts: int) -> list[int]:
    """total cut into parts that add up to it."""
    cuts = sorted(rng.randint(0, total) for _ in range(parts - 1))
    bounds = [0, *cuts, total]
    return [bounds[i + 1] - bounds[i] for i in range(parts)]


def commune_values(rng: random.Random, size: float) -> list[int]:
    """60 values in field order: each split element's total, then its three age bands and two sexes (parts add
    up to the total), then the twelve totals-only elements."""
    values: list[int] = []
    children = max(50, int(rng.gauss(1200, 400) * size))
    for index in range(len(SPLIT_ELEMENTS)):
        total = children if index == 0 else int(children * rng.uniform(0.3, 0.98))
        values.append(total)
        values.extend(split(rng, total, len(AGE_BANDS)))
        values.extend(split(rng, total, len(SEXES)))
    groups = rng.randint(0, 12)
    caregivers = groups * rng.randint(2, 6)
    values.extend([
        groups, rng.randint(0, 3), rng.randint(0, groups), rng.randint(0, groups), caregivers,
        rng.randint(0, caregivers), rng.randint(0, 20), rng.randint(0, 800), rng.randint(0, 60),
        rng.randint(0, 25), rng.randint(0, 4), rng.randint(0, 300),
    ])
    return values


class Generated:
    """What the benchmark needs to know about the generated data."""

    def __init__(self):
        self.tables: list[TsvTable] = []
        self.pending_submissions: list[int] = []
        self.counts: dict[str, int] = {}
        self.timings: dict[str, float] = {}


def generate(folder: Path, vendor: str) -> Generated:
    from django.contrib.auth import get_user_model
    from django.db import transaction

    from tretho.metrics.models import RollupValue
    from tretho.registry.models import ChildcareGroup, Staff
    from tretho.reporting.models import Submission, SubmissionEvent, SubmissionValue

    out = Generated()
    rng = random.Random(SEED)
    started = time.perf_counter()
    root_id, old, new, provinces, level_of = hierarchies()
    user = get_user_model().objects.create_superuser(username="bench", email="bench@example.invalid",
                                                     password="bench-password-not-secret")
    with transaction.atomic():
        programme, form, fields, periods, indicators = make_reference_data(root_id_unit(root_id))
    out.programme, out.form, out.fields, out.periods, out.indicators = programme, form, fields, periods, indicators
    out.user, out.root_id, out.provinces = user, root_id, provinces
    out.counts.update(old_communes=len(old), new_communes=len(new), provinces=len(provinces))

    submissions = TsvTable(folder, vendor, model=Submission)
    values = TsvTable(folder, vendor, model=SubmissionValue)
    events = TsvTable(folder, vendor, model=SubmissionEvent)
    rollups = TsvTable(folder, vendor, model=RollupValue)
    sub_pos = submissions.positions(("id", "unit_id", "period_id", "form_id", "status", "submitted_at",
                                     "submitted_by_id", "decided_at", "decided_by_id", "created_by_id",
                                     "difficulties_text", "proposals_text"))
    val_pos = values.positions(("id", "submission_id", "field_id", "value", "created_by_id"))
    evt_pos = events.positions(("id", "submission_id", "action", "actor_id", "at", "created_by_id"))
    roll_pos = rollups.positions(("id", "unit_id", "level", "period_id", "data_element_id", "option_key", "value",
                                  "submissions"))
    field_keys = [(f.pk, f.data_element_id, f.option_key) for f in fields]
    sub_id = value_id = event_id = rollup_id = 0
    # Communes of the last year left submitted (not accepted), spread over the country.
    pending = set(rng.sample(range(len(new)), PENDING))
    for year in YEARS:
        period = periods[year]
        communes = new if period.end >= REFORM else old
        upper: dict[tuple[int, int, str], list] = defaultdict(lambda: [0, 0])  # (unit, element, option) → sum, n
        submitted_at = dt.datetime(year, 11, 10, 9, 0, tzinfo=dt.UTC)
        decided_at = dt.datetime(year, 11, 18, 15, 0, tzinfo=dt.UTC)
        for index, (unit_id, path) in enumerate(communes):
            sub_id += 1
            accepted = not (year == LAST_YEAR and index in pending)
            narrative = NARRATIVES[index % 3] if index % 10 == 0 else ""
            submissions.write(sub_pos, (sub_id, unit_id, period.pk, form.pk, "accepted" if accepted else "submitted",
                                        submitted_at, user.pk, decided_at if accepted else None,
                                        user.pk if accepted else None, user.pk, narrative,
                                        narrative and "Đề nghị tăng kinh phí hỗ trợ nhóm trẻ."))
            event_id += 1
            events.write(evt_pos, (event_id, sub_id, "submit", user.pk, submitted_at, user.pk))
            if accepted:
                event_id += 1
                events.write(evt_pos, (event_id, sub_id, "accept", user.pk, decided_at, user.pk))
            else:
                out.pending_submissions.append(sub_id)
            above = ancestors(path)[:-1]
            size = 0.6 if period.end < REFORM else 1.8  # post-reform communes are about three old ones
            for (field_id, element_id, option), value in zip(field_keys, commune_values(rng, size), strict=True):
                value_id += 1
                values.write(val_pos, (value_id, sub_id, field_id, value, user.pk))
                if accepted:
                    rollup_id += 1
                    rollups.write(roll_pos, (rollup_id, unit_id, 3, str(year), element_id, option, value, 1))
                    for ancestor in above:
                        cell = upper[(ancestor, element_id, option)]
                        cell[0] += value
                        cell[1] += 1
        for (unit_id, element_id, option), (total, count) in upper.items():
            rollup_id += 1
            rollups.write(roll_pos, (rollup_id, unit_id, level_of[unit_id], str(year), element_id, option, total,
                                     count))
        log(f"{year}: {len(communes)} communes, {sub_id} submissions, {value_id} values so far")
    out.counts.update(submissions=sub_id, values=value_id, events=event_id, rollups=rollup_id)
    out.tables += [submissions, values, events, rollups]

    # -- registry: groups and staff in the registry's tables; their trainings in the activities' tables.
    from tretho.activities.models import Training, TrainingParticipant
    from tretho.core.text import collation_key, fold

    groups = TsvTable(folder, vendor, model=ChildcareGroup)
    staff = TsvTable(folder, vendor, model=Staff)
    grp_pos = groups.positions(("id", "name", "code", "kind", "unit_id", "status", "is_licensed", "capacity",
                                "opened_on", "search_key", "sort_key", "created_by_id"))
    stf_pos = staff.positions(("id", "group_id", "full_name", "birth_year", "role", "qualification", "start_date",
                               "created_by_id"))
    group_units: list[int] = []
    for group_id in range(1, GROUPS + 1):
        unit_id = new[rng.randrange(len(new))][0]
        group_units.append(unit_id)
        name = f"Nhóm trẻ Hoa Mai số {group_id}"
        groups.write(grp_pos, (group_id, name, f"NT{group_id:05d}", "nhom_tre", unit_id,
                               "operating" if rng.random() < 0.92 else "suspended", rng.random() < 0.6,
                               rng.randint(10, 70), dt.date(rng.randint(2010, 2026), rng.randint(1, 12), 1),
                               fold(name), collation_key(name)[:1000], user.pk))
    # (first year, commune of the group, name, birth year, audience category) of each person
    people: list[tuple[int, int, str, int, str]] = []
    for staff_id in range(1, STAFF + 1):
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"
        start_year = rng.randint(2012, 2026)
        group_id, birth_year = rng.randint(1, GROUPS), rng.randint(1965, 2004)
        role = rng.choice(("owner_manager", "teacher", "caregiver", "caregiver", "cook"))
        people.append((start_year, group_units[group_id - 1], name, birth_year, CATEGORY_OF_ROLE[role]))
        staff.write(stf_pos, (staff_id, group_id, name, birth_year, role,
                              rng.choice(("none", "certificate", "intermediate", "college")),
                              dt.date(start_year, rng.randint(1, 12), 1), user.pk))
    # A training per commune, year and course, held where the people work; a person attends it at most once.
    trainings = TsvTable(folder, vendor, model=Training)
    trn_pos = trainings.positions(("id", "unit_id", "title", "start_date", "search_key", "sort_key",
                                   "created_by_id"))
    participants = TsvTable(folder, vendor, model=TrainingParticipant)
    par_pos = participants.positions(("id", "training_id", "staff_id", "full_name", "sex", "birth_year", "category",
                                      "completed", "created_by_id"))
    training_ids: dict[tuple[int, int, str], int] = {}
    attended: set[int] = set()  # training_id × (STAFF + 1) + staff_id: a million small ints, not tuples
    while len(attended) < PARTICIPATIONS:
        staff_id = rng.randint(1, STAFF)
        first_year, unit_id, name, birth_year, category = people[staff_id - 1]
        year, course = rng.randint(max(YEARS[0], first_year), LAST_YEAR), rng.choice(COURSES)
        training_id = training_ids.get((unit_id, year, course))
        if training_id is None:
            training_id = training_ids[(unit_id, year, course)] = len(training_ids) + 1
            title = f"Tập huấn {COURSE_TITLES[course]} năm {year}"
            trainings.write(trn_pos, (training_id, unit_id, title, dt.date(year, 3 + COURSES.index(course), 15),
                                      fold(title), collation_key(title)[:1000], user.pk))
        key = training_id * (STAFF + 1) + staff_id
        if key in attended:
            continue
        attended.add(key)
        participants.write(par_pos, (len(attended), training_id, staff_id, name, "nu", birth_year, category,
                                     rng.random() < 0.93, user.pk))
    out.tables += [groups, staff, trainings, participants]
    out.counts.update(groups=GROUPS, staff=STAFF, trainings=len(training_ids), participations=PARTICIPATIONS)
    for table in out.tables:
        table.close()
    out.timings["generate"] = time.perf_counter() - started
    log(f"generated {sum(t.rows for t in out.tables):,} rows in {out.timings['generate']:.0f} s")
    return out


def root_id_unit(root_id: int):
    from tretho.geo.models import AdministrativeUnit

    return AdministrativeUnit.objects.get(pk=root_id)


def sqlite_indexes(table: str) -> list[tuple[str, str]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = %s "
                       "AND sql IS NOT NULL", [table])
        return list(cursor.fetchall())


def load(out: Generated) -> None:
    """Every generated file into the database, then sequences reset and statistics refreshed."""
    from django.db import connection, transaction

    from tretho.activities.models import Training, TrainingParticipant
    from tretho.metrics.models import RollupValue
    from tretho.registry.models import ChildcareGroup, Staff
    from tretho.reporting.models import Submission, SubmissionEvent, SubmissionValue

    started = time.perf_counter()
    sqlite = connection.vendor == "sqlite"
    if sqlite:  # a bulk load: big page cache, no fsync (a crash loses only the benchmark's temporary file)
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA cache_size = -1000000")
            cursor.execute("PRAGMA synchronous = OFF")
    with transaction.atomic():
        if not sqlite:
            # Django's foreign keys are DEFERRABLE INITIALLY DEFERRED: COMMIT would check every one of the 12
            # million rows' references one by one (minutes). The generator wrote only ids it made or read, so the
            # load skips those triggers as a replica does (needs a superuser, as `postgres` on a test server).
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL session_replication_role = replica")
        for table in out.tables:
            # SQLite: build the indexes once after the rows are in, not row by row (PostgreSQL's COPY is fast
            # enough with them in place).
            indexes = sqlite_indexes(table.name) if sqlite else []
            with connection.cursor() as cursor:
                for name, _sql in indexes:
                    cursor.execute(f'DROP INDEX "{name}"')
            seconds = load_tsv(table)
            index_started = time.perf_counter()
            with connection.cursor() as cursor:
                for _name, sql in indexes:
                    cursor.execute(sql)
            log(f"loaded {table.rows:>9,} rows into {table.name} in {seconds:.1f} s"
                + (f", {len(indexes)} indexes built in {time.perf_counter() - index_started:.1f} s" if indexes else ""))
    reset_sequences([Submission, SubmissionValue, SubmissionEvent, RollupValue, ChildcareGroup, Staff, Training,
                     TrainingParticipant])
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if sqlite:
            cursor.execute("PRAGMA synchronous = NORMAL")
    out.timings["load"] = time.perf_counter() - started
    log(f"loaded in {out.timings['load']:.0f} s")
