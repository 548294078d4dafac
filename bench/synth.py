"""Synthetic news corpora for the benchmark.

``generate(n_articles, seed, out_dir)`` writes ``n_articles`` distinct, varied
articles as ``.txt`` files (first line the title) into several drop folders,
each with a ``manifest.csv`` (file, outlet, url, published_at, title).
Articles come in story-like clusters of 1-6 (mostly 3-6) articles from
different outlets that share the story's people, organisations, places,
numbers, dates and a quote (worded slightly differently per outlet); some
cluster members are light rewrites of another member (wire copy). Body
paragraphs are recombined from a source pool - the PolNeAR train texts when
``../shared/eval`` is present, else the seed articles in ``data/raw/sample``
plus a built-in template grammar - with names and numbers re-randomised, so
no two articles are the same text and deduplication cannot make a run
trivial. Same seed, same corpus (byte for byte).

``replicate_processed`` (bench/replicate.py, re-exported here) scales a processed dir up.
"""
from __future__ import annotations

import csv
import hashlib
import io
import random
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, UTC
from pathlib import Path

from bench.replicate import replicate_processed
# where the gold data is: NEWSAGREE_GOLD_DIR, else ../shared/eval (tasks.settings.gold_dir_candidates)
from tasks.evaluation.run import default_gold_dir

REPO = Path(__file__).resolve().parent.parent
SEEDS_DIR = REPO / "data" / "raw" / "sample"

# ------------------------------------------------------------------ vocabulary (synthetic, not from any data set)

FIRST = ("Anna Maria Olena Sofia Elena Laura Priya Amara Hana Ingrid Carmen Leila Nadia Ruth Grace Irene Julia "
         "Marta Yuki Zainab James Peter Oleksandr Mikhail Daniel Ahmed Carlos Tomasz Kenji Samuel David Victor "
         "Lukas Pavel Rafael Omar Henrik Mateo Viktor Arjun Jonas Felix Andrei Kwame Dmytro Marco Stefan").split()
LAST = ("Kowalski Novak Petrenko Ivanova Schmidt Rossi Garcia Okafor Tanaka Haddad Lindqvist Moreau Costa "
        "Fischer Horvat Kovacs Silva Mensah Nakamura Yilmaz Andersen Dubois Castillo Jankowski Sato Bauer "
        "Romero Nguyen Kaplan Varga Boateng Ferreira Kuznetsov Hughes Murphy Walsh Brennan Osei Duarte "
        "Lehmann Marchetti Sorensen Adeyemi Brandt Kirchner Larsen Moretti Zielinski Popescu Hoffman").split()
ROLES = ("foreign minister", "spokesperson", "prime minister", "defence secretary", "governor", "mayor",
         "chief executive", "senator", "economy minister", "president", "party leader", "police chief",
         "health minister", "union leader", "central bank governor", "opposition leader")
ORGS = ("the Ministry of Finance", "the Northern Alliance Party", "the National Grid Authority",
        "the Union of Port Workers", "the Central Bank", "the Federal Court", "the Red Harbour Group",
        "the Coastal Energy Company", "the Interior Ministry", "the Farmers' Council", "the Senate",
        "the Metro Transit Authority", "the World Relief Office", "the Eastern Steel Works",
        "the Public Health Agency", "the Atlantic Trade Forum", "the Green Valley Council")
PLACES = ("Kyiv", "Lisbon", "Nairobi", "Warsaw", "Ottawa", "Manila", "Lagos", "Oslo", "Lima", "Hanoi",
          "Tbilisi", "Dakar", "Seoul", "Quito", "Riga", "Accra", "Porto", "Gdansk", "Kharkiv", "Mombasa",
          "Brisbane", "Valencia", "Krakow", "Busan", "Tallinn", "Cork", "Graz", "Turku")
