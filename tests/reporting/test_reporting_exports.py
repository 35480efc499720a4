"""The dashboard's files read back: the period's report (.docx, Nghị định 30 layout), the tables (.xlsx), ADX XML
and DHIS2 dataValueSets JSON; the export right, scope and the security log; the plain writers."""

from __future__ import annotations

import datetime as dt
import io
import json
from decimal import Decimal
from xml.etree import ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import translation
from python_calamine import CalamineWorkbook

from tests.reporting.test_reporting_results_data import build_results
from tretho.accounts.models import SecurityEvent
from tretho.core.testing.suites import login
from tretho.documents.official import Signature
from tretho.documents.readback import outline
from tretho.reporting import exchange
from tretho.reporting.report_document import (
    RESULTS_HEADER,
    Narrative,
    PeriodReport,
    ResultLine,
    UnitTable,
    report_docx,
)


@pytest.fixture(autouse=True)
def vietnamese():
    with translation.override("vi"):
        yield


@pytest.fixture
def data(world):
    return build_results(world)


# -- through the pages ---------------------------------------------------------------------------------------------


def test_word_report_of_the_period_reads_back(client, data):
    world = data.world
    login(client, world.manager_a)
    response = client.get(reverse("reporting:dashboard_docx"))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-1437-2020-T91.docx"'
    assert response["Cache-Control"] == "no-store"
    doc = outline(response.content)
    assert doc.header_left == ["UBND TỈNH SÔNG HỒNG", "BAN CHỈ ĐẠO ĐỀ ÁN 1437 TỈNH SÔNG HỒNG"]
    assert doc.number_line == "Số:      /BC"
    assert doc.draft_mark == "DỰ THẢO"
    paragraphs = doc.paragraphs
    assert paragraphs[0] == "BÁO CÁO" and paragraphs[1] == "Kết quả thực hiện Đề án 1437 năm 2020"
    assert paragraphs[2].startswith("Thực hiện Kế hoạch số 12/KH-BCĐ về thực hiện Đề án 1437")
    assert paragraphs[2].endswith(", Ban Chỉ đạo Đề án 1437 tỉnh Sông Hồng báo cáo kết quả thực hiện Đề án 1437 "
                                  "năm 2020 như sau:")
    assert "Số liệu tính đến" in paragraphs[paragraphs.index("1. Kết quả thực hiện các chỉ tiêu") + 1]
    for heading in ("I. KẾT QUẢ THỰC HIỆN", "II. KHÓ KHĂN, VƯỚNG MẮC", "III. ĐỀ XUẤT, KIẾN NGHỊ",
                    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI"):
        assert heading in paragraphs
    results_table = doc.body_tables[0]
    assert results_table[0] == RESULTS_HEADER
    rows = {row[1]: row for row in results_table[1:]}
    assert rows[data.rate.name][2:] == ["%", "75%", "75", "100,0%", "Đạt tiến độ"]
    assert rows[data.groups.name][2:] == ["nhóm", "14 nhóm", "5", "125,0%", "Đạt tiến độ"]
    by_district = doc.body_tables[1]  # one table per indicator by lower unit, with the province's total
    assert by_district[1][1] == "Huyện Đông Hòa" and by_district[-1][1] == "Cộng: Tỉnh Sông Hồng"
    text = "\n".join(paragraphs)
    # The lower levels' narratives are in the district's and the communes' accepted reports: the province reads its
    # districts' (none accepted yet) — nothing reported — and says who is missing.
    assert "Chưa có báo cáo." in text
    assert "Cấp huyện (hạn nộp 30/11/2020): 1 đơn vị phải báo cáo" in text
    assert "Cấp huyện chưa nộp: Huyện Đông Hòa." in text
    assert doc.signature[:2] == ["TM. BAN CHỈ ĐẠO", "TRƯỞNG BAN"]
    assert SecurityEvent.objects.filter(kind="export", detail__format="docx").count() == 1


def test_district_report_gathers_the_communes_narratives(client, data):
    world = data.world
    login(client, world.approver_a1)
    response = client.get(reverse("reporting:dashboard_docx"))
    doc = outline(response.content)
    text = "\n".join(doc.paragraphs)
    assert "Kết quả thực hiện Đề án 1437 năm 2020" in text
    assert "Ủy ban nhân dân huyện Đông Hòa báo cáo kết quả thực hiện Đề án 1437 năm 2020 như sau:" in text
    assert "- Xã Hòa An: Tổ chức 2 lớp tập huấn cho cha mẹ." in text
    assert "- Xã Tân Phú: Khám sức khỏe cho 90 trẻ." in text
    assert "- Xã Hòa An: Thiếu kinh phí cho nhóm trẻ." in text
    assert "- Xã Hòa An: Đề nghị bổ sung kinh phí." in text
    assert "- Xã Hòa An: Kiện toàn thêm 2 nhóm trẻ." in text
    assert doc.header_left == ["ỦY BAN NHÂN DÂN", "HUYỆN ĐÔNG HÒA"]  # no plan of its own: the committee's header


def test_excel_holds_every_table_shown(client, data):
    world = data.world
    login(client, world.manager_a)
    response = client.get(reverse("reporting:dashboard_xlsx"), {"unit": world.district_a1.pk})
    assert response.status_code == 200
    book = CalamineWorkbook.from_filelike(io.BytesIO(response.content))
    assert book.sheet_names == ["Kết quả", "Theo đơn vị", "Xu hướng", "Tiến độ báo cáo"]
    results = book.get_sheet_by_name("Kết quả").to_python()
    header_row = next(i for i, row in enumerate(results) if row and row[0] == "Chỉ số")
    rows = {row[0]: row for row in results[header_row + 1:]}
    assert rows[data.rate.name][2] == 75 and rows[data.rate.name][3] == 150 and rows[data.rate.name][4] == 200
    by_unit = book.get_sheet_by_name("Theo đơn vị").to_python()
    names = [row[0] for row in by_unit]
    assert "Xã Hòa An" in names and "Xã Tân Phú" in names
    trend = book.get_sheet_by_name("Xu hướng").to_python()
    header = next(row for row in trend if row and row[0] == "Chỉ số")
    assert header[1:] == ["2019", "2020"]
    reports = book.get_sheet_by_name("Tiến độ báo cáo").to_python()
    assert any(row[1] == "Xã Hòa An" and row[5] == "Có" for row in reports)
    assert any("Số liệu tính đến" in str(row[0]) for row in results[:header_row])


def test_adx_and_json_carry_the_roll_ups_of_the_units_shown(client, data):
    world = data.world
    login(client, world.manager_a)
    response = client.get(reverse("reporting:dashboard_adx"), {"unit": world.district_a1.pk})
    assert response.status_code == 200 and response["Content-Type"] == exchange.ADX_CONTENT_TYPE
    root = ET.fromstring(response.content)  # noqa: S314 - our own export
    ns = {"adx": exchange.ADX_NAMESPACE}
    groups = root.findall("adx:group", ns)
    assert {(g.get("orgUnit"), g.get("period"), g.get("dataSet")) for g in groups} == {
        ("X91101", "2020-01-01/P1Y", "1437"), ("X91102", "2020-01-01/P1Y", "1437")}
    hoa_an = next(g for g in groups if g.get("orgUnit") == "X91101")
    values = {(v.get("dataElement"), v.get("gioitinh")): v.get("value") for v in hoa_an.findall("adx:dataValue", ns)}
    assert values == {("nhom_tre", None): "3", ("tre_0_8", None): "100", ("tre_tiep_can", None): "60",
                      ("tre_tiep_can", "nu"): "30"}
    back = exchange.read_adx(response.content)
    assert exchange.ExchangeValue("X91101", "2020", "tre_tiep_can", Decimal(30), "gioitinh=nu") in back

    response = client.get(reverse("reporting:dashboard_json"), {"unit": world.district_a1.pk})
    payload = json.loads(response.content)
    assert payload["dataSet"] == "1437" and payload["idScheme"] == "CODE"
    girls = [v for v in payload["dataValues"] if v.get("categoryOptionCombo") == "nu"]
    assert {(v["orgUnit"], v["value"]) for v in girls} == {("X91101", "30"), ("X91102", "40")}
    assert all(v["period"] == "2020" for v in payload["dataValues"])
    assert SecurityEvent.objects.filter(kind="export", detail__format__in=["adx", "json"]).count() == 2


def test_files_need_the_export_right_and_the_scope(client, data):
    world = data.world
    names = ("dashboard_docx", "dashboard_xlsx", "dashboard_adx", "dashboard_json")
    login(client, world.viewer_a)  # reads, may not export
    for name in names:
        assert client.get(reverse(f"reporting:{name}")).status_code == 404, name
    login(client, world.officer_b1)
    for name in names:
        assert client.get(reverse(f"reporting:{name}"), {"unit": world.province_a.pk}).status_code == 404, name
    assert not SecurityEvent.objects.filter(kind="export").exists()


# -- the plain writers ---------------------------------------------------------------------------------------------


def test_adx_periods_and_option_keys():
    assert exchange.adx_period("2020") == "2020-01-01/P1Y"
    assert exchange.adx_period("2020S2") == "2020-07-01/P6M"
    assert exchange.adx_period("2020Q3") == "2020-07-01/P3M"
    assert exchange.adx_period("202011") == "2020-11-01/P1M"
    with pytest.raises(exchange.ExchangeError):
        exchange.adx_period("2020W5")
    assert exchange.parse_option_key("sex=f;agegroup=0-3") == [("agegroup", "0-3"), ("sex", "f")]
    assert exchange.category_option_combo("sex=f;agegroup=0-3") == "0-3_f"
    assert exchange.category_option_combo("") == ""
    with pytest.raises(exchange.ExchangeError):
        exchange.parse_option_key("sex")
    assert exchange.number_text(Decimal("12.5000")) == "12.5"
    assert exchange.number_text(Decimal("1E+3")) == "1000"
    assert exchange.number_text(0) == "0"


def test_adx_round_trip_with_a_breakdown_code_starting_with_a_digit():
    values = [exchange.ExchangeValue("79", "2020Q3", "tre", Decimal("4.5"), "0nhom=a;sex=f"),
              exchange.ExchangeValue("79", "2020Q3", "tre", Decimal(10)),
              exchange.ExchangeValue("80", "2021", "tre", Decimal(2))]
    data = exchange.adx_xml(values, data_set="DS", exported=dt.datetime(2026, 1, 2, tzinfo=dt.UTC))
    assert data.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    assert b'exported="2026-01-02T00:00:00+00:00"' in data and b'_0nhom="a"' in data
    assert sorted(exchange.read_adx(data), key=str) == sorted(values, key=str)


def test_report_document_from_plain_data():
    report = PeriodReport(
        parent_body="UBND TỈNH SÔNG HỒNG", issuing_body="SỞ Y TẾ", place="Sông Hồng",
        summary="Kết quả thực hiện Đề án 1437 năm 2020", period_label="Đề án 1437 năm 2020",
        unit_label="Tỉnh Sông Hồng", lower_label="Xã, phường", year=2021,
        results=[ResultLine("Tỷ lệ trẻ em được tiếp cận dịch vụ", "%", "ít nhất 75%", "80,5", "107,3%",
                            "Đạt tiến độ")],
        notes=["(*) Ghi chú."],
        by_unit=[UnitTable("Tỷ lệ trẻ", [["Xã A", "80", "75%", "106,7%"]], ["Cộng", "80", "75%", "106,7%"])],
        activities=[Narrative("", "Tỉnh tổ chức hội nghị sơ kết."), Narrative("Xã A", "- Tập huấn\n- Khám sức khỏe")],
        signature=Signature("KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", ""),
    )
    doc = outline(report_docx(report))
    assert doc.dateline == "Sông Hồng, ngày      tháng      năm 2021"
    assert doc.body_tables[0][1] == ["1", "Tỷ lệ trẻ em được tiếp cận dịch vụ", "%", "ít nhất 75%", "80,5",
                                     "107,3%", "Đạt tiến độ"]
    assert doc.body_tables[1][0] == ["TT", "Xã, phường", "Kết quả", "Chỉ tiêu", "Tỷ lệ đạt"]
    assert doc.body_tables[1][-1] == ["", "Cộng", "80", "75%", "106,7%"]
    text = doc.paragraphs
    assert "(*) Ghi chú." in text
    assert "Tỉnh tổ chức hội nghị sơ kết." in text and "- Xã A: Tập huấn; Khám sức khỏe." in text
    assert text.count("Chưa có báo cáo.") == 3  # difficulties, proposals, next tasks
    assert "Trên đây là báo cáo kết quả thực hiện Đề án 1437 năm 2020 của Tỉnh Sông Hồng." in text
    assert doc.recipients == ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
    assert doc.signature == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"]
