"""Aggregate data for a ministry's DHIS2: ADX XML (IHE QRPH ADX, namespace urn:ihe:qrph:adx:2015) and DHIS2
dataValueSets JSON, both from plain rows (`ExchangeValue`), both identified by codes, not DHIS2 uids:

- org unit: the unit's statistics-office code (`AdministrativeUnit.code`);
- period: the DHIS2 period id ("2020", "2020S1", "2020Q3", "202011"); in ADX the ISO 8601 start/duration DHIS2
  reads for it ("2020-01-01/P1Y", "2020-07-01/P6M", "2020-07-01/P3M", "2020-11-01/P1M");
- data element: `DataElement.code`;
- breakdown: the canonical option key "age_band=0_3;sex=f" — in ADX one attribute per breakdown
  (`age_band="0_3" sex="f"`, the disaggregation ADX defines by category code and option code); in JSON a
  category option combo code made of the option codes in breakdown order ("0_3_f"), none for a total (DHIS2's
  default combination).

Import into DHIS2 with `idScheme=CODE` (the JSON says so itself: `idScheme`, `dataElementIdScheme`,
`orgUnitIdScheme`, `categoryOptionComboIdScheme`). The writers take plain data and touch no model:
`rows_for(...)` in `results`-side code gathers them from the roll-ups.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from xml.etree import ElementTree as ET

ADX_NAMESPACE = "urn:ihe:qrph:adx:2015"
ADX_CONTENT_TYPE = "application/adx+xml"
JSON_CONTENT_TYPE = "application/json"

YEARLY = re.compile(r"^(\d{4})$")
SIX_MONTHLY = re.compile(r"^(\d{4})S([12])$")
QUARTERLY = re.compile(r"^(\d{4})Q([1-4])$")
MONTHLY = re.compile(r"^(\d{4})(0[1-9]|1[0-2])$")
# An XML name may not start with a digit, "-" or "."; breakdown codes are slugs and might.
NAME_START = re.compile(r"^[A-Za-z_]")


class ExchangeError(ValueError):
    pass


@dataclass(frozen=True)
class ExchangeValue:
    """One aggregate value: unit code, DHIS2 period id, data element code, option key ("" = total), value."""

    org_unit: str
    period: str
    data_element: str
    value: Decimal | int | float
    option_key: str = ""


def parse_option_key(option_key: str) -> list[tuple[str, str]]:
    """"sex=f;age_band=0_3" → [("age_band", "0_3"), ("sex", "f")] (sorted by breakdown code); "" → []."""
    pairs = []
    for part in (option_key or "").split(";"):
        part = part.strip()
        if not part:
            continue
        breakdown, sep, option = part.partition("=")
        if not sep or not breakdown.strip() or not option.strip():
            raise ExchangeError(f"option key {option_key!r}: expected breakdown=option pairs")
        pairs.append((breakdown.strip(), option.strip()))
    return sorted(pairs)


def category_option_combo(option_key: str) -> str:
    """The category option combo code of an option key: "age_band=0_3;sex=f" → "0_3_f"; "" for a total."""
    return "_".join(option for _breakdown, option in parse_option_key(option_key))


def adx_period(period_id: str) -> str:
    """The ADX period (ISO 8601 start/duration) of a DHIS2 period id."""
    period_id = period_id.strip()
    if match := YEARLY.match(period_id):
        return f"{match[1]}-01-01/P1Y"
    if match := SIX_MONTHLY.match(period_id):
        return f"{match[1]}-{'01' if match[2] == '1' else '07'}-01/P6M"
    if match := QUARTERLY.match(period_id):
        return f"{match[1]}-{(int(match[2]) - 1) * 3 + 1:02d}-01/P3M"
    if match := MONTHLY.match(period_id):
        return f"{match[1]}-{match[2]}-01/P1M"
    raise ExchangeError(f"period id {period_id!r}: not a DHIS2 yearly, six-monthly, quarterly or monthly id")


def period_span(period_id: str) -> tuple[dt.date, dt.date]:
    """The calendar span of a DHIS2 period id (first and last day)."""
    start_text, duration = adx_period(period_id).split("/")
    start = dt.date.fromisoformat(start_text)
    months = {"P1Y": 12, "P6M": 6, "P3M": 3, "P1M": 1}[duration]
    year, month = divmod(start.month - 1 + months, 12)
    return start, dt.date(start.year + year, month + 1, 1) - dt.timedelta(days=1)


def number_text(value: Decimal | int | float) -> str:
    """A value as DHIS2 reads it: plain digits, a point for decimals, no exponent, no trailing zeros."""
    number = value if isinstance(value, Decimal) else Decimal(str(value))
    if not number.is_finite():
        raise ExchangeError(f"value {value!r} is not a finite number")
    text = format(number.normalize(), "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _attribute_name(code: str) -> str:
    return code if NAME_START.match(code) else f"_{code}"


def _code_of(attribute: str) -> str:
    """The breakdown code back from its attribute name (`_attribute_name` reversed)."""
    return attribute[1:] if attribute.startswith("_") and not NAME_START.match(attribute[1:2] or "x") else attribute


def _sorted(values: Iterable[ExchangeValue]) -> list[ExchangeValue]:
    return sorted(values, key=lambda v: (v.org_unit, v.period, v.data_element, v.option_key))


def adx_xml(values: Iterable[ExchangeValue], *, data_set: str, exported: dt.datetime | None = None) -> bytes:
    """ADX: one <group> per (org unit, period), a <dataValue> per value with its breakdown as attributes."""
    exported = exported or dt.datetime.now(dt.UTC)
    ET.register_namespace("", ADX_NAMESPACE)
    root = ET.Element(f"{{{ADX_NAMESPACE}}}adx", {"exported": exported.isoformat(timespec="seconds")})
    group = None
    current: tuple[str, str] | None = None
    for value in _sorted(values):
        key = (value.org_unit, value.period)
        if key != current:
            group = ET.SubElement(root, f"{{{ADX_NAMESPACE}}}group", {
                "orgUnit": value.org_unit, "period": adx_period(value.period), "dataSet": data_set})
            current = key
        attributes = {"dataElement": value.data_element}
        for breakdown, option in parse_option_key(value.option_key):
            attributes[_attribute_name(breakdown)] = option
        attributes["value"] = number_text(value.value)
        ET.SubElement(group, f"{{{ADX_NAMESPACE}}}dataValue", attributes)  # type: ignore[arg-type]
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def data_value_sets(values: Iterable[ExchangeValue], *, data_set: str, complete_date: dt.date | None = None,
                    ) -> dict:
    """The DHIS2 dataValueSets payload (POST /api/dataValueSets with idScheme=CODE)."""
    payload: dict = {
        "dataSet": data_set,
        "idScheme": "CODE",
        "dataElementIdScheme": "CODE",
        "orgUnitIdScheme": "CODE",
        "categoryOptionComboIdScheme": "CODE",
    }
    if complete_date is not None:
        payload["completeDate"] = complete_date.isoformat()
    rows = []
    for value in _sorted(values):
        row = {"dataElement": value.data_element, "period": value.period, "orgUnit": value.org_unit}
        combo = category_option_combo(value.option_key)
        if combo:
            row["categoryOptionCombo"] = combo
        row["value"] = number_text(value.value)
        rows.append(row)
    payload["dataValues"] = rows
    return payload


def data_value_sets_json(values: Iterable[ExchangeValue], *, data_set: str, complete_date: dt.date | None = None,
                         ) -> bytes:
    payload = data_value_sets(values, data_set=data_set, complete_date=complete_date)
    return json.dumps(payload, ensure_ascii=False, indent=1).encode()


def read_adx(data: bytes) -> list[ExchangeValue]:
    """The values of an ADX file (tests read exports back with it; also a start for an ADX import)."""
    root = ET.fromstring(data)  # noqa: S314 - our own export, or a file the caller chose to parse
    periods = {adx_period(p): p for p in _candidate_period_ids(root)}
    values = []
    for group in root.iter(f"{{{ADX_NAMESPACE}}}group"):
        period = periods.get(group.attrib["period"], group.attrib["period"])
        for element in group.iter(f"{{{ADX_NAMESPACE}}}dataValue"):
            attributes = dict(element.attrib)
            data_element = attributes.pop("dataElement")
            number = Decimal(attributes.pop("value"))
            pairs = sorted((_code_of(name), option) for name, option in attributes.items())
            key = ";".join(f"{breakdown}={option}" for breakdown, option in pairs)
            values.append(ExchangeValue(group.attrib["orgUnit"], period, data_element, number, key))
    return values


def _candidate_period_ids(root: ET.Element) -> set[str]:
    """DHIS2 ids of the ADX periods in a file: "2020-07-01/P3M" → "2020Q3"."""
    ids = set()
    for group in root.iter(f"{{{ADX_NAMESPACE}}}group"):
        start, _sep, duration = group.attrib.get("period", "").partition("/")
        try:
            day = dt.date.fromisoformat(start)
        except ValueError:
            continue
        if duration == "P1Y":
            ids.add(str(day.year))
        elif duration == "P6M":
            ids.add(f"{day.year}S{1 if day.month <= 6 else 2}")
        elif duration == "P3M":
            ids.add(f"{day.year}Q{(day.month - 1) // 3 + 1}")
        elif duration == "P1M":
            ids.add(f"{day.year}{day.month:02d}")
    return ids