OUTLETS = ("Daily Ledger", "Morning Courier", "The Northern Times", "Capital Wire", "Evening Standard Post",
           "Harbor Gazette", "The Continental", "Metro Herald", "Global Dispatch", "Valley Tribune",
           "The Observer Review", "Prairie News", "Coastal Chronicle", "The Sentinel", "Union Press Agency",
           "Riverside Journal", "The Civic Record", "Summit Daily", "Frontline Report", "The Plain Dealer Weekly",
           "City Pulse", "Eastern Telegraph", "Westside Bulletin", "National Monitor")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
TOPICS = (
    ("talks", "ceasefire talks", "agreement"), ("budget", "the budget bill", "spending plan"),
    ("strike", "the port strike", "wage deal"), ("flood", "the floods", "relief effort"),
    ("election", "the runoff vote", "coalition"), ("merger", "the proposed merger", "takeover bid"),
    ("outbreak", "the outbreak", "vaccination drive"), ("trial", "the corruption trial", "verdict"),
    ("blackout", "the blackout", "grid repairs"), ("summit", "the regional summit", "joint declaration"),
)
SPEECH = ("said", "told reporters", "said in a statement", "added", "told the {outlet}", "wrote on social media",
          "said at a news conference", "insisted")
QUOTE_BODIES = (
    "We will not accept any {topic2} that ignores the people of {place}",
    "This {topic3} is the best chance we have had in {years} years",
    "Nobody should be surprised that {org} wants more time",
    "The numbers speak for themselves: {count} families are still waiting",
    "We are ready to sign the {topic3} as soon as {weekday}",
    "There is no plan B, and everyone in {place} knows it",
    "Our position on {topic2} has not changed since {month}",
)
QUOTE_HEDGES = ("", "frankly, ", "to be clear, ", "as I have said before, ", "honestly, ")
BOILERPLATE = ("Advertisement", "Support independent journalism: donate today.", "Home > World > News",
               "Sign up for our morning newsletter.", "Share this article", "Read more: latest updates",
               "Subscribe to continue reading.")
# template grammar: filler sentences used when no text pool is available (and to pad short pools)
GRAMMAR = (
    "{person} met officials from {org} in {place} on {weekday} to discuss {topic2}.",
    "Local media in {place} reported that about {count} people had gathered outside the offices of {org}.",
    "The plan would cost roughly ${amount} million over {years} years, according to {org}.",
    "Critics said the proposal did little for residents of {place}, where unemployment stands at {pct} percent.",
    "{person}, who has led {org} since {year}, did not respond to a request for comment.",
    "Talks on {topic2} are expected to resume in {place} on {month} {day}.",
    "Officials in {place} said {count} workers had been affected, up from {count2} a week earlier.",
    "Analysts at {org} estimated that prices had risen {pct} percent since {month}.",
    "Earlier this year {person} warned that {topic2} could take months to resolve.",
    "The {topic3} still needs the approval of {org}, which meets again on {weekday}.",
)

# ------------------------------------------------------------------ source pool

_DIGITS = re.compile(r"\d+")
_NAME_BIGRAM = re.compile(r"\b([A-Z][a-z]{2,}) ([A-Z][a-z]{2,})\b")
_NOT_NAMES = {"Department", "State", "States", "House", "White", "United", "New", "York", "Party", "Court",
              "Republican", "Republicans", "Democratic", "Democrats", "National", "Committee", "Street", "News",
              "Post", "Times", "Journal", "Senate", "Congress", "Security", "Affairs", "County", "City", "Office",
              "Supreme", "Federal", "American", "Americans", "Iowa", "South", "North", "West", "East", "Fox",
              "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Twitter", "Facebook"}
_SLOT = re.compile(r"\{(\w+)\}")


@dataclass
class Pool:
    """Paragraph templates: each a list of literal parts and slots ('#<n>' = n random digits, 'P' = a person)."""
    paragraphs: list[list[str]]
    origin: str


