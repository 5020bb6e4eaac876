"""The curated base: loads, is attributed, links its disagreements, and quotes its sources."""

from __future__ import annotations

import pytest

from otsfacts.store import load_base
from otsfacts.verify import verify_quotes
from conftest import SHARED_SOURCES, invoke

BASE = load_base(use_env=False)


def test_base_is_seeded_from_both_sources() -> None:
    counts = BASE.source_counts()
    assert set(counts) == {"report-2025-10-06", "trend-2025-10-27"}
    assert all(n >= 10 for n in counts.values())
    assert len(BASE.facts) >= 25


def test_every_topic_is_used() -> None:
    assert all(count > 0 for count in BASE.topic_counts().values())


def test_conflicts_link_both_ways() -> None:
    for fact in BASE.facts.values():
        for other in fact.conflicts_with:
            assert fact.id in BASE.facts[other].conflicts_with, (fact.id, other)


def test_the_summit_venue_disagreement_is_recorded_with_its_attribution() -> None:
    baku, gabala = BASE.facts["twelfth-summit-venue-baku"], BASE.facts["twelfth-summit-venue-gabala"]
    assert baku.conflicts_with == ("twelfth-summit-venue-gabala",)
    assert gabala.conflicts_with == ("twelfth-summit-venue-baku",)
    assert (baku.source.outlet, baku.speaker.name) == ("Report", "Talgat Kaliyev")
    assert (gabala.source.outlet, gabala.speaker.name) == ("Trend", "Kubanychbek Omuraliyev")
    shown = invoke("show", "twelfth-summit-venue-baku", width=200).out
    assert "Disputed by  ⚠ twelfth-summit-venue-gabala:" in shown


def test_figures_have_structured_values() -> None:
    missing = [f.id for f in BASE.facts.values() if f.kind == "figure" and (f.value is None or not f.unit)]
    assert missing == []


def test_sources_invent_no_urls() -> None:
    import json

    text = invoke("sources", "--json").out + invoke("list", "--json").out
    assert "http" not in text.lower()
    assert json.loads(invoke("sources", "--json").out)[1]["title"] is None


@pytest.mark.skipif(not SHARED_SOURCES.is_dir(), reason="the archive ../shared/sources is not beside the repo")
def test_every_quote_is_verbatim_in_the_archive() -> None:
    assert verify_quotes(BASE, SHARED_SOURCES) == []
