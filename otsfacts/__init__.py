"""otsfacts: cited facts about the Organization of Turkic States, from the terminal.

The library is importable on its own: load a base (the built-in one, your own files on
top with ``load_base(["my-facts.toml"])``) and search it.

>>> from otsfacts import SearchIndex, load_base
>>> base = load_base(use_env=False)  # the built-in base only, whatever OTSFACTS_PATH holds
>>> index = SearchIndex.from_base(base, environ={"OTSFACTS_MEANING": "0"})  # by spelling only
>>> hit = index.search("green energy bridge", limit=1)[0]
>>> hit.fact.id, hit.fact.speaker.name, hit.fact.source.outlet
('green-energy-bridge-along-middle-corridor', 'Kubanychbek Omuraliyev', 'Trend')

The names of ``__all__`` are imported on first use (PEP 562), so that ``import otsfacts``,
which the command line does on every run, costs no more than these constants. The
function :func:`otsfacts.search.search` is not among them: ``otsfacts.search`` is its
module, and ``from otsfacts import search`` gives that module.
"""

__version__ = "1.0.0"

#: The version of the JSON shapes (README, "JSON for scripts"), printed by ``otsfacts --version``.
#: Raised when a field changes meaning or goes away; a field may be added without raising it.
#: 2: ``speaker`` is always whose words the quote is; ``actor``, ``note``, ``replaces``,
#: ``source.url`` added, and ``show`` answers a retired id (``retired_id``, ``replaced_by``).
JSON_VERSION = 2

__all__ = [
    "JSON_VERSION", "__version__",
    "load_base", "SearchIndex", "Results", "Hit",
    "FactBase", "Fact", "Source", "Topic", "Speaker", "Actor",
    "OtsfactsError", "FactBaseError", "QueryError",
]

TYPE_CHECKING = False  # typing.TYPE_CHECKING without importing typing; mypy and editors read True
if TYPE_CHECKING:
    from typing import Any

    from otsfacts.errors import FactBaseError, OtsfactsError, QueryError
    from otsfacts.model import Actor, Fact, FactBase, Source, Speaker, Topic
    from otsfacts.hits import Hit, Results
    from otsfacts.search import SearchIndex
    from otsfacts.store import load_base

#: Where each lazily imported name of ``__all__`` is defined.
_HOMES = {
    "load_base": "otsfacts.store",
    "SearchIndex": "otsfacts.search", "Results": "otsfacts.hits", "Hit": "otsfacts.hits",
    "FactBase": "otsfacts.model", "Fact": "otsfacts.model", "Source": "otsfacts.model",
    "Topic": "otsfacts.model", "Speaker": "otsfacts.model", "Actor": "otsfacts.model",
    "OtsfactsError": "otsfacts.errors", "FactBaseError": "otsfacts.errors", "QueryError": "otsfacts.errors",
}


def __getattr__(name: str) -> "Any":
    home = _HOMES.get(name)
    if home is None:  # a submodule (``from otsfacts import cache``) is imported by Python itself
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # once is enough
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