def source_texts(source: str = "auto") -> tuple[list[str], str]:
    """Raw texts for the pool: PolNeAR train texts (``polnear``/``auto`` when present) or the seeds."""
    if source in ("auto", "polnear"):
        gold = default_gold_dir()
        folder = gold / "polnear" / "train" / "text" if gold else None
        if folder and folder.is_dir():
            files = sorted(folder.glob("*.txt"))
            if files:
                return [f.read_text(encoding="utf-8", errors="replace") for f in files], "polnear"
        if source == "polnear":
            raise FileNotFoundError("PolNeAR train texts not found (../shared/eval or NEWSAGREE_GOLD_DIR)")
    return [f.read_text(encoding="utf-8") for f in sorted(SEEDS_DIR.glob("*.txt"))], "seeds"


def _template(par: str, names: set[str]) -> list[str]:
    """Split a paragraph into literal parts and slots: digit runs -> '#<len>', frequent names -> 'P'."""
    par = par.replace("{", "(").replace("}", ")")
    out: list[str] = []
    pos = 0
    spans = [(m.start(), m.end(), f"#{m.end() - m.start()}") for m in _DIGITS.finditer(par)]
    spans += [(m.start(), m.end(), "P") for m in _NAME_BIGRAM.finditer(par) if m.group(0) in names]
    spans.sort()
    for s, e, slot in spans:
        if s < pos:
            continue
        out.append(par[pos:s])
        out.append("\x00" + slot)
        pos = e
    out.append(par[pos:])
    return out


def build_pool(texts: list[str], origin: str) -> Pool:
    """Paragraphs (skipping each text's title line) of 8-120 words, as slot templates."""
    pars: list[str] = []
    for t in texts:
        lines = t.split("\n")
        body = "\n".join(lines[1:]) if lines else ""
        chunks = re.split(r"\n\s*\n", body) if "\n\n" in body else body.split("\n")
        for c in chunks:
            c = " ".join(c.split())
            if 8 <= len(c.split()) <= 120:
                pars.append(c)
    counts: dict[str, int] = {}
    for p in pars:
        for m in set(_NAME_BIGRAM.findall(p)):
            k = " ".join(m)
            counts[k] = counts.get(k, 0) + 1
    names = {k for k, n in counts.items() if n >= 2 and not (set(k.split()) & _NOT_NAMES)}
    return Pool(paragraphs=[_template(p, names) for p in pars], origin=origin)


# ------------------------------------------------------------------ generation

def _person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def _digits(rng: random.Random, n: int) -> str:
    if n == 4:   # years stay plausible
        return str(rng.randint(1990, 2025))
    lo = 10 ** (n - 1) if n > 1 else 0
    return str(rng.randint(lo, 10 ** n - 1))


def _fill(tpl: list[str], rng: random.Random, people: list[str]) -> str:
    parts = []
    for p in tpl:
        if p and p[0] == "\x00":
            slot = p[1:]
            parts.append(rng.choice(people) if slot == "P" else _digits(rng, int(slot[1:])))
        else:
            parts.append(p)
    return "".join(parts)


def _fmt(template: str, values: dict) -> str:
    return _SLOT.sub(lambda m: str(values[m.group(1)]), template)


@dataclass
class _Story:
    values: dict
    people: list[str]
    title: str
    lead: str
    quote: str
    speaker: str
    facts: list[str]
    core: list[list[str]]     # pool templates shared by the story's articles


