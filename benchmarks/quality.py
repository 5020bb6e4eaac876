"""Search-quality benchmark: otsfacts against SQLite FTS5 BM25 and a meaning-only baseline.

Run from the repository root::

    python benchmarks/quality.py                 # the held-out sets first, then the development sets
    python benchmarks/quality.py --set dev       # one set only (heldout, heldout-2 ... heldout-106, dev, dev-2 ... dev-12)
    python benchmarks/quality.py --json          # the same results as JSON
    python benchmarks/quality.py --misses        # list the held-out sets' misses too (not by default)

The query sets, reported apart:

* ``benchmarks/heldout.toml``, ``heldout-2.toml`` to ``heldout-106.toml``, the **held-out** sets:
  each written from the two archived texts alone (``../shared/sources``) by someone who
  had not seen the fact base, its aliases, the glossary, the ranker or the development
  set, and committed before the ranker work it judges. Nobody tunes on them: their
  figures are the ones the README reports first. A held-out file is never edited once
  committed; a set that has been looked at while the ranker was still changing is
  retired for a new one, not repaired. Each case names the answer by regular expressions
  over the archived text; a fact answers a case when its quote covers a passage the
  expression matches (a case whose passage no quote covers, such as the article's own
  header, is listed and not scored). Needs the archive (``--archive``, default
  ``../shared/sources``).
* ``benchmarks/queries.toml`` and ``benchmarks/dev-2.toml`` to ``dev-12.toml`` (some of
  one or two kinds only: other languages, paraphrases, questions, and unanswerable ones),
  the **development** sets, tuned on: the first written from the
  facts by the people who tune the ranker (each query lists the fact ids that answer it),
  the others written from the archived texts like the held-out sets (answers as passages). Their figures measure fit, not quality.

Engines, each returning up to ``LIMIT`` fact ids, best first, in the same run:

* ``otsfacts``: ``SearchIndex.search(text, limit=10)`` as the CLI runs it (default
  minimum score; meaning too when the encoder is installed); an empty list (or a
  :class:`~otsfacts.errors.QueryError`) means the query was rejected.
* ``fts5``: an in-memory SQLite FTS5 table, one row per fact (claim, quote, aliases,
  topic titles and aliases, speaker name and role, source outlet), the ``unicode61
  remove_diacritics 2`` tokenizer, ``bm25()`` ranking; the query's word tokens,
  lowercased and double-quoted, joined with OR.
* otsfacts's **shown** figure (not an engine of its own): what a reader of its table sees,
  the answers or, when nothing answers, the facts offered as "Related, not an answer".
  A script reading JSON gets the answers only, so recall counts those; this says how
  often the table at least points to the right fact.
* ``meaning``: the sentence encoder alone: every fact ranked by the cosine similarity of
  its vector to the query's. It never rejects a query.

Metrics per kind and overall over answerable cases: recall@1 and recall@3 (ANY correct
fact in the top 1 / 3) and MRR over the top ``LIMIT``; for unanswerable cases (kind
``none``) the share rejected (nothing returned). Deterministic; nothing is timed.
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
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# Make ``import otsfacts`` work from a plain checkout, without installing the package.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from otsfacts.errors import QueryError  # noqa: E402
from otsfacts.model import Fact, FactBase  # noqa: E402
from otsfacts.search import SearchIndex  # noqa: E402
from otsfacts.store import load_base  # noqa: E402
from otsfacts.verify import normalise, quote_parts  # noqa: E402

HERE = Path(__file__).resolve().parent
#: Every set: its name, file and title. The held-out ones nobody tunes on come first.
_HELD_OUT_FILES = ("heldout.toml", *(f"heldout-{n}.toml" for n in range(2, 107)))
SET_TITLES = {
    **{("heldout" if n == 1 else f"heldout-{n}"): (
        f"HELD-OUT set {n} (benchmarks/{name}): nobody tunes on it") for n, name in enumerate(_HELD_OUT_FILES, 1)},
    "dev": "development set (benchmarks/queries.toml): tuned on, measures fit",
    "dev-2": "development set 2 (benchmarks/dev-2.toml, written like the held-out sets): tuned on",
    "dev-3": "development set 3 (benchmarks/dev-3.toml, written like the held-out sets): tuned on",
    "dev-4": "development set 4 (benchmarks/dev-4.toml, other languages only): tuned on",
    "dev-5": "development set 5 (benchmarks/dev-5.toml, paraphrases and unanswerable only): tuned on",
    "dev-6": "development set 6 (benchmarks/dev-6.toml, questions and unanswerable only): tuned on",
    "dev-7": "development set 7 (benchmarks/dev-7.toml, paraphrases and unanswerable only): tuned on",
    "dev-8": "development set 8 (benchmarks/dev-8.toml, other languages, answerable and not): tuned on",
    "dev-9": "development set 9 (benchmarks/dev-9.toml, written like the held-out sets): tuned on",
    "dev-10": "development set 10 (benchmarks/dev-10.toml, written like the held-out sets): tuned on",
    "dev-11": "development set 11 (benchmarks/dev-11.toml, paraphrases above all): tuned on",
    "dev-12": "development set 12 (benchmarks/dev-12.toml, paraphrases above all): tuned on",
}
SETS = {which: HERE / ("queries.toml" if which == "dev" else f"{which}.toml") for which in SET_TITLES}
HELD_OUT = tuple(which for which in SETS if which.startswith("heldout"))
#: Sets whose answers are regular expressions over the archived texts.
BY_PASSAGE = tuple(which for which in SETS if which != "dev")
DEFAULT_ARCHIVE = ROOT.parent / "shared" / "sources"

#: How many results each engine returns per query (MRR looks this deep).
LIMIT = 10

#: Kinds in the order they are reported; "none" cases are unanswerable.
KINDS = ("keyword", "question", "paraphrase", "typo", "alias", "language", "none")
#: The held-out kinds the targets group as "English": everything answerable but other languages.
ENGLISH = ("keyword", "question", "paraphrase", "typo", "alias")

ENGINES = ("otsfacts", "fts5", "meaning")

#: One query token for the FTS5 baseline: a run of letters and digits.
_TOKEN = re.compile(r"[^\W_]+")
_SPACE = re.compile(r"\s+")


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class Query:
    """One benchmark case: its text, its kind, and how to tell a correct answer.

    ``expect`` holds fact ids (development set); ``answer`` regular expressions over the
    archived text (held-out set). ``correct`` is filled in once against the base: the ids
    of every fact that answers it.
    """

    text: str
    kind: str
    correct: frozenset[str]
    lang: str = "en"


class BenchmarkError(Exception):
    """A query file is malformed or names facts the base does not have."""


def _entries(path: Path, table: str) -> list[dict[str, Any]]:
    with path.open("rb") as handle:
        raw = tomllib.load(handle)
    entries = raw.get(table, [])
    if not isinstance(entries, list) or not entries:
        raise BenchmarkError(f"{path}: no [[{table}]] entries")
    return entries


def _check_common(where: str, entry: dict[str, Any], seen: set[str], problems: list[str]) -> bool:
    text, kind = entry.get("text"), entry.get("kind")
    if not isinstance(text, str) or not text.strip():
        problems.append(f"{where}: 'text' must be a non-empty string")
        return False
    if kind not in KINDS:
        problems.append(f"{where}: 'kind' must be one of {', '.join(KINDS)}, not {kind!r}")
        return False
    if text in seen:
        problems.append(f"{where}: duplicate query text")
    seen.add(text)
    return True


def load_queries(path: Path, base: FactBase) -> list[Query]:
    """The development set: ``[[query]]`` entries with ``expect`` fact ids."""
    problems: list[str] = []
    queries: list[Query] = []
    seen: set[str] = set()
    for number, entry in enumerate(_entries(path, "query"), start=1):
        where = f"query #{number} ({entry.get('text')!r})"
        if not _check_common(where, entry, seen, problems):
            continue
        expect = entry.get("expect")
        if not isinstance(expect, list) or not all(isinstance(i, str) for i in expect):
            problems.append(f"{where}: 'expect' must be a list of fact ids")
            continue
        if (entry["kind"] == "none") != (not expect):
            problems.append(f"{where}: 'none' queries, and only they, have an empty 'expect' list")
        problems.extend(f"{where}: unknown fact id {i!r}" for i in expect if i not in base.facts)
        queries.append(Query(entry["text"], entry["kind"], frozenset(expect), entry.get("lang", "en")))
    if problems:
        raise BenchmarkError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    return queries


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()


def quote_spans(base: FactBase, archive: Path) -> tuple[dict[str, str], dict[str, list[tuple[str, int, int]]]]:
    """Each archived text (whitespace collapsed) by file name, and each fact's quote passages
    in it as ``(file name, start, end)``."""
    texts: dict[str, str] = {}
    normalised: dict[str, str] = {}  # same lengths: quote marks and dashes map one to one
    spans: dict[str, list[tuple[str, int, int]]] = {}
    for fact in base.facts.values():
        name = fact.source.archive
        if name not in texts:
            try:
                texts[name] = _collapse((archive / name).read_text(encoding="utf-8"))
            except OSError as error:
                raise BenchmarkError(f"the held-out set needs the archived texts: {error}") from None
            normalised[name] = normalise(texts[name])
        searchable = normalised[name]
        position, mine = 0, []
        for part in quote_parts(fact.quote):  # as verify reads them (" … " or "...")
            wanted = normalise(part)
            found = searchable.find(wanted, position)
            if found < 0:
                found = searchable.find(wanted)
            if found >= 0:
                mine.append((name, found, found + len(wanted)))
                position = found + len(wanted)
        spans[fact.id] = mine
    return texts, spans


#: Per held-out set, the cases whose answering passage no fact quotes.
uncovered: dict[str, list[str]] = {}


def load_heldout(path: Path, base: FactBase, archive: Path) -> list[Query]:
    """The held-out set: ``[[case]]`` entries whose ``answer`` regexes name the answering passages."""
    texts, spans = quote_spans(base, archive)
    skipped = uncovered.setdefault(path.stem, [])
    skipped.clear()
    problems: list[str] = []
    queries: list[Query] = []
    seen: set[str] = set()
    for number, entry in enumerate(_entries(path, "case"), start=1):
        where = f"case #{number} ({entry.get('text')!r})"
        if not _check_common(where, entry, seen, problems):
            continue
        answer = entry.get("answer")
        if not isinstance(answer, list) or not all(isinstance(a, str) for a in answer):
            problems.append(f"{where}: 'answer' must be a list of regular expressions")
            continue
        if (entry["kind"] == "none") != (not answer):
            problems.append(f"{where}: 'none' cases, and only they, have an empty 'answer' list")
        passages: list[tuple[str, int, int]] = []
        for expression in answer:
            try:
                pattern = re.compile(expression, re.IGNORECASE)
            except re.error as error:
                problems.append(f"{where}: bad regular expression {expression!r}: {error}")
                continue
            found = [(name, m.start(), m.end()) for name, text in texts.items() for m in pattern.finditer(text)]
            if not found:
                problems.append(f"{where}: {expression!r} matches nothing in the archived texts")
            passages.extend(found)
        correct = frozenset(
            fact_id for fact_id, mine in spans.items()
            if any(name == p_name and start < p_end and p_start < end
                   for name, start, end in mine for p_name, p_start, p_end in passages)
        )
        if answer and not correct:
            # its answer lies outside every quote (the archive's own header, say): the base
            # cannot be judged on it; it is listed in the report, not scored
            skipped.append(entry["text"])
            continue
        queries.append(Query(entry["text"], entry["kind"], correct, entry.get("lang", "en")))
    if problems:
        raise BenchmarkError(f"{path}: {len(problems)} problem(s):\n  " + "\n  ".join(problems))
    return queries


@lru_cache(maxsize=1)
def _base() -> FactBase:
    # Only the built-in base: OTSFACTS_PATH must not change the benchmark's results.
    return load_base(use_env=False)


@lru_cache(maxsize=None)
def queries(which: str = "dev", archive: Path = DEFAULT_ARCHIVE) -> tuple[Query, ...]:
    """The cases of one set (a name of :data:`SETS`), checked against the built-in base."""
    if which not in SETS:
        raise BenchmarkError(f"no query set {which!r}; the sets are {', '.join(SETS)}")
    if which in BY_PASSAGE:
        return tuple(load_heldout(SETS[which], _base(), archive))
    return tuple(load_queries(SETS["dev"], _base()))


# --------------------------------------------------------------------------- engines

#: An engine maps a query text to at most LIMIT fact ids, best first ([] = no result).
Engine = Callable[[str], list[str]]


#: base id -> (the base, its index): a base is a frozen record of dicts, so not hashable
_INDEXES: dict[int, tuple[FactBase, SearchIndex]] = {}


def _search_index(base: FactBase) -> SearchIndex:
    """The index both otsfacts figures search, built (and its encoder loaded) once per base."""
    kept = _INDEXES.get(id(base))
    if kept is None or kept[0] is not base:
        # meaning as installed, whatever OTSFACTS_MEANING says in the shell that runs this
        import os

        environ = {k: v for k, v in os.environ.items() if k != "OTSFACTS_MEANING"}
        kept = _INDEXES[id(base)] = (base, SearchIndex.from_base(base, environ=environ))
    return kept[1]


def otsfacts_engine(base: FactBase) -> Engine:
    """The library's own search, as the CLI runs it (default minimum score)."""
    index = _search_index(base)

    def run(text: str) -> list[str]:
        try:
            hits = index.search(text, limit=LIMIT)
        except QueryError:  # empty, or only question words: the tool rejects it
            return []
        return [hit.fact.id for hit in hits]

    return run


