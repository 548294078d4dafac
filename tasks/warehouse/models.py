"""Model files: parse their headers, check their materialisation, order them (dependencies, phases)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tasks.settings import SQL_DIR

MODEL_DIRS = ("staging", "marts", "agreement")
FINGERPRINT_SQL = Path("incremental") / "story_fingerprints.sql"

_SOURCE_RE = re.compile(r"\{\{\s*source\(\s*['\"](?P<name>\w+)['\"]\s*\)\s*\}\}")
_DEDUP_RE = re.compile(r"\{\{\s*deduplicate\(\s*'(?P<rel>\w+)'\s*,\s*'(?P<by>[\w\s,]+)'\s*,\s*'(?P<order>[^']+)'\s*\)\s*\}\}")
_INCREMENTAL_RE = re.compile(r"\{\{\s*incremental_stories\(\s*'(?P<expr>[^']+)'\s*\)\s*\}\}")
_IDENT_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_HEADER_RE = re.compile(
    r"^--\s*(?P<key>model|description|depends_on|column|test|materialized|unique_key)\b\s*(?P<rest>.*)$")



@dataclass
class Model:
    name: str
    path: Path
    kind: str                      # view | table
    sql: str
    description: str = ""
    depends_on: list[str] = field(default_factory=list)
    columns: dict[str, str] = field(default_factory=dict)
    materialized: str = ""         # "incremental" for story-scoped models built only for changed stories
    unique_key: str = ""           # incremental models: the column their rows are replaced by (story_id)

    @property
    def incremental(self) -> bool:
        return self.materialized == "incremental"


def parse_model(path: Path) -> Model:
    """Read a model file and its header comments (model, description, depends_on, column ...)."""
    text = path.read_text(encoding="utf-8")
    name = path.stem
    kind = "view" if path.parent.name == "staging" else "table"
    m = Model(name=name, path=path, kind=kind, sql=text)
    desc: list[str] = []
    in_desc = False            # a description may continue on the following comment lines
    for line in text.splitlines():
        line = line.strip()
        if not line.startswith("--"):
            if line:
                break
            continue
        hm = _HEADER_RE.match(line)
        if not hm:
            cont = line[2:].strip()
            if in_desc and cont:
                desc.append(cont)
            continue
        key, rest = hm.group("key"), hm.group("rest").strip()
        in_desc = key in ("description", "test")
        if key == "model":
            m.name = rest.lstrip(":").strip() or name
        elif key in ("description", "test"):
            desc = [rest.lstrip(":").strip()]
        elif key == "depends_on":
            m.depends_on = [d.strip() for d in rest.lstrip(":").split(",") if d.strip()]
        elif key == "column":
            col, _, doc = rest.partition(":")
            m.columns[col.strip()] = doc.strip()
        elif key == "materialized":
            m.materialized = rest.lstrip(":").strip()
        elif key == "unique_key":
            m.unique_key = rest.lstrip(":").strip()
    m.description = " ".join(desc)
    return m


def load_models(sql_dir: Path = SQL_DIR) -> list[Model]:
    models = []
    for sub in MODEL_DIRS:
        for p in sorted((sql_dir / sub).glob("*.sql")):
            models.append(parse_model(p))
    return models


def order_models(models: list[Model]) -> list[Model]:
    """Topological order by depends_on; ties broken by layer then name. Unknown deps are an error."""
    by_name = {m.name: m for m in models}
    for m in models:
        missing = [d for d in m.depends_on if d not in by_name]
        if missing:
            raise ValueError(f"model {m.name} ({m.path}) depends on unknown model(s): {missing}")
    layer = {m.name: MODEL_DIRS.index(m.path.parent.name) for m in models}
    done: list[Model] = []
    state: dict[str, int] = {}

    def visit(m: Model, stack: tuple[str, ...]) -> None:
        if state.get(m.name) == 2:
            return
        if state.get(m.name) == 1:
            raise ValueError(f"dependency cycle: {' -> '.join(stack + (m.name,))}")
        state[m.name] = 1
        for d in sorted(m.depends_on, key=lambda n: (layer[n], n)):
            visit(by_name[d], stack + (m.name,))
        state[m.name] = 2
        done.append(m)

    for m in sorted(models, key=lambda m: (layer[m.name], m.name)):
        visit(m, ())
    return done



def check_models(models: list[Model]) -> None:
    """Materialisation headers must be consistent: an incremental model is a story-scoped table keyed on
    story_id that marks where the story enters; no other model may use the macro. Model names and keys are
    plain identifiers (they name tables in SQL text)."""
    for m in models:
        uses_macro = bool(_INCREMENTAL_RE.search(m.sql))
        where = f"model {m.name!r} ({m.path})"
        if not _IDENT_RE.match(m.name) or (m.unique_key and not _IDENT_RE.match(m.unique_key)):
            raise ValueError(f"{where}: model names and unique keys are identifiers ([A-Za-z_][A-Za-z0-9_]*)")
        if m.materialized not in ("", "incremental"):
            raise ValueError(f"{where}: unknown materialization {m.materialized!r} (only 'incremental')")
        if not m.incremental:
            if uses_macro:
                raise ValueError(f"{where} uses incremental_stories() but is not `-- materialized: incremental`")
            continue
        if m.kind != "table":
            raise ValueError(f"{where}: a staging view cannot be incremental")
        if m.unique_key != "story_id":
            raise ValueError(f"{where}: incremental models need `-- unique_key: story_id` (got {m.unique_key!r})")
        if not uses_macro:
            raise ValueError(f"{where}: an incremental model marks where the story enters with "
                             "{{ incremental_stories('<story_id expression>') }}")


def load_fingerprint(sql_dir: Path = SQL_DIR) -> Model | None:
    """The story fingerprint query (sql/incremental/story_fingerprints.sql), None when the model set has none."""
    path = Path(sql_dir) / FINGERPRINT_SQL
    return parse_model(path) if path.exists() else None


def check_fingerprint_covers(models: list[Model], fingerprint: Model | None) -> None:
    """Every input of an incremental model is incremental itself, hashed by the story fingerprint, or constant
    (no inputs at all): otherwise a change in it would go unnoticed and stale rows be reused."""
    by_name = {m.name: m for m in models}
    for m in models:
        if not m.incremental:
            continue
        if fingerprint is None:
            raise ValueError(f"incremental model {m.name} needs the story fingerprint query {FINGERPRINT_SQL}")
        for d in m.depends_on:
            dep = by_name.get(d)
            if dep is None or dep.incremental or d in fingerprint.depends_on:
                continue
            if not dep.depends_on and not _SOURCE_RE.search(dep.sql):
                continue
            raise ValueError(f"incremental model {m.name} reads {d}, which is neither incremental nor an input "
                             f"of the story fingerprint ({fingerprint.path}): add it there or rebuild {m.name} fully")



def phase_order(models: list[Model]) -> list[Model]:
    """Topological order regrouped in three phases: the models the incremental ones build on (no incremental
    model upstream), every incremental model, then the rest - so the story-scoped models can run together,
    chunk by chunk. A non-incremental input of an incremental model must belong to the first phase."""
    ordered = order_models(models)
    after_incremental: set[str] = set()
    for m in ordered:
        if m.incremental or any(d in after_incremental for d in m.depends_on):
            after_incremental.add(m.name)
    pre = [m for m in ordered if m.name not in after_incremental]
    inc = [m for m in ordered if m.incremental]
    post = [m for m in ordered if m.name in after_incremental and not m.incremental]
    post_names = {m.name for m in post}
    for m in inc:
        bad = [d for d in m.depends_on if d in post_names]
        if bad:
            raise ValueError(f"incremental model {m.name} ({m.path}) reads {bad}, which depend on incremental models "
                             "without being incremental themselves")
    return pre + inc + post


