"""otsfacts: cited facts about the Organization of Turkic States, from the terminal.

The library is importable on its own::

    from otsfacts.store import load_base
    from otsfacts.search import search

    base = load_base()
    for hit in search(base, "middle corridor"):
        print(hit.score, hit.fact.claim)
"""

__version__ = "1.0.0"
