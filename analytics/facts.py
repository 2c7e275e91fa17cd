"""A fact a sentence is written from: a code and the raw values it quotes.

The analytics never write words (docs/architecture.md, "Texts"). Where a result needs a
sentence (a flag's evidence, the prep's tables and questions), it returns a :class:`Fact`: the
code names the sentence, the values are numbers, dates, metric names and codes as computed,
never formatted. ``reports/`` looks the code up in the catalogue and writes the values the way
a reader reads them (decimals, percentages, periods) in the viewer's language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Fact:
    """A code and its values (``args``: (name, value) pairs, so a fact can key a cache).

    A value may be another fact (a clause inside the sentence) or None (a clause left out).

    Example:
        >>> fact = Fact.of("coaching_overdue.contact", days=40, limit=30)
        >>> fact.code, fact.params
        ('coaching_overdue.contact', {'days': 40, 'limit': 30})
    """

    code: str
    args: tuple[tuple[str, object], ...] = ()

    @classmethod
    def of(cls, code: str, **values: object) -> Fact:
        return cls(code, tuple(values.items()))

    @property
    def params(self) -> dict[str, object]:
        return dict(self.args)


def fact(key: str, **values: object) -> Fact:
    """A fact whose code is a key of the text catalogue (the prep's sentences): tests/test_i18n.py
    checks every key named here exists, as it does for a lookup.

    Example:
        >>> fact("prep.grow.W", check=None).code
        'prep.grow.W'
    """
    return Fact.of(key, **values)
