"""Immutable value records: the base class of every type the start-up path defines.

Why not ``@dataclass(frozen=True)``: it writes and compiles five methods per class at
import time, about 0.6 ms a class, and otsfacts starts on every Tab press (issue 5).
A :class:`Record` gets the same behaviour (equality, hashing, ``repr``, immutability,
pickling for forked workers) from one base class over its ``__slots__``.
"""

from __future__ import annotations

from typing import Any, TypeVar

R = TypeVar("R", bound="Record")
_set = object.__setattr__  # how a record's own __init__ gets past its __setattr__


class Record:
    """An immutable value: its fields are its ``__slots__``, in the order ``__init__`` takes them.

    A subclass's ``__init__`` hands every field, in slot order, to :meth:`_init`; after
    that, assigning or deleting a field raises :class:`AttributeError`.
    """

    __slots__: tuple[str, ...] = ()

    def _init(self, *values: Any) -> None:
        """Set every field, in ``__slots__`` order: the one way ``__init__`` writes them."""
        for name, value in zip(self.__slots__, values):
            _set(self, name, value)

    def _values(self) -> tuple[Any, ...]:
        return tuple(getattr(self, name) for name in self.__slots__)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._values() == other._values()

    def __hash__(self) -> int:
        return hash(self._values())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__slots__)
        return f"{type(self).__name__}({fields})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise AttributeError(f"cannot assign to {type(self).__name__}.{name}: records are immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete {type(self).__name__}.{name}: records are immutable")

    def __reduce__(self) -> tuple[Any, ...]:
        return self.__class__, self._values()

    def replace(self: R, **changes: Any) -> R:
        """A copy with ``changes`` (field name to new value) applied."""
        values = {name: getattr(self, name) for name in self.__slots__}
        unknown = set(changes) - set(values)
        if unknown:
            raise TypeError(f"{type(self).__name__} has no field {sorted(unknown)[0]!r}")
        values.update(changes)
        return self.__class__(**values)
