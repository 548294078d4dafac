"""The SQL models as package data: installed as the package ``newsagree_sql`` (see pyproject.toml and
``tasks.settings.sql_dir``). Nothing to import here."""
