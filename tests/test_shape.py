"""The shapes derived from the model's field metadata: file keys, JSON records, --fields
names and the keys ``otsfacts new`` offers."""

from __future__ import annotations

import re

from otsfacts.model import Actor, Fact, Source, Speaker, Topic
from otsfacts.shape import json_leaves, json_maps, json_record, new_lines, optional_keys, required_keys
from otsfacts.store import load_base
from conftest import FIXTURE_BASE


def test_file_keys_are_the_models_fields_that_files_write() -> None:
    assert required_keys(Fact) == ("id", "claim", "quote", "source", "topics", "kind")
    assert optional_keys(Fact) == ("speaker", "value", "unit", "qualifier", "as_of", "date", "place", "aliases",
                                   "conflicts_with", "actor", "note", "replaces")
    assert required_keys(Source) == ("id", "outlet", "published", "language", "speaker", "archive")
    assert "path" not in optional_keys(Source) and "path" not in optional_keys(Topic)
    assert (required_keys(Speaker), optional_keys(Speaker)) == (("name", "role"), ("reported_by",))
    assert (required_keys(Actor), optional_keys(Actor)) == (("name", "role", "act"), ())


def test_json_record_orders_and_converts_by_the_metadata() -> None:
    source = Source("s", "Trend", "2025-10-27", "en", Speaker("A", "B", "C"), "s.txt", titles={"az": "Başlıq"},
                    aliases=("tr",), url="https://example.org/a")
    topic = Topic("t", "T", "D", aliases=("tee",))
    fact = Fact("f", "A claim.", "A quote.", source, (topic,), "figure", source.speaker, value=5, unit="km",
                actor=Actor("X", "Y", "proposed"), aliases=("a",))
    record = json_record(fact)
    assert list(record) == ["id", "claim", "quote", "kind", "topics", "value", "unit", "qualifier", "as_of",
                            "date", "place", "speaker", "actor", "source", "aliases", "conflicts_with", "note",
                            "replaces"]
    assert record["topics"] == ["t"] and record["aliases"] == ["a"] and record["replaces"] == []
    assert record["speaker"] == {"name": "A", "role": "B", "reported_by": "C"}
    assert record["actor"] == {"name": "X", "role": "Y", "act": "proposed"}
    assert record["source"] == {"id": "s", "outlet": "Trend", "title": None, "published": "2025-10-27",
                                "url": "https://example.org/a"}
    shown = json_record(source)
    assert shown["speaker"] == {"name": "A", "role": "B"}  # a source shows its speaker without reported_by
    assert shown["titles"] == {"az": "Başlıq"} and type(shown["titles"]) is dict
    assert "aliases" not in shown and "path" not in shown
    assert json_record(topic) == {"id": "t", "title": "T", "description": "D", "aliases": ["tee"]}


def test_json_leaves_name_every_leaf_of_the_records_render_makes() -> None:
    from otsfacts import render

    base = load_base([FIXTURE_BASE], builtin=False, use_env=False)
    fact = next(iter(base.facts.values()))
    assert json_leaves(Fact)[:5] == ("id", "claim", "quote", "kind", "topics")
    assert "speaker.reported_by" in json_leaves(Fact) and "source.url" in json_leaves(Fact)
    assert set(render.fact_record(fact)) == {leaf.split(".")[0] for leaf in json_leaves(Fact)}
    assert json_maps(Source) == frozenset({"titles"})


def test_new_offers_only_optional_keys_of_the_model() -> None:
    for record in (Fact, Source, Topic):
        offered = [re.match(r"(?:# )?(\w+) =", code) for code, _ in new_lines(record, speaker="S", acts="A",
                                                                                  qualifiers="Q")]
        assert all(offered)
        assert {m.group(1) for m in offered if m} <= set(optional_keys(record))
    hints = dict(new_lines(Fact, speaker="Ada", acts="proposed", qualifiers="over"))
    assert hints['# speaker = { name = "...", role = "...", reported_by = "..." }'].endswith("if not Ada")
