"""requirements.lock agrees with pyproject.toml: every declared requirement (dependencies, the test and dev
extras, the build requirements) is pinned exactly once at a version its specifier allows, and every pin was
written by pip-compile (`# via` says which requirement pulled it in), not frozen from a virtualenv."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parents[2]
PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)\s*$")


def _pins() -> dict[str, str]:
    pins: dict[str, str] = {}
    lines = (REPO / "requirements.lock").read_text().splitlines()
    for i, line in enumerate(lines):
        m = PIN.match(line)
        if not m:
            continue
        name = canonicalize_name(m.group(1))
        assert name not in pins, f"{name} pinned twice"
        assert i + 1 < len(lines) and lines[i + 1].lstrip().startswith("# via"), f"{line}: not from pip-compile"
        pins[name] = m.group(2)
    return pins


def _declared() -> list[Requirement]:
    meta = tomllib.loads((REPO / "pyproject.toml").read_text())
    reqs = list(meta["project"]["dependencies"]) + list(meta["build-system"]["requires"])
    for extra in meta["project"].get("optional-dependencies", {}).values():
        reqs += extra
    return [Requirement(r) for r in reqs]


def test_every_declared_requirement_is_pinned_within_its_specifier():
    pins = _pins()
    for req in _declared():
        name = canonicalize_name(req.name)
        assert name in pins, f"{req} is declared in pyproject.toml but not pinned in requirements.lock (make lock)"
        assert req.specifier.contains(pins[name], prereleases=True), f"lock pins {name}=={pins[name]}, pyproject says {req}"