def otsfacts_shown_engine(base: FactBase) -> Engine:
    """What a reader of otsfacts's table is shown: the answers or, when nothing answers, the
    facts it offers as "Related, not an answer". Not an engine of its own: a second figure
    of otsfacts (``shown``), since a related fact is no answer to a script."""
    index = _search_index(base)

    def run(text: str) -> list[str]:
        try:
            found = index.find(text, limit=LIMIT)
        except QueryError:
            return []
        return [hit.fact.id for hit in (found.answers or found.related)]

    return run


def _fts_document(fact: Fact) -> tuple[str, str, str, str, str, str, str]:
    """One FTS5 row: id plus the searchable columns, in table order."""
    topics = " ; ".join(" ; ".join((topic.title, *topic.aliases)) for topic in fact.topics)
    speaker = f"{fact.speaker.name} ; {fact.speaker.role}"
    return (fact.id, fact.claim, fact.quote, " ; ".join(fact.aliases), topics, speaker, fact.source.outlet)


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
    db.executemany("INSERT INTO facts VALUES (?, ?, ?, ?, ?, ?, ?)", [_fts_document(f) for f in base.facts.values()])

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


def meaning_engine(base: FactBase) -> Engine:
    """The sentence encoder alone: facts by the cosine of their vector to the query's."""
    from otsfacts.meaning import Meaning

    facts = list(base.facts.values())
    meaning = Meaning(facts, cache=None, encode_limit=None)  # every fact, in memory

    def run(text: str) -> list[str]:
        similarity = meaning.similarities(text)
        if similarity is None:
            raise BenchmarkError(f"the meaning-only baseline cannot run: {meaning.notice}")
        order = similarity.argsort()[::-1][:LIMIT]
        return [facts[i].id for i in order]

    return run


