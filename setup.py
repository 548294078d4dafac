"""The one thing pyproject.toml cannot say: the package list is *found* (flows/, tasks/ and every package
helpers split out under them) *and* includes the top-level sql/ folder, shipped as the package `newsagree_sql`
(pyproject's `packages` takes either a list or a find directive, not both). Everything else is in pyproject.toml.
"""
from setuptools import find_packages, setup

setup(packages=find_packages(include=["flows", "flows.*", "tasks", "tasks.*"]) + ["newsagree_sql"])
