"""Search-quality benchmark: otsfacts search against an SQLite FTS5 baseline.

Run from the repository root::

    python benchmarks/quality.py          # readable tables and the misses to fix
    python benchmarks/quality.py --json   # the same results as JSON

The queries live in ``benchmarks/queries.toml`` (see the comment at its top). For every
query both engines return up to ``LIMIT`` fact ids, best first:

* ``otsfacts``: ``SearchIndex.search(text, limit=10)`` with the default minimum score; an
  empty list (or a :class:`~otsfacts.errors.QueryError`) means the query was rejected.
* ``fts5``: what a user could otherwise reach for, an in-memory SQLite FTS5 table with one
  row per fact (claim, quote, aliases, topic titles and aliases, speaker name and role,
  source outlet), the ``unicode61 remove_diacritics 2`` tokenizer and ``bm25()`` ranking.
  The query is the query's word tokens, lowercased and double-quoted, joined with OR; a
  query that errors or returns no rows counts as "no result".

Metrics, per kind and overall over the answerable queries (kind != "none"):

* recall@1, recall@3: share of queries with ANY expected id within the top 1 / top 3;
* MRR: mean reciprocal rank of the first expected id within the top ``LIMIT`` (0 if absent);

and for the ``none`` queries the rejection rate: the share that returned no result at all.
Everything is deterministic; nothing is timed.
"""

from __future__ import annotations

import argparse
import json
import re
import sqlite3
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Sequence

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10, as the package does
    import tomli as tomllib

# Make ``import otsfacts`` work from a plain checkout, without installing the package.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from otsfacts.errors import QueryError  # noqa: E402
from otsfacts.model import Fact, FactBase  # noqa: E402
from otsfacts.search import SearchIndex  # noqa: E402
from otsfacts.store import load_base  # noqa: E402

QUERIES_PATH = Path(__file__).resolve().parent / "queries.toml"

#: How many results each engine returns per query (MRR looks this deep).
LIMIT = 10

#: Query kinds in the order they are reported; "none" queries are unanswerable.
KINDS = ("keyword", "question", "typo", "alias", "language", "none")
ANSWERABLE = tuple(k for k in KINDS if k != "none")

ENGINES = ("otsfacts", "fts5")

#: One query token for the FTS5 baseline: a run of letters and digits.
_TOKEN = re.compile(r"[^\W_]+")


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Query:
    """One benchmark query and the fact ids that correctly answer it."""

    text: str
    kind: str
    expect: tuple[str, ...]


class BenchmarkError(Exception):
    """``queries.toml`` is malformed or names facts the base does not have."""