def _new_story(rng: random.Random, pool: Pool, day: datetime) -> _Story:
    topic = rng.choice(TOPICS)
    people = [_person(rng) for _ in range(3)]
    v = {
        "person": people[0], "person2": people[1], "role": rng.choice(ROLES), "org": rng.choice(ORGS),
        "org2": rng.choice(ORGS), "place": rng.choice(PLACES), "topic": topic[0], "topic2": topic[1],
        "topic3": topic[2], "count": rng.randint(12, 4800), "count2": rng.randint(3, 900),
        "amount": rng.randint(2, 950), "pct": rng.randint(2, 40), "years": rng.randint(2, 30),
        "year": rng.randint(1995, 2023), "weekday": WEEKDAYS[day.weekday()], "month": rng.choice(MONTHS),
        "day": rng.randint(1, 28), "outlet": "",
    }
    title = _fmt(rng.choice((
        "{place} {topic} : {person} says {org} must act",
        "{person} warns over {topic2} as {count} affected in {place}",
        "{org} and {org2} clash over {topic3}",
        "What the {topic3} means for {place}",
        "{topic2} enters new phase after {person} intervenes",
    )), v).replace(" :", ":")
    lead = _fmt(rng.choice((
        "{person}, the {role} of {org}, said on {weekday} that {topic2} would continue despite objections from {org2}.",
        "At least {count} people in {place} were affected by {topic2}, {org} said on {weekday}.",
        "{org} agreed on {weekday} to a {topic3} worth ${amount} million, ending weeks of uncertainty in {place}.",
    )), v)
    quote = _fmt(rng.choice(QUOTE_BODIES), v)
    facts = [
        _fmt("The {topic3} covers {count} households and is worth ${amount} million, according to {org}.", v),
        _fmt("Turnout in {place} was {pct} percent, the lowest since {year}.", v),
        _fmt("The deadline was set for {month} {day}, {org2} confirmed.", v),
    ]
    rng.shuffle(facts)
    core = [rng.choice(pool.paragraphs) for _ in range(rng.randint(1, 3))] if pool.paragraphs else []
    return _Story(values=v, people=people, title=title, lead=lead, quote=quote, speaker=people[0],
                  facts=facts[:2], core=core)


def _quote_paragraph(rng: random.Random, st: _Story, outlet: str) -> str:
    q = st.quote
    hedge = rng.choice(QUOTE_HEDGES)
    if hedge:
        q = hedge[0].upper() + hedge[1:] + q[0].lower() + q[1:]
    verb = rng.choice(SPEECH).replace("{outlet}", outlet)
    style = rng.randrange(3)
    if style == 0:
        return f"\u201c{q},\u201d {st.speaker} {verb}."
    if style == 1:
        return f"{st.speaker} {verb}: \u201c{q}.\u201d"
    surname = st.speaker.split()[-1]
    return f"{surname} {verb} that {q[0].lower() + q[1:]}."


