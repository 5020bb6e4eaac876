"""Speed benchmark: whole-process medians, each as a ratio to its floor measured in the same run.

Commands and their floors are alternated run by run so machine drift cancels.

    python benchmarks/speed.py            # built-in base, completion, 1k/10k synthetic bases
    python benchmarks/speed.py --large    # also 100k facts (takes minutes)
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402

PY = sys.executable
WORDS_5 = ["energy", "fund", "summit", "declaration", "security"]
OTS = [PY, "-m", "otsfacts"]


def timed(command: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def timed_peak(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """(seconds, peak resident MiB) of one run, the peak read by wait4 for that child alone."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    return time.perf_counter() - started, usage.ru_maxrss / 1024


def medians(first: Callable[[], float], second: Callable[[], float], runs: int) -> tuple[float, float]:
    """Medians of ``runs`` timings of each, the two alternated so machine drift cancels."""
    a, b = [], []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)


def report(name: str, ours: float, floor: float, target: float | None, note: str = "") -> None:
    ratio = ours / floor
    verdict = "no target" if target is None else f"(target <= {target}x) " + ("ok" if ratio <= target else "MISSED")
    print(f"{name:<34} {ours * 1000:9.1f} ms {floor * 1000:9.1f} ms {ratio:6.2f}x  {verdict}{note}")


def compare(name: str, command: list[str], floor: list[str], env: dict[str, str], runs: int, target: float) -> None:
    timed(command, env)  # warm the cache and the OS file cache
    report(name, *medians(lambda: timed(command, env), lambda: timed(floor, env), runs), target)


LEADERS = "what did the leaders agree about education"
PARAPHRASE = "power line under the sea to Europe"


def numpy_free(env: dict[str, str]) -> None:
    """Check that a keyword search spelling answers never imports numpy (the encoder's cost)."""
    code = ("import sys, runpy; sys.argv = ['otsfacts', 'search', 'corridor', '--json']\n"
            "try:\n    runpy.run_module('otsfacts', run_name='__main__')\n"
            "except SystemExit:\n    pass\n"
            "sys.stderr.write('numpy imported' if 'numpy' in sys.modules else 'no numpy')")
    done = subprocess.run([PY, "-c", code], env=env, capture_output=True, text=True, check=False)
    verdict = "ok" if done.stderr.endswith("no numpy") else "MISSED (numpy imported)"
    print(f"{'search corridor imports no numpy':<34} {verdict}")


def main() -> None:
    runs = 31
    # as an installed package runs: bytecode cached (pip compiles it at install time)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTSFACTS") and k != "PYTHONDONTWRITEBYTECODE"}
    env["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="otsfacts-bench-cache-")
    print(f"{'measure':<34} {'ours':>12} {'floor':>12} {'ratio':>7}")
    compare("search corridor --json", [*OTS, "search", "corridor", "--json"],
            [PY, "-c", "import typer, rapidfuzz.process"], env, runs, 1.15)
    compare("search corridor (table)", [*OTS, "search", "corridor"],
            [PY, "-c", "import typer, rich.table, rapidfuzz.process"], env, runs, 1.15)
    # issue 13: a question spelling answers in full imports no numpy; one that needs meaning
    # pays for numpy and the prepared encoder, measured against a floor that imports numpy
    numpy_free(env)
    meaning_floor = [PY, "-c", "import typer, rapidfuzz.process, numpy"]
    compare("search what did the leaders agree...", [*OTS, "search", *LEADERS.split(), "--json"],
            meaning_floor, env, runs, 1.3)
    compare("search (by meaning) " + PARAPHRASE[:15] + "...", [*OTS, "search", *PARAPHRASE.split(), "--json"],
            meaning_floor, env, runs, 1.3)
    completion = dict(env, _OTSFACTS_COMPLETE="complete_bash", COMP_WORDS="otsfacts show ", COMP_CWORD="2")
    compare("bash completion of show <Tab>", OTS, [PY, "-c", "import typer"], completion, runs, 1.2)
    sizes = [1_000, 10_000] + ([100_000] if "--large" in sys.argv else [])
    search = [*OTS, "search", "corridor", "--json"]
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"otsfacts-synth-{size}-"))
        synth.write(size, folder)
        sized = dict(env, OTSFACTS_PATH=str(folder))
        parse = [PY, "-c", "import pathlib\ntry: import tomllib\nexcept ImportError: import tomli as tomllib\n"
                 f"for p in sorted(pathlib.Path({str(folder)!r}).glob('*.toml')): tomllib.loads(p.read_text())"]
        peaks: list[float] = []

        def cold() -> float:
            # parse and index from nothing, in a cache directory of its own
            seconds, peak = timed_peak(search, dict(sized, XDG_CACHE_HOME=tempfile.mkdtemp()))
            peaks.append(peak)
            return seconds

        cold_runs = 5
        ours, floor = medians(cold, lambda: timed(parse, sized), cold_runs)
        report(f"cold search, {size:,} facts", ours, floor, 1.5 if size >= 100_000 else None,
               f" (floor: tomllib parse; peak {max(peaks):.0f} MiB)")
        timed(search, sized)  # build the cache
        ours, floor = medians(lambda: timed(search, sized), lambda: timed(search, env), 11)
        peak = timed_peak(search, sized)[1]
        memory = "" if size < 100_000 else " (target <= 400 MiB) " + ("ok" if peak <= 400 else "MISSED")
        report(f"warm search, {size:,} facts", ours, floor, 1.5 if size <= 10_000 else 3.0,
               f" (floor: built-in base; peak {peak:.0f} MiB{memory})")
        # no target: a fact id (a word that prefixes every joined id) and a long query,
        # which once took minutes on this base
        for name, query in (("an id", [f"synth-{size // 2}"]), ("5 common words", WORDS_5)):
            ours, floor = medians(lambda: timed([*OTS, "search", *query, "--json"], sized),
                                  lambda: timed(search, env), 5)
            report(f"warm search for {name}, {size:,}", ours, floor, None, " (floor: built-in base)")
        if size >= 100_000:
            edited_search(size, env, search)


def edited_search(size: int, env: dict[str, str], search: list[str]) -> None:
    """Issue 12: the curator's loop. The base spread over 20 files, one file edited (a claim's
    word changed, new to the base, then changed back), the next search timed against a
    full cold build of the same base; medians of 5."""
    folder = Path(tempfile.mkdtemp(prefix=f"otsfacts-synth-{size}-20-"))
    synth.write(size, folder, files=20)
    sized = dict(env, OTSFACTS_PATH=str(folder), XDG_CACHE_HOME=tempfile.mkdtemp())
    edited = sorted(folder.glob("facts-*.toml"))[10]
    words = (" reached ", " reaches ")

    def cold() -> float:
        return timed(search, dict(sized, XDG_CACHE_HOME=tempfile.mkdtemp()))

    def after_edit() -> float:
        text = edited.read_text(encoding="utf-8")
        old, new = words if words[0] in text.split("\n", 3)[2] else words[::-1]
        edited.write_text(text.replace(old, new, 1), encoding="utf-8")
        return timed(search, sized)

    timed(search, sized)  # the cache before the first edit
    ours, floor = medians(after_edit, cold, 5)
    report(f"search after editing 1 of 20 files, {size:,}", ours, floor, 0.25, " (floor: the cold build)")


if __name__ == "__main__":
    main()
