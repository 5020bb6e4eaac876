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

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import synth  # noqa: E402

PY = sys.executable
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


def compare(name: str, command: list[str], floor: list[str], env: dict[str, str], runs: int, target: float) -> None:
    timed(command, env)  # warm the cache and the OS file cache
    ours, base = [], []
    for _ in range(runs):
        ours.append(timed(command, env))
        base.append(timed(floor, env))
    a, b = statistics.median(ours), statistics.median(base)
    verdict = "ok" if a / b <= target else "MISSED"
    print(f"{name:<44} {a * 1000:7.1f} ms {b * 1000:7.1f} ms {a / b:6.2f}x  (target <= {target}x) {verdict}")


def main() -> None:
    runs = 15
    # as an installed package runs: bytecode cached (pip compiles it at install time)
    env = {k: v for k, v in os.environ.items() if not k.startswith("OTSFACTS") and k != "PYTHONDONTWRITEBYTECODE"}
    cache = tempfile.mkdtemp(prefix="otsfacts-bench-cache-")
    env["XDG_CACHE_HOME"] = cache
    print(f"{'measure':<44} {'ours':>10} {'floor':>10} {'ratio':>7}")
    compare("search corridor --json", [*OTS, "search", "corridor", "--json"],
            [PY, "-c", "import typer, rapidfuzz.process"], env, runs, 1.15)
    compare("search corridor (table)", [*OTS, "search", "corridor"],
            [PY, "-c", "import typer, rich.table, rapidfuzz.process"], env, runs, 1.15)
    completion = dict(env, _OTSFACTS_COMPLETE="complete_bash", COMP_WORDS="otsfacts show ", COMP_CWORD="2")
    compare("bash completion of show <Tab>", OTS, [PY, "-c", "import typer"], completion, runs, 1.2)
    sizes = [1_000, 10_000] + ([100_000] if "--large" in sys.argv else [])
    builtin = [*OTS, "search", "corridor", "--json"]
    for size in sizes:
        folder = Path(tempfile.mkdtemp(prefix=f"otsfacts-synth-{size}-"))
        synth.write(size, folder)
        sized = dict(env, OTSFACTS_PATH=str(folder))
        # cold: parse and index from nothing, against parsing the same files with tomllib alone
        cold_env = dict(sized, XDG_CACHE_HOME=tempfile.mkdtemp())
        cold, cold_rss = timed_peak(builtin, cold_env)
        parse = timed([PY, "-c", f"import tomllib,pathlib\nfor p in sorted(pathlib.Path({str(folder)!r}).glob('*.toml')): tomllib.loads(p.read_text())"], sized)
        print(f"{f'cold search, {size:,} facts':<44} {cold * 1000:7.1f} ms {parse * 1000:7.1f} ms {cold / parse:6.2f}x  (target <= 1.5x, floor: tomllib parse; peak {cold_rss:.0f} MiB)")
        target = 1.5 if size <= 10_000 else 3.0
        warm = statistics.median(timed(builtin, sized) for _ in range(7))
        small = statistics.median(timed(builtin, env) for _ in range(7))
        rss = timed_peak(builtin, sized)[1]
        print(f"{f'warm search, {size:,} facts':<44} {warm * 1000:7.1f} ms {small * 1000:7.1f} ms {warm / small:6.2f}x  (target <= {target}x vs built-in; peak {rss:.0f} MiB)")


if __name__ == "__main__":
    main()