def _article(rng: random.Random, pool: Pool, st: _Story, outlet: str, grammar_only: bool) -> tuple[str, str]:
    """(title, full text) of one article of a story."""
    v = {**st.values, "outlet": outlet}
    people = st.people + [_person(rng) for _ in range(2)]
    r = rng.random()
    if r < 0.5:
        title = st.title
    elif r < 0.65:
        title = f"{st.title} ({rng.choice(('update', 'analysis', 'live'))})"
    else:
        title = _fmt(rng.choice((
            "{person} on {topic2}: what we know", "{place}: {topic2} latest", "{org} under pressure over {topic}",
        )), v)
    pars: list[str] = []
    if rng.random() < 0.3:
        pars.append(rng.choice(BOILERPLATE[2:3] + BOILERPLATE[5:6]))
    if rng.random() < 0.6:
        pars.append(f"By {_person(rng)}")
    lead = st.lead
    if rng.random() < 0.5:
        lead = f"{st.values['place'].upper()} ({outlet}) \u2013 {lead}"
    pars.append(lead)
    body: list[str] = [_quote_paragraph(rng, st, outlet)]
    body += st.facts[: rng.randint(1, 2)]
    body += [_fill(t, rng, people) for t in st.core]
    n_pool = 0 if grammar_only else rng.randint(6, 16)
    body += [_fill(rng.choice(pool.paragraphs), rng, people) for _ in range(n_pool)]
    n_gram = rng.randint(3, 8) if grammar_only else rng.randint(0, 2)
    for _ in range(n_gram):
        g = {**v, "person": rng.choice(people), "count": rng.randint(5, 9000), "count2": rng.randint(2, 500),
             "pct": rng.randint(1, 60), "amount": rng.randint(1, 999), "year": rng.randint(1995, 2024)}
        body.append(_fmt(rng.choice(GRAMMAR), g))
    first, rest = body[:2], body[2:]
    rng.shuffle(rest)
    pars += first + rest
    if rng.random() < 0.4:
        pars.insert(rng.randint(len(pars) // 2, len(pars)), rng.choice(BOILERPLATE[:1] + BOILERPLATE[3:5]))
    if rng.random() < 0.3:
        pars.append(rng.choice(BOILERPLATE[1:2] + BOILERPLATE[6:]))
    return title, title + "\n\n" + "\n\n".join(pars) + "\n"


def _wire_copy(rng: random.Random, text: str, outlet: str) -> str:
    """A light rewrite of another outlet's article: new header line, one paragraph dropped, a tagline added."""
    title, _, body = text.partition("\n\n")
    pars = body.rstrip("\n").split("\n\n")
    if len(pars) > 4:
        del pars[rng.randrange(2, len(pars))]
    pars.append(f"({outlet} with wire services; reporting by {_person(rng)})")
    return title + "\n\n" + "\n\n".join(pars) + "\n"


@dataclass
class Generated:
    out_dir: Path
    n_articles: int
    n_stories: int
    drops: list[str]
    pool_origin: str
    n_words: int


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40]


def generate(n_articles: int, seed: int, out_dir: Path, n_drops: int | None = None, source: str = "auto",
             start: datetime = datetime(2024, 3, 1, tzinfo=UTC), pool: Pool | None = None) -> Generated:
    """Write ``n_articles`` distinct synthetic articles under ``out_dir/<drop>/`` with a manifest.csv per drop.

    Deterministic for (n_articles, seed, n_drops, pool). Drops are consecutive days
    (``2024-03-01``, ...); a story's articles go to one drop. Returns counts.
    """
    out_dir = Path(out_dir)
    rng = random.Random(seed)
    if pool is None:
        texts, origin = source_texts(source)
        pool = build_pool(texts, origin)
    grammar_only = not pool.paragraphs
    if n_drops is None:
        n_drops = max(1, min(50, n_articles // 400 or 1))
    per_drop = -(-n_articles // n_drops)
    seen: set[bytes] = set()
    drops: list[str] = []
    n_stories = 0
    n_words = 0
    made = 0
    for d in range(n_drops):
        if made >= n_articles:
            break
        day = start + timedelta(days=d)
        drop_id = day.strftime("%Y-%m-%d")
        folder = out_dir / drop_id
        folder.mkdir(parents=True, exist_ok=True)
        drops.append(drop_id)
        manifest = io.StringIO()
        w = csv.writer(manifest, lineterminator="\n")
        w.writerow(["file", "outlet", "url", "published_at", "title"])
        target = min(n_articles, made + per_drop)
        while made < target:
            size = 1 if rng.random() < 0.15 else rng.randint(3, 6)
            size = min(size, target - made)
            st = _new_story(rng, pool, day)
            n_stories += 1
            outlets = rng.sample(OUTLETS, size)
            texts_in_story: list[str] = []
            for outlet in outlets:
                for _attempt in range(20):
                    if texts_in_story and rng.random() < 0.12:
                        title, text = "", _wire_copy(rng, rng.choice(texts_in_story), outlet)
                        title = text.split("\n", 1)[0]
                    else:
                        title, text = _article(rng, pool, st, outlet, grammar_only)
                    h = hashlib.blake2b(text.encode(), digest_size=12).digest()
                    if h not in seen:
                        break
                seen.add(h)
                texts_in_story.append(text)
                name = f"{made:06d}_{_slug(outlet)}_{_slug(title)[:24]}.txt"
                (folder / name).write_text(text, encoding="utf-8")
                when = day + timedelta(minutes=rng.randint(0, 24 * 60 - 1))
                w.writerow([name, outlet, f"https://{_slug(outlet)}.example/{drop_id}/{made:06d}",
                            when.strftime("%Y-%m-%dT%H:%M:%SZ"), title])
                n_words += len(text.split())
                made += 1
        (folder / "manifest.csv").write_text(manifest.getvalue(), encoding="utf-8")
    return Generated(out_dir=out_dir, n_articles=made, n_stories=n_stories, drops=drops,
                     pool_origin=pool.origin, n_words=n_words)


__all__ = ["Generated", "Pool", "build_pool", "default_gold_dir", "generate", "replicate_processed", "source_texts"]
