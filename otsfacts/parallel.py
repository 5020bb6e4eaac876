"""Spread a big cold build over the machine's cores, where the system can fork.

Parsing TOML and tokenising every field are pure Python and dominate a first run on a
large base; forked workers share the parent's memory for free (nothing is pickled on
the way in), so two cores nearly halve those phases. Small inputs, one core, or a
platform without fork run in-process: the results are the same either way.
"""

from __future__ import annotations

import os
from typing import Callable, Sequence, TypeVar

T = TypeVar("T")
R = TypeVar("R")


def workers() -> int:
    """How many processes a parallel phase may use (``OTSFACTS_WORKERS`` caps it; 1 disables)."""
    try:
        wanted = int(os.environ.get("OTSFACTS_WORKERS", "0"))
    except ValueError:
        wanted = 0
    available = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(wanted, available) if wanted > 0 else available)


def fork_map(function: Callable[[T], R], items: Sequence[T],
             forked: Callable[[], None] = lambda: None) -> list[R]:
    """``[function(item) for item in items]``, in forked workers when that can help.

    ``forked`` is called once the workers exist (and only then): the parent may let go of
    what only they need.
    """
    count = min(workers(), len(items))
    if count > 1:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            try:
                with multiprocessing.get_context("fork").Pool(count) as pool:
                    forked()
                    return pool.map(function, items, chunksize=1)
            except OSError:
                pass  # no processes to be had: do it here
    return [function(item) for item in items]
