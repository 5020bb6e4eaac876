"""Disagreements in the base: pairs of facts whose claims cannot both hold."""

from __future__ import annotations

from typing import Any

from otsfacts.model import Fact, FactBase


def conflict_pairs(base: FactBase) -> list[tuple[Fact, Fact]]:
    """Every pair of facts that disagree, once, in base order.

    A pair counts if either fact names the other in ``conflicts_with`` (``otsfacts check``
    warns when the link is one-way); the fact that comes first in the base is first.
    """
    order = {fact_id: n for n, fact_id in enumerate(base.facts)}
    pairs: set[tuple[str, str]] = set()
    for fact in base.facts.values():
        for other_id in fact.conflicts_with:
            if other_id in base.facts:
                pair = sorted((fact.id, other_id), key=order.__getitem__)
                pairs.add((pair[0], pair[1]))
    return [(base.facts[a], base.facts[b]) for a, b in sorted(pairs, key=lambda p: (order[p[0]], order[p[1]]))]


def conflict_record(fact: Fact, other: Fact) -> dict[str, Any]:
    """The JSON shape of a disagreement: both facts in full, as ``fact`` and ``other``."""
    from otsfacts.render import fact_record

    return {"fact": fact_record(fact), "other": fact_record(other)}
