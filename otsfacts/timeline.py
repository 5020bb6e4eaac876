"""``otsfacts timeline``: the dated facts in date order, what is past apart from what is ahead.

A fact is on the timeline when it has a ``date`` (an event held, a plan or forecast for a
year, month or day). It is past when the whole of its date is before today, else ahead:
a plan "for 2026" stays ahead until 2026 is over, since the base cannot say it happened.
"""

from __future__ import annotations

import datetime as _dt
from typing import Iterable

from otsfacts.filters import date_bounds
from otsfacts.model import Fact
from otsfacts.record import record

PAST = "past"
AHEAD = "ahead"


@record
class Entry:
    """One fact on the timeline: its date's first and last day, and whether it is past."""

    fact: Fact
    first: str
    last: str
    status: str


def today() -> str:
    return _dt.date.today().isoformat()


def as_of(day: str | None) -> str:
    """``--today``: the day given (checked to be YYYY-MM-DD), else today."""
    from otsfacts.errors import OtsfactsError
    from otsfacts.filters import parse_date

    if day is not None and len(parse_date("--today", day)) != 10:
        raise OtsfactsError(f"--today takes a day, YYYY-MM-DD, not {day!r}")
    return day or today()


def timeline(facts: Iterable[Fact], on: str) -> list[Entry]:
    """The facts with a date, each past or ahead as of the ISO date ``on``, in the order
    their dates end (ties in base order): a year after its months and days, so that what
    is past comes before what is not."""
    entries = []
    for fact in facts:
        bounds = date_bounds(fact.date) if fact.date else None
        if bounds is not None:
            first, last = bounds
            entries.append(Entry(fact, first, last, PAST if last < on else AHEAD))
    return sorted(entries, key=lambda e: (e.last, e.first))
