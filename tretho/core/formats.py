"""Dates and numbers the way Vietnamese officials write them: 05/02/2020, 1.234.567,5, 160.000 đồng."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal


def is_year_field(name: str) -> bool:
    """Years are numbers that must never take a thousands separator: 2017, not 2.017."""
    return name == "year" or name.endswith("_year")


def format_number(value: int | float | Decimal | None, decimals: int = 0) -> str:
    if value is None:
        return ""
    text = f"{value:,.{decimals}f}"
    # Python writes 1,234.5; Vietnamese writes 1.234,5.
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


def format_money(value: int | float | Decimal | None) -> str:
    return f"{format_number(value)} đồng" if value is not None else ""


def format_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


def format_place_date(place: str, value: dt.date) -> str:
    """The dateline of an official document (Nghị định 30/2020): day < 10 and months 1–2 take a leading zero."""
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"{place}, ngày {value.day:02d} tháng {month} năm {value.year}"