_ENGINE_FACTORIES: dict[str, Callable[[FactBase], Engine]] = {
    "otsfacts": otsfacts_engine,
    "otsfacts-shown": otsfacts_shown_engine,
    "fts5": fts5_engine,
    "meaning": meaning_engine,
}


@lru_cache(maxsize=None)
def _engine(name: str) -> Engine:
    return _ENGINE_FACTORIES[name](_base())


# --------------------------------------------------------------------------- metrics


def first_rank(returned: Sequence[str], expected: frozenset[str] | Sequence[str]) -> int | None:
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


def evaluate(engine: str = "otsfacts", which: str = "dev", archive: Path = DEFAULT_ARCHIVE) -> dict[str, Any]:
    """Run every case of set ``which`` through ``engine`` and score it.

    Returns ``{"engine", "set", "overall", "english", "by_kind", "rejection_rate",
    "misses", "false_accepts"}``: ``overall``, ``english`` (every answerable kind but
    other languages) and each answerable ``by_kind`` entry hold ``n``, ``recall@1``,
    ``recall@3`` and ``mrr``; ``by_kind["none"]`` holds ``n`` and ``rejection_rate``.
    ``misses`` lists the answerable cases with no correct fact in the top 3,
    ``false_accepts`` the unanswerable ones that returned something; ``shown`` (otsfacts
    only, else None) holds the same summaries, ``english`` and by kind, of what a reader
    of the table is shown (the answers, or the related facts when nothing answers).
    """
    if engine not in _ENGINE_FACTORIES:
        raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")
    base = _base()
    cases = queries(which, archive)
    run = _engine(engine)
    ranks_by_kind: dict[str, list[int | None]] = {}
    rejected = none_total = 0
    misses: list[dict[str, Any]] = []
    false_accepts: list[dict[str, Any]] = []
    for case in cases:
        returned = run(case.text)
        if case.kind == "none":
            none_total += 1
            if returned:
                false_accepts.append({"text": case.text, "returned": returned[:3]})
            else:
                rejected += 1
            continue
        rank = first_rank(returned, case.correct)
        ranks_by_kind.setdefault(case.kind, []).append(rank)
        if rank is None or rank > 3:
            misses.append({
                "text": case.text, "kind": case.kind, "lang": case.lang,
                "expected": sorted(case.correct), "returned": returned[:3],
                "rank": rank,  # of the first correct fact within the top LIMIT, or None
            })
    by_kind: dict[str, dict[str, float | int]] = {
        kind: _summary(ranks_by_kind[kind]) for kind in KINDS if kind in ranks_by_kind
    }
    rejection_rate = rejected / none_total if none_total else 0.0
    by_kind["none"] = {"n": none_total, "rejection_rate": rejection_rate}
    del base
    shown = None
    if engine == "otsfacts":  # and what a reader of the table is shown (see otsfacts_shown_engine)
        shown_ranks: dict[str, list[int | None]] = {}
        for case in cases:
            if case.kind != "none":
                shown_ranks.setdefault(case.kind, []).append(first_rank(_engine("otsfacts-shown")(case.text), case.correct))
        shown = {"english": _summary([r for kind in ENGLISH for r in shown_ranks.get(kind, [])]),
                 **{kind: _summary(shown_ranks[kind]) for kind in KINDS if kind in shown_ranks}}
    return {
        "engine": engine,
        "set": which,
        "overall": _summary([r for kind in KINDS for r in ranks_by_kind.get(kind, [])]),
        "english": _summary([r for kind in ENGLISH for r in ranks_by_kind.get(kind, [])]),
        "by_kind": by_kind,
        "rejection_rate": rejection_rate,
        "misses": misses,
        "false_accepts": false_accepts,
        "shown": shown,
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

    first = results[engines[0]]
    for kind in KINDS[:-1]:
        if kind in first["by_kind"]:
            lines.append(row(kind, [results[e]["by_kind"][kind] for e in engines]))
    lines.append("-" * len(lines[1]))
    lines.append(row("english", [results[e]["english"] for e in engines]))
    lines.append(row("overall", [results[e]["overall"] for e in engines]))
    lines.append(row("none", [results[e]["by_kind"]["none"] for e in engines]))
    return "\n".join(lines)


def format_problems(result: dict[str, Any]) -> str:
    """The answerable cases missed at top 3 and the unanswerable ones not rejected."""
    lines = [f"{result['engine']} misses at top 3 ({len(result['misses'])}):"]
    for miss in result["misses"]:
        where = f"first correct at rank {miss['rank']}" if miss["rank"] else "no correct fact in top 10"
        expected = ", ".join(miss["expected"][:3]) + (
            f" (+{len(miss['expected']) - 3} more)" if len(miss["expected"]) > 3 else "")
        lines.append(f"  [{miss['kind']}] {miss['text']!r}: {where}")
        lines.append(f"      correct: {expected}")
        lines.append(f"      returned: {', '.join(miss['returned']) or '(nothing)'}")
    lines.append("")
    lines.append(f"{result['engine']} unanswerable cases answered ({len(result['false_accepts'])}):")
    for accept in result["false_accepts"]:
        lines.append(f"  {accept['text']!r} -> {', '.join(accept['returned'])}")
    return "\n".join(lines)


def available_engines() -> tuple[str, ...]:
    from otsfacts.encoder import available

    return ENGINES if available() else tuple(e for e in ENGINES if e != "meaning")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    parser.add_argument("--set", choices=(*SETS, "all"), default="all", help="which query set")
    parser.add_argument("--misses", action="store_true",
                        help="list a held-out set's misses too (by default only a development set's are listed, "
                             "so that scoring a held-out set does not show what to tune it on)")
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE,
                        help="the archived texts the held-out answers point into")
    args = parser.parse_args(argv)
    sets = tuple(SETS) if args.set == "all" else (args.set,)
    try:
        results = {which: {engine: evaluate(engine, which, args.archive) for engine in available_engines()}
                   for which in sets}
    except BenchmarkError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(results, indent=2, ensure_ascii=False))
        return 0
    for which, by_engine in results.items():
        counts = {k: v["n"] for k, v in by_engine["otsfacts"]["by_kind"].items()}
        print(f"{SET_TITLES[which]}: {sum(counts.values())} cases ("
              + ", ".join(f"{n} {k}" for k, n in counts.items()) + f"), top {LIMIT}")
        print()
        print(format_table(by_engine))
        shown = by_engine["otsfacts"]["shown"]
        print("otsfacts shows a correct fact (among the first three answers or, when nothing answers,\n"
              "the related facts) for: " + ", ".join(f"{kind} {_pct(shown[kind]['recall@3']).strip()}"
                                                   for kind in ("english", "paraphrase", "language") if kind in shown))
        print()
        if which in HELD_OUT and not args.misses:
            print("(misses not listed: a held-out set; --misses lists them)")
        else:
            print(format_problems(by_engine["otsfacts"]))
        if which in BY_PASSAGE and uncovered.get(which):
            print(f"not scored: {len(uncovered[which])} case(s) whose answer no fact quotes: "
                  + "; ".join(repr(text) for text in uncovered[which]))
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
