"""Property tests: generated fact files load or fail with the tool's own error, never
anything else; search over them never raises; JSON parses back to the same facts."""

from __future__ import annotations

import io
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from otsfacts.errors import FactBaseError, QueryError
from otsfacts.render import fact_record, write_json
from otsfacts.search import SearchIndex
from otsfacts.store import load_base

TEXT = st.text(max_size=40)
SLUG = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True)
VALUE = st.one_of(st.none(), st.integers(-10**15, 10**15), st.floats(allow_nan=False, allow_infinity=False), TEXT)


def toml_string(value: str) -> str:
    return json.dumps(value)  # a JSON string is a valid TOML basic string


def fact_file(ids: list[str], claims: list[str], kinds: list[str], values: list[object], junk: str) -> str:
    parts = ['[[source]]\nid = "s"\noutlet = "O"\npublished = 2025-01-02\nlanguage = "en"\n'
             'speaker = { name = "N", role = "R" }\narchive = "a.txt"\n\n'
             '[[topic]]\nid = "t"\ntitle = "T"\ndescription = "D"\n']
    for fact_id, claim, kind, value in zip(ids, claims, kinds, values):
        lines = [f"id = {toml_string(fact_id)}", f"claim = {toml_string(claim)}", f"quote = {toml_string(claim)}",
                 'source = "s"', 'topics = ["t"]', f"kind = {toml_string(kind)}"]
        if value is not None:
            lines.append(f"value = {toml_string(value) if isinstance(value, str) else repr(value)}")
        parts.append("[[fact]]\n" + "\n".join(lines) + "\n")
    return "\n".join(parts) + junk


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    ids=st.lists(st.one_of(SLUG, TEXT), max_size=5),
    claims=st.lists(TEXT, min_size=5, max_size=5),
    kinds=st.lists(st.sampled_from(["figure", "event", "statement", "nonsense", ""]), min_size=5, max_size=5),
    values=st.lists(VALUE, min_size=5, max_size=5),
    junk=st.one_of(st.just(""), TEXT),
    query=TEXT,
)
def test_generated_files_load_or_fail_cleanly(ids: list[str], claims: list[str], kinds: list[str],
                                              values: list[object], junk: str, query: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gen.toml"
        path.write_text(fact_file(ids, claims, kinds, values, junk), encoding="utf-8", errors="surrogatepass")
        try:
            base = load_base([path], builtin=False, use_env=False)
        except FactBaseError as error:
            assert error.problems and all(str(p).startswith(str(path)) for p in error.problems)
            return
    try:
        SearchIndex.from_base(base).search(query or "x")
    except QueryError:
        pass
    out = io.StringIO()
    write_json((fact_record(f) for f in base.facts.values()), out)
    parsed = json.loads(out.getvalue())
    assert [r["id"] for r in parsed] == list(base.facts)
    assert [r["claim"] for r in parsed] == [f.claim for f in base.facts.values()]
    assert [r["value"] for r in parsed] == [f.value for f in base.facts.values()]
