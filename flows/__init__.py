"""Thin Prefect flows and the `newsagree` command line."""
