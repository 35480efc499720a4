"""National scale (issue 6, "Scale and speed"): generate ten years of reports for every commune of Việt Nam and a
national registry (bench/national_data.py), then measure, side by side in one run with DuckDB aggregating the
same raw facts:

1. the national dashboard query — every indicator × the 34 provinces, one year (goal: median < 50 ms and
   faster than DuckDB's scan of the raw facts); also the registry's computed figures per province;
2. accepting one commune's report including its roll-up (goal: p95 < 100 ms);
3. freshness — a value accepted at a commune is in its province's and the national total at once (asserted);
4. the national report as .docx and .xlsx (goal: < 2 s each).

    python bench/national.py                                            # SQLite in a temporary folder
    python bench/national.py postgres://postgres@127.0.0.1:5432/tretho_bench
    python bench/national.py --quick [url]                              # three years, a tenth of the registry

`migrate` and `load_units` run in their own processes as an operator would; the rest runs in this one. The
PostgreSQL database is created (dropped first if it exists): never point this at a real installation. Results
go to docs/benchmarks.md.
"""

from __future__ import annotations

import datetime as dt
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

DASHBOARD_RUNS = 30
DUCKDB_RUNS = 10
RAW_SQL_RUNS = 3
ACCEPTS = 50


def recreate_postgres_database(url: str) -> None:
    import dj_database_url
    import psycopg

    settings = dj_database_url.parse(url)
    with psycopg.connect(host=settings["HOST"], port=settings["PORT"] or None, user=settings["USER"] or None,
                         password=settings["PASSWORD"] or None, dbname="postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{settings["NAME"]}"')
        connection.execute(f'CREATE DATABASE "{settings["NAME"]}"')


def run_command(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "django", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


class Times(list):
    """Wall-clock times in ms, with the CPU time this process spent in each (`.cpu`): on a shared machine the
    wall time includes waiting for a core; the CPU time of in-process work (SQLite, Python, DuckDB's threads
    added up) does not. PostgreSQL's own work is in its server process: only in the wall time."""

    def __init__(self):
        super().__init__()
        self.cpu: list[float] = []

    def add(self, wall: float, cpu: float) -> None:
        self.append(wall)
        self.cpu.append(cpu)

    def text(self, digits: int = 1) -> str:
        return f"{statistics.median(self):.{digits}f} ms (CPU {statistics.median(self.cpu):.{digits}f} ms)"


def timed(function, runs: int) -> tuple[Times, object]:
    """Run function `runs` times; the times in milliseconds and the last result."""
    times, result = Times(), None
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        result = function()
        times.add((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
    return times, result


def p95(times: list[float]) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


# -- the dashboard, three ways --------------------------------------------------------------------------------


def dashboard_from_rollups(year: int, provinces: list[int], element_ids: list[int]) -> dict:
    """What the national dashboard reads: the roll-up rows of every province for the year, every element and
    breakdown the indicators use — one index range on (period_id, level, data_element, option_key)."""
    from tretho.metrics.models import RollupValue

    rows = RollupValue.objects.filter(period_id=str(year), level=1, unit_id__in=provinces,
                                      data_element_id__in=element_ids).values_list(
        "unit_id", "data_element_id", "option_key", "value")
    return {(unit, element, option): Decimal(value) for unit, element, option, value in rows}


RAW_SQL = """
SELECT u.parent_id, f.data_element_id, f.option_key, SUM(v.value)
FROM reporting_submissionvalue v
JOIN reporting_submission s ON s.id = v.submission_id
JOIN reporting_formfield f ON f.id = v.field_id
JOIN geo_administrativeunit u ON u.id = s.unit_id
WHERE s.period_id = %s AND s.status = 'accepted' AND v.value IS NOT NULL
GROUP BY u.parent_id, f.data_element_id, f.option_key
"""


def dashboard_from_raw_sql(period_pk: int) -> dict:
    """The same figures summed from the raw submission values by the database (no roll-up table)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(RAW_SQL, [period_pk])
        return {(unit, element, option): Decimal(value) for unit, element, option, value in cursor.fetchall()}


DUCKDB_SQL = RAW_SQL.replace("%s", "?")

# Completed participations in trainings held in the year (the activities' tables, as the "staff trained" metric).
REGISTRY_SQL = """
SELECT u.parent_id,
       COUNT(DISTINCT g.id) AS groups,
       COUNT(DISTINCT st.id) AS staff,
       COUNT(DISTINCT p.staff_id) AS staff_trained,
       COUNT(p.id) AS participations
FROM registry_childcaregroup g
JOIN geo_administrativeunit u ON u.id = g.unit_id
LEFT JOIN registry_staff st ON st.group_id = g.id
LEFT JOIN (SELECT tp.id, tp.staff_id FROM activities_trainingparticipant tp
           JOIN activities_training t ON t.id = tp.training_id
           WHERE tp.completed AND t.start_date >= %s AND t.start_date <= %s) p ON p.staff_id = st.id
WHERE g.status = 'operating'
GROUP BY u.parent_id
"""


def year_span(year: int) -> list[dt.date]:
    return [dt.date(year, 1, 1), dt.date(year, 12, 31)]


def registry_from_sql(year: int) -> dict:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(REGISTRY_SQL, year_span(year))
        return {row[0]: tuple(int(x) for x in row[1:]) for row in cursor.fetchall()}


def indicator_results(indicators, figures: dict, provinces: list[int]) -> list[tuple]:
    """Indicator × province: numerator, denominator and value (numerator / denominator × factor)."""
    results = []
    for indicator in indicators:
        numerator_element = indicator.numerator.data_element_id
        denominator_element = indicator.denominator.data_element_id if indicator.denominator_id else None
        for province in provinces:
            numerator = figures.get((province, numerator_element, ""), Decimal(0))
            denominator = figures.get((province, denominator_element, "")) if denominator_element else None
            value = numerator * indicator.factor / denominator if denominator else numerator
            results.append((indicator.code, province, numerator, denominator, value))
    return results


def measure_results_table(out, year: int) -> tuple[list[float], str]:
    """E2b's results_table(): what the dashboard page calls for every indicator × every province."""
    from tretho.geo.models import AdministrativeUnit

    try:
        from tretho.reporting.results import results_table
    except ImportError as error:
        return [], str(error)
    units = list(AdministrativeUnit.objects.filter(pk__in=out.provinces).order_by("sort_key"))
    period = out.periods[year]
    try:
        times, table = timed(lambda: results_table(period, units, out.indicators, user=out.user), DASHBOARD_RUNS)
    except Exception as error:  # another team's code, still changing: report, do not stop the benchmark
        return [], f"{type(error).__name__}: {error}"
    assert len(table) == len(units) * len(out.indicators)
    return times, ""


COMPUTED_CODES = ("so_nhom_tre_hoat_dong", "so_nguoi_cham_soc_tre", "so_nguoi_cham_soc_tre_tap_huan")


def measure_computed(out, year: int) -> tuple[list[float], str]:
    """The computed metrics (tretho/registry/metrics.py; staff trained: tretho/activities/metrics.py) for the 34
    provinces, through Metric.compute() as results.ValueReader calls it: one count query per metric and province
    over the registry's tables and the training participants."""
    from tretho.geo.models import AdministrativeUnit
    from tretho.metrics.models import Metric

    metrics = list(Metric.objects.filter(code__in=COMPUTED_CODES, kind="computed"))
    if len(metrics) != len(COMPUTED_CODES):
        return [], f"computed metrics {COMPUTED_CODES} not all registered"
    paths = list(AdministrativeUnit.objects.filter(pk__in=out.provinces).values_list("path", flat=True))
    period = out.periods[year]
    try:
        times, _ = timed(lambda: [m.compute(path, period.start, period.end) for m in metrics for path in paths],
                         RAW_SQL_RUNS)
    except Exception as error:  # another team's code, still changing: report, do not stop the benchmark
        return [], f"{type(error).__name__}: {error}"
    return times, f"{len(metrics)} metrics × {len(paths)} provinces"


def check_rebuild(year: int) -> str:
    """The generator's roll-up rows must be exactly those reporting.rollups recomputes (one period)."""
    try:
        from tretho.reporting.rollups import rebuild
    except ImportError as error:
        return f"not checked ({error})"
    started = time.perf_counter()
    result = rebuild([str(year)], write=False)
    assert result.agreed, (len(result.missing), len(result.extra), len(result.different))
    return f"{result.rows:,} rows identical (checked in {time.perf_counter() - started:.0f} s)"


# -- DuckDB -----------------------------------------------------------------------------------------------


def duckdb_load(out) -> tuple[object, float]:
    """The generated raw facts (the very files loaded into the database) and the units, into DuckDB."""
    import duckdb

    from tretho.geo.models import AdministrativeUnit

    started = time.perf_counter()
    db = duckdb.connect()
    by_name = {table.name: table for table in out.tables}

    def load(table_name: str, keep: dict[str, str]) -> None:
        table = by_name[table_name]
        columns = dict.fromkeys(table.columns, "VARCHAR")
        select = ", ".join(f"CAST(NULLIF({name}, '\\N') AS {kind}) AS {name}" for name, kind in keep.items())
        db.execute(f"CREATE TABLE {table_name} AS SELECT {select} FROM read_csv(?, delim='\t', header=false, "
                   f"quote='', escape='', columns={columns!r}, auto_detect=false)", [str(table.path)])

    load("reporting_submission", {"id": "BIGINT", "unit_id": "BIGINT", "period_id": "BIGINT", "status": "VARCHAR"})
    load("reporting_submissionvalue", {"id": "BIGINT", "submission_id": "BIGINT", "field_id": "BIGINT",
                                       "value": "DECIMAL(20,4)"})
    load("registry_childcaregroup", {"id": "BIGINT", "unit_id": "BIGINT", "status": "VARCHAR"})
    load("registry_staff", {"id": "BIGINT", "group_id": "BIGINT"})
    load("activities_training", {"id": "BIGINT", "start_date": "DATE"})
    load("activities_trainingparticipant", {"id": "BIGINT", "training_id": "BIGINT", "staff_id": "BIGINT",
                                            "completed": "BOOLEAN"})
    db.execute("CREATE TABLE reporting_formfield (id BIGINT, data_element_id BIGINT, option_key VARCHAR)")
    db.executemany("INSERT INTO reporting_formfield VALUES (?, ?, ?)",
                   [(f.pk, f.data_element_id, f.option_key) for f in out.fields])
    db.execute("CREATE TABLE geo_administrativeunit (id BIGINT, parent_id BIGINT, level INTEGER)")
    db.executemany("INSERT INTO geo_administrativeunit VALUES (?, ?, ?)",
                   list(AdministrativeUnit.objects.values_list("id", "parent_id", "level")))
    return db, time.perf_counter() - started


def dashboard_from_duckdb(db, period_pk: int) -> dict:
    rows = db.execute(DUCKDB_SQL, [period_pk]).fetchall()
    return {(unit, element, option): Decimal(value) for unit, element, option, value in rows}


def registry_from_duckdb(db, year: int) -> dict:
    sql = REGISTRY_SQL.replace("%s", "?")
    return {row[0]: tuple(int(x) for x in row[1:]) for row in db.execute(sql, year_span(year)).fetchall()}


# -- accept, freshness, documents ---------------------------------------------------------------------------


def national_total(year: int, root_id: int, element_id: int) -> Decimal:
    from tretho.metrics.models import RollupValue

    row = RollupValue.objects.filter(unit_id=root_id, period_id=str(year), data_element_id=element_id,
                                     option_key="").values_list("value", flat=True).first()
    return Decimal(row or 0)


def measure_accepts(out, year: int) -> dict:
    """Accept ACCEPTS pending commune reports one by one through reporting.actions.do_accept; after each, the
    commune's value must be in its province's and the national total (freshness)."""
    from tretho.metrics.models import RollupValue
    from tretho.reporting.models import Submission, SubmissionValue

    try:
        from tretho.reporting.actions import do_accept
    except ImportError as error:
        return {"skipped": f"tretho.reporting.actions.do_accept not available ({error})"}
    from django.contrib.auth import get_user_model

    from tretho.accounts.models import Role, RoleAssignment

    total_field = out.fields[0]
    element = total_field.data_element_id
    pending = list(Submission.objects.filter(pk__in=out.pending_submissions[:ACCEPTS]).select_related("unit")
                   .order_by("pk"))
    # The acting user is an approver of the commune's province (the level directly above since 1/7/2025), so
    # the permission check runs as for a real official, not a superuser's shortcut.
    approver_role = Role.objects.get(code="approver")
    approvers = {}
    for province_id in sorted({s.unit.parent_id for s in pending}):
        user = get_user_model().objects.create_user(username=f"duyet-{province_id}", password=None)
        RoleAssignment.objects.create(user=user, role=approver_role, unit_id=province_id)
        approvers[province_id] = user
    times = Times()
    for submission in pending:
        value = SubmissionValue.objects.get(submission=submission, field=total_field).value
        province_id = submission.unit.parent_id
        before_national = national_total(year, out.root_id, element)
        before_province = dashboard_from_rollups(year, [province_id], [element]).get((province_id, element, ""),
                                                                                      Decimal(0))
        started, cpu = time.perf_counter(), time.process_time()
        do_accept(submission, acting_user=approvers[province_id])
        times.add((time.perf_counter() - started) * 1000, (time.process_time() - cpu) * 1000)
        after_national = national_total(year, out.root_id, element)
        after_province = dashboard_from_rollups(year, [province_id], [element])[(province_id, element, "")]
        assert after_national - before_national == value, (before_national, after_national, value)
        assert after_province - before_province == value, (before_province, after_province, value)
        assert RollupValue.objects.filter(unit_id=submission.unit_id, period_id=str(year)).exists()
    return {"times": times, "accepted": len(times)}


def measure_documents(out, year: int) -> dict:
    """The national dashboard as the page builds it (views_dashboard.build_dashboard: every indicator × the 34
    provinces, their reports), then its .docx (report_document.gather + report_docx) and .xlsx
    (spreadsheets.dashboard_workbook), as the download views do minus HTTP."""
    measured: dict[str, object] = {}
    try:
        from django.http import QueryDict

        from tretho.reporting.report_document import gather, report_docx
        from tretho.reporting.spreadsheets import dashboard_workbook
        from tretho.reporting.views_dashboard import build_dashboard, trend_rows
    except ImportError as error:
        return {"skipped": f"the reporting dashboard code is not there yet ({error})"}
    query = QueryDict(mutable=True)
    query.update({"programme": str(out.programme.pk), "period": str(out.periods[year].pk),
                  "unit": str(out.root_id)})
    page_times, (board, _form) = timed(lambda: build_dashboard(out.user, query), 5)
    assert len(board.lower) == len(out.provinces), len(board.lower)
    assert len(board.table) == len(out.provinces) * len(out.indicators)
    measured["page_ms"] = page_times
    if os.environ.get("BENCH_PROFILE"):
        import cProfile
        import pstats

        profile = cProfile.Profile()
        profile.runcall(lambda: (report_docx(gather(board)), dashboard_workbook(board, trend_rows(board))))
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    docx_times, data = timed(lambda: report_docx(gather(board)), 3)
    measured["docx_s"] = statistics.median(docx_times) / 1000
    measured["docx_cpu_s"] = statistics.median(docx_times.cpu) / 1000
    measured["docx_bytes"] = len(data)
    xlsx_times, xlsx = timed(lambda: dashboard_workbook(board, trend_rows(board)), 3)
    measured["xlsx_s"] = statistics.median(xlsx_times) / 1000
    measured["xlsx_cpu_s"] = statistics.median(xlsx_times.cpu) / 1000
    measured["xlsx_bytes"] = len(xlsx)
    # The files are real: read them back.
    import io

    import docx
    from python_calamine import CalamineWorkbook

    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "BÁO CÁO" in text, text[:200]
    assert CalamineWorkbook.from_filelike(io.BytesIO(xlsx)).sheet_names
    return measured


# -- the run ------------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        memory = int(Path("/proc/meminfo").read_text().split()[1]) // (1024 * 1024)
    except OSError:
        memory = 0
    return f"{os.cpu_count()} cores {cpu}, {memory} GiB, load average {os.getloadavg()[0]:.1f}"


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    quick = "--quick" in sys.argv
    url = args[0] if args else ""
    with tempfile.TemporaryDirectory(prefix="tretho-national-") as tmp:
        env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.dev", "TRETHO_VAR_DIR": tmp, "DEBUG": "0"}
        env.pop("DATABASE_URL", None)
        if url:
            recreate_postgres_database(url)
            env["DATABASE_URL"] = url
        label = "PostgreSQL" if url else "SQLite"
        print(f"{label}: migrate, load_units …", flush=True)
        run_command(["migrate", "--noinput", "-v", "0"], env)
        run_command(["load_units"], env)
        os.environ.clear()
        os.environ.update(env)
        import django

        django.setup()
        import national_data as data
        from django.db import connection

        if quick:
            data.use_quick_scale()
        out = data.generate(Path(tmp), connection.vendor)
        data.load(out)
        year = data.LAST_YEAR
        period = out.periods[year]
        element_ids = sorted({f.data_element_id for f in out.fields})
        provinces = out.provinces

        # (1) the national dashboard, before any accept: roll-ups vs the raw facts (database, DuckDB).
        duck, duck_load = duckdb_load(out)
        print(f"DuckDB loaded the raw facts in {duck_load:.1f} s", flush=True)
        rollup_times, from_rollups = timed(lambda: dashboard_from_rollups(year, provinces, element_ids),
                                           DASHBOARD_RUNS)
        results_times, results = timed(lambda: indicator_results(
            out.indicators, dashboard_from_rollups(year, provinces, element_ids), provinces), DASHBOARD_RUNS)
        raw_times, from_raw = timed(lambda: dashboard_from_raw_sql(period.pk), RAW_SQL_RUNS)
        duck_times, from_duck = timed(lambda: dashboard_from_duckdb(duck, period.pk), DUCKDB_RUNS)
        assert len(from_rollups) == len(provinces) * len(out.fields), len(from_rollups)
        assert from_rollups == from_raw == from_duck, "roll-ups, raw SQL and DuckDB disagree"
        registry_times, from_registry = timed(lambda: registry_from_sql(year), RAW_SQL_RUNS)
        duck_registry_times, from_duck_registry = timed(lambda: registry_from_duckdb(duck, year), DUCKDB_RUNS)
        assert from_registry == from_duck_registry, "registry figures differ between the database and DuckDB"

        table_times, table_note = measure_results_table(out, year)
        computed_times, computed_note = measure_computed(out, year)
        rebuild_note = check_rebuild(year)

        # (2) + (3) accept pending commune reports, each asserted fresh in the province and national totals.
        accepts = measure_accepts(out, year)
        # (4) documents
        documents = measure_documents(out, year)

    median = statistics.median
    print()
    print(f"== national bench, {label}, {time.strftime('%d/%m/%Y %H:%M UTC', time.gmtime())}, {machine()}")
    print(f"   data: {out.counts}; generate {out.timings['generate']:.0f} s, load {out.timings['load']:.0f} s, "
          f"DuckDB load {duck_load:.0f} s")
    print(f"(1) dashboard {year}, {len(out.indicators)} indicators × {len(provinces)} provinces "
          f"({len(from_rollups)} roll-up rows), medians: roll-ups {rollup_times.text()}, with indicator values "
          f"{results_times.text()} | raw facts in {label} {raw_times.text(0)} | DuckDB raw facts {duck_times.text()}"
          f" — goal < 50 ms and faster than DuckDB: "
          f"{'met' if median(results_times) < 50 and median(results_times) < median(duck_times) else 'NOT met'}")
    print(f"    reporting.results.results_table() (the dashboard's code: roll-ups, targets, status), same "
          f"indicators × provinces: median {table_times.text()}" if table_times else
          f"    reporting.results.results_table() not measured: {table_note}")
    print(f"    registry per province ({len(from_registry)} provinces; groups, staff, staff trained, participations): "
          f"{label} {registry_times.text(0)} | DuckDB {duck_registry_times.text()}")
    if computed_times:
        print(f"    registry computed metrics through Metric.compute() ({computed_note}): "
              f"median {computed_times.text(0)}")
    else:
        print(f"    registry computed metrics not measured: {computed_note}")
    print(f"    roll-ups generated for {year} = reporting.rollups.rebuild(write=False) recomputed from the accepted "
          f"submissions: {rebuild_note}")
    if "times" in accepts:
        times = accepts["times"]
        print(f"(2) accept a commune report incl. roll-up, {len(times)} accepts: median {times.text()}, "
              f"p95 {p95(times):.1f} ms (CPU {p95(times.cpu):.1f} ms), max {max(times):.1f} ms — goal p95 < 100 ms: "
              f"{'met' if p95(times) < 100 else 'NOT met'}")
        print(f"(3) freshness: after each accept the commune's value was in its province's and the national "
              f"total (asserted {len(times)} times)")
    else:
        print(f"(2), (3) skipped: {accepts['skipped']}")
    if "skipped" in documents:
        print(f"(4) skipped: {documents['skipped']}")
    else:
        page = documents["page_ms"]
        print(f"    the national dashboard as its page builds it (build_dashboard: results, 34 provinces' "
              f"reports): median {page.text(0)}")
        print(f"(4) national report .docx {documents['docx_s']:.2f} s (CPU {documents['docx_cpu_s']:.2f} s; "
              f"{documents['docx_bytes']:,} bytes) | .xlsx {documents['xlsx_s']:.2f} s (CPU "
              f"{documents['xlsx_cpu_s']:.2f} s; {documents['xlsx_bytes']:,} bytes), medians of 3 (gather() + "
              f"report_docx(), dashboard_workbook()) — goal < 2 s each: "
              f"{'met' if max(documents['docx_s'], documents['xlsx_s']) < 2 else 'NOT met'}")


if __name__ == "__main__":
    main()
