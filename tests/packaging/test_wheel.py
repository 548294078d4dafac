"""Scenario: someone installs newsagree from its wheel (not editable) and runs it away from any checkout.

The wheel is built from a copy of the source tree, installed with `pip install --no-deps` into a fresh
virtualenv whose dependencies come from the project's environment (a `.pth` line to its site-packages: the
project's own packages there — an editable install — are not imported, only third-party ones), and the
installed `newsagree` console script runs the sample drop from a temporary folder outside the repository:
`run` (cold, with its own temporary Prefect API) builds the warehouse from the SQL models shipped as package
data, a second `run` finds nothing new without importing Prefect or spaCy, `report` writes the HTML report with its templates and assets, `status` reads it back.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import duckdb
import pytest

pytestmark = pytest.mark.slow
REPO = Path(__file__).resolve().parents[2]
ROOT_ONLY = {".git", ".venv", "data", "report", "build", "dist"}        # top-level folders that are no source
ANYWHERE = shutil.ignore_patterns("*.egg-info", "__pycache__", ".pytest_cache", ".hypothesis", ".bench",
                                  ".mypy_cache", ".ruff_cache")


def SOURCE_IGNORE(folder: str, names: list[str]) -> set[str]:
    skip = set(ANYWHERE(folder, names))
    return skip | (ROOT_ONLY & set(names)) if Path(folder) == REPO else skip


def _clean_env() -> dict[str, str]:
    """No PYTHONPATH (the checkout), no virtualenv or newsagree/Prefect settings of the calling session."""
    return {k: v for k, v in os.environ.items()
            if not k.startswith(("NEWSAGREE_", "PREFECT_API_URL", "PYTHON", "VIRTUAL_ENV"))}


def _sh(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    kw.setdefault("env", _clean_env())
    res = subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)
    assert res.returncode == 0, f"{cmd} -> {res.returncode}\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}"
    return res


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    """The wheel, built (no build isolation: no network) from a copy of the source tree."""
    src = tmp_path_factory.mktemp("src") / "newsagree"
    shutil.copytree(REPO, src, ignore=SOURCE_IGNORE)
    out = tmp_path_factory.mktemp("dist")
    _sh([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
         "--disable-pip-version-check", "-w", str(out), str(src)])
    (whl,) = out.glob("newsagree-*.whl")
    return whl


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory) -> Path:
    """A fresh venv with only the wheel installed; returns its bin/ folder."""
    venv = tmp_path_factory.mktemp("venv") / "v"
    _sh([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    py = venv / "bin" / "python"
    purelib = Path(_sh([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip())
    _sh([sys.executable, "-m", "pip", "--python", str(py), "install", "--quiet", "--no-deps",
         "--disable-pip-version-check", str(wheel)])
    # after the install: with the project's site-packages visible, pip would see its (editable) newsagree
    # as already installed and skip the wheel
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (purelib / "_project_deps.pth").write_text("\n".join(sorted(deps)) + "\n")
    assert (purelib / "tasks" / "settings.py").is_file() and (purelib / "newsagree_sql").is_dir()
    return venv / "bin"


def test_wheel_ships_sql_models_rules_and_report_files(wheel: Path):
    names = set(zipfile.ZipFile(wheel).namelist())
    for sql in (REPO / "sql").rglob("*.sql"):
        assert f"newsagree_sql/{sql.relative_to(REPO / 'sql').as_posix()}" in names, sql
    for folder in ("flows", "tasks"):   # every file of the code folders: modules, rules, templates, model data
        for f in (REPO / folder).rglob("*"):
            if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
                assert f.relative_to(REPO).as_posix() in names, f"{f} is not in the wheel (pyproject package-data)"


def test_installed_newsagree_runs_the_sample_outside_the_checkout(installed: Path, tmp_path: Path):
    work = tmp_path / "elsewhere"
    shutil.copytree(REPO / "data" / "raw" / "sample", work / "data" / "raw" / "sample")
    env = _clean_env()
    env.update({"PREFECT_HOME": str(tmp_path / "prefect"), "PATH": f"{installed}:{env.get('PATH', '')}",
                "PREFECT_SERVER_ANALYTICS_ENABLED": "false"})
    newsagree = str(installed / "newsagree")

    where = _sh([str(installed / "python"), "-c",
                 "import tasks.settings as s, flows.cli as c; print(s.SQL_DIR); print(c.__file__)"],
                cwd=work, env=env).stdout.split()
    assert all(not p.startswith(str(REPO)) for p in where), where   # the installed code, not the checkout
    assert where[0].endswith("newsagree_sql")

    run = _sh([newsagree, "run", "--runner", "thread"], cwd=work, env=env)
    assert "FAILED" not in run.stdout + run.stderr
    warehouse = work / "data" / "warehouse.duckdb"
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("select count(*) from articles").fetchone()[0] == 5
        assert con.execute("select count(*) from claim_agreement").fetchone()[0] > 0
    finally:
        con.close()

    # a second run finds nothing new: recorded without importing Prefect or spaCy (no API, no model)
    noop = _sh([str(installed / "python"), "-X", "importtime", "-m", "flows.cli", "run"], cwd=work, env=env)
    assert "nothing new" in noop.stdout
    imported = {line.rsplit("|", 1)[-1].strip() for line in noop.stderr.splitlines() if "import time:" in line}
    assert "tasks.runs" in imported and not {"prefect", "spacy"} & imported

    report = _sh([newsagree, "report", "--out", "site"], cwd=work, env=env)
    index = work / "site" / "index.html"
    assert str(index.name) in report.stdout and index.stat().st_size > 1000
    assert list((work / "site" / "assets").glob("*.css"))
    status = _sh([newsagree, "status"], cwd=work, env=env)
    assert "articles" in status.stdout
