"""``@record``: a frozen, slotted dataclass whose methods are written once, here.

``@dataclass(frozen=True, slots=True)`` writes each class's ``__init__``, ``__repr__``,
``__eq__``, ``__hash__``, ``__setattr__`` and ``__delattr__`` as source text and compiles
it when the module is imported: about 1 ms a class. The model's six records and the
search filter are imported by every search, and their seven classes took 7.3 ms to
define; as records they take 1.4 ms (``import otsfacts.model`` after its imports). On
``otsfacts search corridor --json`` that is 4.5-5.5% of the whole process
(``farm-bench`` pairing this against the dataclasses, two runs of 41), a command whose
target is 1.15x a floor of 73-100 ms.

A record is still a dataclass: ``dataclasses.fields`` (with each field's metadata),
``replace`` and ``is_dataclass`` work on it, and its slots come from its annotations, so
no hand-written ``__slots__`` order can swap fields. Its methods behave as the generated
ones do: keyword or positional construction with defaults, default factories and
``__post_init__``; equality and hash over the fields' values, for the same class only;
a repr naming every field; ``FrozenInstanceError`` on assignment and deletion; pickling
(forked workers send facts back through a pipe). Building one costs more than with the
generated ``__init__`` (3.9 us against 2.2 us for a fact given all its fields by
keyword): a cold build of 10,000 facts takes 2% longer (farm-bench, 11 paired runs),
where every command that reads the cache gains the 5.9 ms.
"""

from __future__ import annotations

import typing
from dataclasses import MISSING, FrozenInstanceError, dataclass, field, fields
from operator import attrgetter
from typing import TYPE_CHECKING, Any, Callable, TypeVar

if TYPE_CHECKING:
    from typing_extensions import dataclass_transform
else:  # typing has it from Python 3.11; it only tells type checkers what the decorator makes
    dataclass_transform = getattr(typing, "dataclass_transform", lambda **_: lambda decorator: decorator)

__all__ = ["record"]

_Class = TypeVar("_Class", bound=type)


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def record(cls: _Class) -> _Class:
    """``cls`` as a frozen, slotted dataclass with the methods of this module."""
    made: Any = dataclass(cls, init=False, repr=False, eq=False, slots=True)
    declared = fields(made)
    names = tuple(f.name for f in declared)
    defaults = tuple((f.name, f.default, f.default_factory) for f in declared)
    values: Callable[[Any], tuple[Any, ...]] = (
        attrgetter(*names) if len(names) > 1 else lambda self: tuple(getattr(self, n) for n in names))
    post_init = getattr(made, "__post_init__", None)
    assign = object.__setattr__
    title = made.__qualname__

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(f"{title}() takes {len(names)} positional arguments but {len(args)} were given")
        for name, value in zip(names, args):
            assign(self, name, value)
        for name, default, factory in defaults[len(args):]:
            if name in kwargs:
                assign(self, name, kwargs.pop(name))
            elif default is not MISSING:
                assign(self, name, default)
            elif factory is not MISSING:
                assign(self, name, factory())
            else:
                raise TypeError(f"{title}() missing required argument: {name!r}")
        if kwargs:
            raise TypeError(f"{title}() got an unexpected keyword argument {next(iter(kwargs))!r}")
        if post_init is not None:
            post_init(self)

    def __repr__(self: Any) -> str:
        return f"{title}({', '.join(f'{name}={getattr(self, name)!r}' for name in names)})"

    def __eq__(self: Any, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return bool(values(self) == values(other))

    def __hash__(self: Any) -> int:
        return hash(values(self))

    def __setattr__(self: Any, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self: Any, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __getstate__(self: Any) -> tuple[Any, ...]:
        return values(self)

    def __setstate__(self: Any, state: tuple[Any, ...]) -> None:
        for name, value in zip(names, state):
            assign(self, name, value)

    for method in (__init__, __repr__, __eq__, __hash__, __setattr__, __delattr__, __getstate__, __setstate__):
        method.__qualname__ = f"{title}.{method.__name__}"
        setattr(made, method.__name__, method)
    return made  # type: ignore[no-any-return]