def load_queries(path: Path, base: FactBase) -> list[Query]:
    """Read ``path`` and check every entry against ``base``; raise on any problem.

    All problems are collected and reported together, so a stale benchmark fails loudly
    with the full list of unknown ids instead of silently scoring them as misses.
    """
    with path.open("rb") as handle:
        raw = tomllib.load(handle)

    problems: list[str] = []
    queries: list[Query] = []
    seen: set[str] = set()
    for number, entry in enumerate(raw.get("query", []), start=1):
        where = f"query #{number} ({entry.get('text')!r})"
        text, kind, expect = entry.get("text"), entry.get("kind"), entry.get("expect")
        if not isinstance(text, str) or not text.strip():
            problems.append(f"{where}: 'text' must be a non-empty string")
            continue
        if kind not in KINDS:
            problems.append(f"{where}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
            continue
        if not isinstance(expect, list) or not all(isinstance(i, str) for i in expect):
            problems.append(f"{where}: 'expect' must be a list of fact ids")
            continue
        if kind == "none" and expect:
            problems.append(f"{where}: a 'none' query must have an empty 'expect' list")
        if kind != "none" and not expect:
            problems.append(f"{where}: an answerable query needs at least one expected id")
        for fact_id in expect:
            if fact_id not in base.facts:
                problems.append(f"{where}: unknown fact id {fact_id!r}")
        if text in seen:
            problems.append(f"{where}: duplicate query text")
        seen.add(text)
        queries.append(Query(text=text, kind=kind, expect=tuple(dict.fromkeys(expect))))

    if not queries and not problems:
        problems.append("no [[query]] entries")
    if problems:
        raise BenchmarkError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    return queries


@lru_cache(maxsize=1)
def _base() -> FactBase:
    # Only the built-in base: OTSFACTS_PATH must not change the benchmark's results.
    return load_base(use_env=False)


@lru_cache(maxsize=1)
def _queries() -> tuple[Query, ...]:
    return tuple(load_queries(QUERIES_PATH, _base()))


# --------------------------------------------------------------------------- engines

#: An engine maps a query text to at most LIMIT fact ids, best first ([] = no result).
Engine = Callable[[str], list[str]]


def otsfacts_engine(base: FactBase) -> Engine:
    """The library's own search, as the CLI runs it (default minimum score)."""
    index = SearchIndex.from_base(base)

    def run(text: str) -> list[str]:
        try:
            hits = index.search(text, limit=LIMIT)
        except QueryError:  # empty or punctuation-only: the tool rejects it
            return []
        return [hit.fact.id for hit in hits]

    return run


def _fts_document(fact: Fact) -> tuple[str, str, str, str, str, str, str]:
    """One FTS5 row: id plus the searchable columns, in table order."""
    topics = " ; ".join(
        " ; ".join((topic.title, *topic.aliases)) for topic in fact.topics
    )
    speaker = f"{fact.speaker.name} ; {fact.speaker.role}"
    return (
        fact.id,
        fact.claim,
        fact.quote,
        " ; ".join(fact.aliases),
        topics,
        speaker,
        fact.source.outlet,
    )


def fts_match_expression(text: str) -> str:
    """The FTS5 MATCH string for ``text``: quoted word tokens joined with OR ("" if none).

    Tokens are split before lowercasing, so "İstanbul" stays one token (its lowercase
    form carries a combining dot, which the tokenizer's diacritic folding then drops).
    """
    tokens = [token.lower() for token in _TOKEN.findall(text)]
    unique = dict.fromkeys(tokens)  # keep order, drop repeats
    return " OR ".join('"' + token.replace('"', '""') + '"' for token in unique)


def fts5_engine(base: FactBase) -> Engine:
    """The baseline: bm25-ranked SQLite FTS5 over the same facts, in memory."""
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE facts USING fts5("
        "id UNINDEXED, claim, quote, aliases, topics, speaker, outlet, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.executemany(
        "INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?)",
        [_fts_document(fact) for fact in base.facts.values()],
    )

    def run(text: str) -> list[str]:
        expression = fts_match_expression(text)
        if not expression:
            return []
        try:
            rows = db.execute(
                # bm25() is lower for better matches; rowid breaks ties deterministically.
                "SELECT id FROM facts WHERE facts MATCH ? ORDER BY bm25(facts), rowid LIMIT ?",
                (expression, LIMIT),
            ).fetchall()
        except sqlite3.Error:
            return []
        return [row[0] for row in rows]

    return run


_ENGINE_FACTORIES: dict[str, Callable[[FactBase], Engine]] = {
    "otsfacts": otsfacts_engine,
    "fts5": fts5_engine,
}


# --------------------------------------------------------------------------- metrics


def first_rank(returned: Sequence[str], expected: Sequence[str]) -> int | None:
    """1-based rank of the first expected id in ``returned``, or None if none is there."""
    wanted = set(expected)
    for rank, fact_id in enumerate(returned, start=1):
        if fact_id in wanted:
            return rank
    return None


def _summary(ranks: Sequence[int | None]) -> dict[str, float | int]:
    """recall@1, recall@3 and MRR over answerable queries, given each one's first rank."""
    n = len(ranks)
    if n == 0:
        return {"n": 0, "recall@1": 0.0, "recall@3": 0.0, "mrr": 0.0}
    return {
        "n": n,
        "recall@1": sum(1 for r in ranks if r is not None and r <= 1) / n,
        "recall@3": sum(1 for r in ranks if r is not None and r <= 3) / n,
        "mrr": sum(1 / r for r in ranks if r is not None) / n,
    }


def evaluate(engine: str = "otsfacts") -> dict[str, Any]:
    """Run every benchmark query through ``engine`` ("otsfacts" or "fts5") and score it.

    Returns ``{"engine", "overall", "by_kind", "rejection_rate", "misses",
    "false_accepts"}``: ``overall`` and each answerable ``by_kind`` entry hold ``n``,
    ``recall@1``, ``recall@3`` and ``mrr``; ``by_kind["none"]`` holds ``n`` and
    ``rejection_rate``. ``misses`` lists the answerable queries with no expected id in
    the top 3, ``false_accepts`` the ``none`` queries that returned something.
    """
    if engine not in _ENGINE_FACTORIES:
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    base = _base()
    queries = _queries()
    run = _ENGINE_FACTORIES[engine](base)

    ranks_by_kind: dict[str, list[int | None]] = {kind: [] for kind in ANSWERABLE}
    rejected = 0
    none_total = 0
    misses: list[dict[str, Any]] = []
    false_accepts: list[dict[str, Any]] = []

    for query in queries:
        returned = run(query.text)
        if query.kind == "none":
            none_total += 1
            if returned:
                false_accepts.append({"text": query.text, "returned": returned[:3]})
            else:
                rejected += 1
            continue
        rank = first_rank(returned, query.expect)
        ranks_by_kind[query.kind].append(rank)
        if rank is None or rank > 3:
            misses.append({
                "text": query.text,
                "kind": query.kind,
                "expected": list(query.expect),
                "first": returned[0] if returned else None,
                "rank": rank,  # rank of the first expected id within the top LIMIT, or None
            })

    by_kind: dict[str, dict[str, float | int]] = {
        kind: _summary(ranks) for kind, ranks in ranks_by_kind.items()
    }
    rejection_rate = rejected / none_total if none_total else 0.0
    by_kind["none"] = {"n": none_total, "rejection_rate": rejection_rate}
    overall = _summary([rank for kind in ANSWERABLE for rank in ranks_by_kind[kind]])
    return {
        "engine": engine,
        "overall": overall,
        "by_kind": by_kind,
        "rejection_rate": rejection_rate,
        "misses": misses,
        "false_accepts": false_accepts,
    }


# --------------------------------------------------------------------------- report


def _pct(value: float) -> str:
    return f"{100 * value:5.1f}%"


def format_table(results: dict[str, dict[str, Any]]) -> str:
    """Kinds as rows, each engine's recall@1 / recall@3 / MRR (or rejection) side by side."""
    engines = list(results)
    metric_header = f"{'R@1':>6} {'R@3':>6} {'MRR':>5}"
    width = len(metric_header)
    lines = [
        f"{'':<10} {'n':>3}  " + "   ".join(f"{name:^{width}}" for name in engines),
        f"{'kind':<10} {'':>3}  " + "   ".join(metric_header for _ in engines),
    ]
    lines.append("-" * len(lines[1]))

    def row(label: str, cells: list[dict[str, Any]]) -> str:
        parts = []
        for cell in cells:
            if "rejection_rate" in cell:
                text = f"rejected {_pct(cell['rejection_rate']).strip()}"
                parts.append(f"{text:>{width}}")
            else:
                parts.append(f"{_pct(cell['recall@1'])} {_pct(cell['recall@3'])} {cell['mrr']:5.2f}")
        return f"{label:<10} {cells[0]['n']:>3}  " + "   ".join(parts)

    for kind in ANSWERABLE:
        lines.append(row(kind, [results[e]["by_kind"][kind] for e in engines]))
    lines.append("-" * len(lines[1]))
    lines.append(row("overall", [results[e]["overall"] for e in engines]))
    lines.append(row("none", [results[e]["by_kind"]["none"] for e in engines]))
    return "\n".join(lines)


def format_problems(result: dict[str, Any]) -> str:
    """The answerable queries missed at top 3 and the none-queries not rejected."""
    lines = [f"{result['engine']} misses at top 3 ({len(result['misses'])}):"]
    for miss in result["misses"]:
        where = f"first expected at rank {miss['rank']}" if miss["rank"] else "no expected id in top 10"
        expected = ", ".join(miss["expected"][:3]) + (
            f" (+{len(miss['expected']) - 3} more)" if len(miss["expected"]) > 3 else ""
        )
        lines.append(f"  [{miss['kind']}] {miss['text']!r}: {where}")
        lines.append(f"      expected: {expected}")
        lines.append(f"      returned first: {miss['first'] or '(nothing)'}")
    lines.append("")
    lines.append(f"{result['engine']} none-queries not rejected ({len(result['false_accepts'])}):")
    for accept in result["false_accepts"]:
        lines.append(f"  {accept['text']!r} -> {', '.join(accept['returned'])}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Search-quality benchmark: otsfacts search against an SQLite FTS5 baseline."
    )
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args(argv)

    try:
        results = {engine: evaluate(engine) for engine in ENGINES}
    except BenchmarkError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2

    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0

    counts = {kind: results["otsfacts"]["by_kind"][kind]["n"] for kind in KINDS}
    total = sum(counts.values())
    print(f"otsfacts search quality: {total} queries ("
          + ", ".join(f"{counts[k]} {k}" for k in KINDS) + f"), top {LIMIT}")
    print()
    print(format_table(results))
    print()
    print(format_problems(results["otsfacts"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
