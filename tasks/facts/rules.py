"""Rule data of the fact stage (``tasks/rules/number_words.tsv``, ``fact_units.yaml``, ``fact_about.yaml``),
read once per process through tasks.rulefiles."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tasks import rulefiles
from tasks.settings import RULES_DIR


@dataclass(frozen=True)
class Rules:
    numbers: dict[str, tuple[float, str]]
    durations: dict[str, tuple[str, str, float]]
    measures: dict[str, tuple[str, float]]
    percent_words: frozenset[str]
    currency_before: dict[str, str]
    currency_after: dict[str, str]
    money_scales: dict[str, float]
    qualifiers: dict[tuple[str, ...], str]
    months: dict[str, int]
    synonyms: dict[str, str]
    event_nouns: frozenset[str]
    previous_markers: frozenset[str]
    next_markers: frozenset[str]
    duration_verbs: frozenset[str]
    duration_preps: frozenset[str]
    place_about: str
    place_labels: frozenset[str]
    stop_words: frozenset[str]
    definite: frozenset[str]


@lru_cache(maxsize=1)
def load_rules(rules_dir: Path = RULES_DIR) -> Rules:
    """Read the rule files once per process."""
    numbers = {word.strip().lower(): (float(value), typ.strip())
               for word, value, typ, *_ in rulefiles.table(rules_dir / "number_words.tsv")}
    units = rulefiles.load_yaml(rules_dir / "fact_units.yaml")
    about = rulefiles.load_yaml(rules_dir / "fact_about.yaml")
    return Rules(
        numbers=numbers,
        durations={k.lower(): (str(v[0]), str(v[1]), float(v[2])) for k, v in units["durations"].items()},
        measures={k.lower(): (str(v[0]), float(v[1])) for k, v in units["measures"].items()},
        percent_words=frozenset(str(w).lower() for w in units["percent_words"]),
        currency_before={str(k).lower(): str(v) for k, v in units["currency_before"].items()},
        currency_after={str(k).lower(): str(v) for k, v in units["currency_after"].items()},
        money_scales={str(k).lower(): float(v) for k, v in units["money_scales"].items()},
        qualifiers={tuple(str(k).lower().split()): str(v) for k, v in units["qualifiers"].items()},
        months={str(k).lower(): int(v) for k, v in units["months"].items()},
        synonyms={str(k).lower(): str(v) for k, v in about["synonyms"].items()},
        event_nouns=frozenset(str(w).lower() for w in about["event_nouns"]),
        previous_markers=frozenset(about["previous_markers"]),
        next_markers=frozenset(about["next_markers"]),
        duration_verbs=frozenset(about["duration_verbs"]),
        duration_preps=frozenset(about["duration_preps"]),
        place_about=str(about["place_about"]),
        place_labels=frozenset(about["place_labels"]),
        stop_words=frozenset(str(w).lower() for w in about["stop_words"]),
        definite=frozenset(about["definite_determiners"]),
    )
