"""otsfacts: cited facts about the Organization of Turkic States, from the terminal.

The library is importable on its own::

    from otsfacts.store import load_base
    from otsfacts.search import search

    base = load_base()
    for hit in search(base, "middle corridor"):
        print(hit.score, hit.fact.claim)
"""

__version__ = "1.0.0"

#: The version of the JSON shapes (README, "JSON for scripts"), printed by ``otsfacts --version``.
#: Raised when a field changes meaning or goes away; a field may be added without raising it.
#: 2: ``speaker`` is always whose words the quote is; ``actor``, ``note``, ``replaces``,
#: ``source.url`` added, and ``show`` answers a retired id (``retired_id``, ``replaced_by``).
JSON_VERSION = 2
