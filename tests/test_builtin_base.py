"""The curated base: loads, is attributed, links its disagreements, and quotes its sources."""

from __future__ import annotations

import json

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
    theme = BASE.facts["twelfth-summit-theme-regional-peace-and-security"]
    # the theme fact places the summit in Gabala too: attributed, and disputed both ways
    assert baku.conflicts_with == ("twelfth-summit-venue-gabala", "twelfth-summit-theme-regional-peace-and-security")
    assert gabala.conflicts_with == theme.conflicts_with == ("twelfth-summit-venue-baku",)
    assert theme.claim.startswith("According to Omuraliyev")
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


#: Every id the base has retired (merged or renamed facts), and the fact it resolves to:
#: ids are a public contract (issue 14), so none may stop resolving.
RETIRED = {
    "kaliyev-expects-global-regional-security-main-agenda-issue": "kaliyev-expects-summit-focus-regional-security",
    "kaliyev-expects-middle-corridor-investment-mechanisms-second-key-topic":
        "kaliyev-expects-summit-focus-middle-corridor-investment-instruments",
    "kaliyev-titr-tools-include-funding-sources": "kaliyev-expects-summit-focus-middle-corridor-investment-instruments",
    "kaliyev-titr-tools-include-technologies": "kaliyev-expects-summit-focus-middle-corridor-investment-instruments",
    "kaliyev-expects-leaders-discuss-titr-development-tools":
        "kaliyev-expects-summit-focus-middle-corridor-investment-instruments",
    "kaliyev-expects-kazakhstan-azerbaijan-ai-projects": "kaliyev-expects-kazakhstan-azerbaijan-ai-digitalization-projects",
    "kaliyev-expects-kazakhstan-azerbaijan-digitalization-projects":
        "kaliyev-expects-kazakhstan-azerbaijan-ai-digitalization-projects",
    "chairmanship-expectations-reflect-azerbaijan-location-leadership-economy": "high-expectations-from-azerbaijan-chairmanship",
    "liberation-of-azerbaijani-territories-groundwork-for-peace": "liberation-and-washington-agreements-groundwork-for-peace",
    "washington-agreements-groundwork-for-peace": "liberation-and-washington-agreements-groundwork-for-peace",
    "baku-turkology-congress-1926-introduced-latin-alphabet-idea": "turkology-congress-adopted-common-latin-alphabet",
    "middle-corridor-capacity-15-million-tons": "member-states-expanding-capacity-to-15-million-tons-annually",
}


def test_every_retired_id_resolves_to_the_fact_it_became() -> None:
    assert dict(BASE.retired) == RETIRED
    for old, new in RETIRED.items():
        assert BASE.resolve(old) == new
        result = invoke("show", old, "--json")
        [record] = json.loads(result.out)
        assert (result.code, record["id"], record["retired_id"], record["replaced_by"]) == (0, new, old, new)
        assert result.err == f"otsfacts: notice: fact id {old!r} is retired; showing {new!r}, which replaces it\n"


def test_no_speaker_is_someone_who_only_acted() -> None:
    """The speaker is whose words the quote is: besides the two interviewees, only Aliyev, quoted
    in his own words at his inauguration; everyone who proposed, decided... is an actor."""
    relayed = {f.id: f.speaker.name for f in BASE.facts.values() if f.speaker != f.source.speaker}
    assert relayed == {"aliyev-ots-main-international-organization-for-azerbaijan": "Ilham Aliyev",
                       "aliyev-turkic-world-is-our-family": "Ilham Aliyev"}
    actors = {f.actor.name for f in BASE.facts.values() if f.actor}
    assert {"Uzbekistan", "Kyrgyzstan", "The Leaders", "Erdogan", "Ilham Aliyev"} <= actors
    proposals = [f.id for f in BASE.facts.values() if f.kind == "proposal" and f.actor is None]
    assert proposals == []
