"""Write a synthetic, valid fact base of N facts (realistic text lengths) for speed runs.

    python benchmarks/synth.py 10000 /tmp/synth-10k
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

WORDS = ("corridor transit cargo railway port customs energy cable wind solar investment fund trade "
         "summit declaration security defence youth forum tourism capital university exchange culture "
         "alphabet heritage digital satellite agreement treaty observer partnership cooperation growth "
         "logistics capacity network market export import region council meeting programme initiative").split()
PLACES = ("Baku", "Astana", "Tashkent", "Bishkek", "Ankara", "Gabala", "Samarkand", "Almaty", "Istanbul")
PER_FILE = 1000


def sentence(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize()


def write(count: int, folder: Path, seed: int = 7, files: int | None = None) -> None:
    """``count`` facts in files of :data:`PER_FILE` facts, or spread over ``files`` files."""
    rng = random.Random(seed)
    per_file = -(-count // files) if files else PER_FILE
    folder.mkdir(parents=True, exist_ok=True)
    header = ('[[source]]\nid = "synth-source"\noutlet = "Synthetic Wire"\npublished = 2025-01-01\n'
              'language = "en"\nspeaker = { name = "Test Speaker", role = "Analyst" }\narchive = "synth.txt"\n\n'
              '[[topic]]\nid = "synth"\ntitle = "Synthetic"\ndescription = "Generated facts."\n')
    (folder / "000-sources.toml").write_text(header, encoding="utf-8")
    for start in range(0, count, per_file):
        parts = []
        for n in range(start, min(count, start + per_file)):
            place = rng.choice(PLACES)
            value = rng.randint(1, 10_000)
            parts.append(
                f'[[fact]]\nid = "synth-{n}"\n'
                f'claim = "{sentence(rng, 18)} in {place} reached {value} units."\n'
                f'quote = "{sentence(rng, 40)}"\n'
                f'source = "synth-source"\ntopics = ["synth"]\nkind = "figure"\n'
                f'value = {value}\nunit = "units"\nplace = "{place}"\n'
                f'aliases = ["{rng.choice(WORDS)} {rng.choice(WORDS)}"]\n'
            )
        (folder / f"facts-{start // per_file:04d}.toml").write_text("\n".join(parts), encoding="utf-8")


if __name__ == "__main__":
    write(int(sys.argv[1]), Path(sys.argv[2]))
