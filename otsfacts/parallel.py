"""Spread a big cold build over the machine's cores, where the system can fork.

Why this module is kept (the one place that says so): parsing TOML and tokenising every
field are pure Python and dominate a first run on a large base. Forked workers share the
parent's memory for free (nothing is pickled on the way in), so two cores nearly halve
those phases: on a quiet machine the cold 100,000-fact build measured 1.48x its tomllib
floor with workers and 2.3x on one core (``OTSFACTS_WORKERS=1``), against a 1.5x target
(2026-11-23, before the SQLite cache; paired again after it, with the second core busy
with other people's work, two runs each gave 12.1 s and 15.4 s against 13.6 s and 13.8 s
on one core: no verdict, so the workers stay until a quiet run says otherwise). Small inputs, one
core, or a platform without fork run in-process: the results are the same either way.
:func:`fork_map_with` hands the shared state to each worker as an argument (no module
globals); a :class:`Crew`'s workers keep a state of their own between calls, passed to
each call as its first argument: the cold build (:mod:`otsfacts.crewbuild`) parses the
files and builds their facts in the same worker, which took the 100,000-fact build from
1.52x its tomllib floor to 1.35x (2026-11-29, medians of five runs).
"""

from __future__ import annotations

import os
from typing import Any, Callable, Sequence, TypeVar, cast

T = TypeVar("T")
R = TypeVar("R")
S = TypeVar("S")


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


def fork_map_with(function: Callable[[S, T], R], shared: S, items: Sequence[T],
                  forked: Callable[[], None] = lambda: None) -> list[R]:
    """``[function(shared, item) for item in items]``, in forked workers when that can help.

    Each worker is a forked process given ``shared`` and its share of ``items`` as the
    arguments of its target (inherited, not pickled); results come back through a pipe.
    ``forked`` is called once the workers exist: the parent may let go of ``shared``.
    """
    count = min(workers(), len(items))
    if count > 1:
        import multiprocessing

        if "fork" in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context("fork")
            try:
                started = []
                for worker in range(count):
                    receive, send = context.Pipe(duplex=False)
                    share = range(worker, len(items), count)
                    process = context.Process(target=_serve, args=(function, shared, items, share, send), daemon=True)
                    process.start()
                    send.close()
                    started.append((process, receive))
            except OSError:
                pass  # no processes to be had: do it here
            else:
                forked()
                return _gather(started, len(items))
    return [function(shared, item) for item in items]


def _serve(function: Callable[[Any, Any], Any], shared: Any, items: Sequence[Any], share: range, send: Any) -> None:
    """A worker: each of its items' results (or the error that stopped it) down the pipe."""
    try:
        for number in share:
            send.send((number, function(shared, items[number]), None))
    except BaseException as error:  # reported to the parent, which raises it
        send.send((-1, None, error))
    finally:
        send.close()


def _gather(started: list[tuple[Any, Any]], count: int) -> list[Any]:
    from multiprocessing.connection import Connection, wait

    results: list[Any] = [None] * count
    waiting = {receive: process for process, receive in started}
    try:
        while waiting:
            for ready in wait(list(waiting)):
                receive = cast(Connection, ready)
                try:
                    number, result, error = receive.recv()
                except EOFError:  # the worker is done (or died: then a result is missing)
                    waiting.pop(receive).join()
                    continue
                if isinstance(error, BaseException):
                    raise error
                results[number] = result
                count -= 1
    finally:
        for process, _ in started:
            if process.is_alive():
                process.terminate()
            process.join()
    if count:
        raise RuntimeError("a build worker died")
    return results


class Crew:
    """Forked workers that each keep a state of their own from one call to the next.

    The cold build parses the files in them and then builds the facts each parsed where it
    parsed them, so the parsed tables never travel to the parent and back: with
    :func:`fork_map_with` they did, and reading them back cost a 100,000-fact build about
    1 s of its 9 s. With one worker, or where the system cannot fork, each share runs
    here, with a state of its own all the same.
    """

    def __init__(self, count: int) -> None:
        self._workers: list[tuple[Any, Any]] = []  # (process, connection)
        if count > 1:
            import multiprocessing

            if "fork" in multiprocessing.get_all_start_methods():
                context = multiprocessing.get_context("fork")
                try:
                    for _ in range(count):
                        mine, theirs = context.Pipe()
                        process = context.Process(target=_serve_crew, args=(theirs,), daemon=True)
                        process.start()
                        theirs.close()
                        self._workers.append((process, mine))
                except OSError:  # no processes to be had: do it here
                    self.close()
        self._states: list[dict[str, Any]] = [] if self._workers else [{} for _ in range(count)]

    @property
    def size(self) -> int:
        """How many shares each :meth:`run` takes: one a worker."""
        return len(self._workers) or len(self._states)

    def run(self, function: Callable[[dict[str, Any], T], R], shares: Sequence[T]) -> list[R]:
        """``function(state, shares[i])`` in worker ``i`` (``state`` is that worker's), for
        each of the :attr:`size` shares; the results in order."""
        if not self._workers:
            return [function(state, share) for state, share in zip(self._states, shares)]
        for (_, connection), share in zip(self._workers, shares):
            connection.send((function, share))
        results: list[R] = []
        for process, connection in self._workers:
            try:
                done, result = connection.recv()
            except EOFError:
                raise OSError(f"a worker stopped with exit code {process.exitcode}") from None
            if not done:
                raise result
            results.append(result)
        return results

    def close(self) -> None:
        """Stop the workers."""
        for process, connection in self._workers:
            try:
                connection.send(None)
            except OSError:
                pass
            connection.close()
            process.join(1)
            if process.is_alive():
                process.terminate()
        self._workers = []

    def __enter__(self) -> "Crew":
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def _serve_crew(connection: Any) -> None:
    """A crew's worker: runs each call sent down ``connection`` with its own state, and
    sends back the result (or the error that stopped it)."""
    state: dict[str, Any] = {}
    while True:
        try:
            request = connection.recv()
        except EOFError:
            return
        if request is None:
            return
        function, share = request
        try:
            connection.send((True, function(state, share)))
        except BaseException as error:  # reported to the parent, which raises it
            connection.send((False, error))
