"""The library's public names: ``from otsfacts import ...`` (``otsfacts/__init__.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import otsfacts
from conftest import FIXTURE_BASE

PUBLIC = {
    "JSON_VERSION": "otsfacts", "__version__": "otsfacts",
    "load_base": "otsfacts.store",
    "SearchIndex": "otsfacts.search", "Results": "otsfacts.hits", "Hit": "otsfacts.hits",
    "FactBase": "otsfacts.model", "Fact": "otsfacts.model", "Source": "otsfacts.model",
    "Topic": "otsfacts.model", "Speaker": "otsfacts.model", "Actor": "otsfacts.model",
    "OtsfactsError": "otsfacts.errors", "FactBaseError": "otsfacts.errors", "QueryError": "otsfacts.errors",
}


def test_all_names_what_a_python_user_needs() -> None:
    assert sorted(otsfacts.__all__) == sorted(PUBLIC)


@pytest.mark.parametrize("name", sorted(PUBLIC))
def test_each_public_name_is_the_object_its_module_defines(name: str) -> None:
    namespace: dict[str, object] = {}
    exec(f"from otsfacts import {name}", namespace)
    assert namespace[name] is getattr(sys.modules[PUBLIC[name]], name)
    assert name in dir(otsfacts)


def test_star_import_gives_every_public_name() -> None:
    namespace: dict[str, object] = {}
    exec("from otsfacts import *", namespace)
    assert set(PUBLIC) <= set(namespace)


def test_a_name_the_package_lacks_is_an_attribute_error() -> None:
    with pytest.raises(AttributeError, match="^module 'otsfacts' has no attribute 'load_bases'$"):
        otsfacts.load_bases  # noqa: B018


def test_submodules_keep_their_names() -> None:
    # otsfacts.search is the ranking module, not its search() function
    from otsfacts import search

    assert search is sys.modules["otsfacts.search"]
    assert otsfacts.search is search


def lazy_check(code: str) -> list[str]:
    """The otsfacts modules a fresh interpreter has imported after running ``code``."""
    code += "; import sys; print(' '.join(sorted(m for m in sys.modules if m.startswith('otsfacts'))))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return result.stdout.split()


def test_importing_the_package_imports_nothing_else() -> None:
    # the command line imports otsfacts on every run: start-up time
    assert lazy_check("import otsfacts; otsfacts.__version__, otsfacts.JSON_VERSION") == ["otsfacts"]


def test_a_public_name_imports_its_module_on_first_use() -> None:
    imported = lazy_check("from otsfacts import FactBaseError")
    assert "otsfacts.errors" in imported
    assert not {"otsfacts.model", "otsfacts.store", "otsfacts.search"} & set(imported)
    assert "otsfacts.search" in lazy_check("import otsfacts; otsfacts.SearchIndex")


def test_searching_a_users_base_through_the_public_names() -> None:
    from otsfacts import Fact, FactBase, Hit, Results, SearchIndex, Source, Speaker, Topic, load_base

    base = load_base([FIXTURE_BASE], builtin=False, use_env=False)
    assert isinstance(base, FactBase)
    assert list(base.facts)[:3] == ["corridor-opened", "corridor-not-open", "cable-capacity"]
    results = SearchIndex.from_base(base, environ={"OTSFACTS_MEANING": "0"}).find("undersea cable")
    assert isinstance(results, Results)
    assert [hit.fact.id for hit in results.answers] == ["cable-capacity"]
    assert (results.meaning_used, results.related) == (False, ())
    [hit] = results.answers
    assert isinstance(hit, Hit) and isinstance(hit.fact, Fact)
    assert isinstance(hit.fact.source, Source) and isinstance(hit.fact.speaker, Speaker)
    assert [(type(topic), topic.id) for topic in hit.fact.topics] == [(Topic, "energy")]
    assert (hit.fact.value_text, hit.fact.speaker.name, hit.fact.source.outlet) == (
        "nearly 4 GW", "Ada Demir", "The Daily")


def test_the_errors_a_user_catches(tmp_path: Path) -> None:
    from otsfacts import FactBaseError, OtsfactsError, QueryError, SearchIndex, load_base

    missing = tmp_path / "missing.toml"
    with pytest.raises(FactBaseError) as caught:
        load_base([missing], builtin=False, use_env=False)
    assert [(p.path, p.message) for p in caught.value.problems] == [(str(missing), "no such file or directory")]
    base = load_base([FIXTURE_BASE], builtin=False, use_env=False)
    with pytest.raises(QueryError, match="^query has no words to search for, only punctuation or symbols$"):
        SearchIndex.from_base(base, environ={"OTSFACTS_MEANING": "0"}).search("?!")
    assert issubclass(FactBaseError, OtsfactsError) and issubclass(QueryError, OtsfactsError)


def test_the_suite_runs_the_packages_docstring_examples(pytestconfig: pytest.Config) -> None:
    # pyproject.toml turns --doctest-modules on and collects otsfacts/ beside tests/, so the
    # examples above (and format_number's, printable's...) run with every `pytest -q`
    assert pytestconfig.getoption("doctestmodules") is True
    assert "otsfacts" in pytestconfig.getini("testpaths")
    assert otsfacts.__doc__ is not None and ">>> " in otsfacts.__doc__
