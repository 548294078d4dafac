"""newsagree pipeline stages: pure functions, one module per stage, wrapped by Prefect tasks in flows/."""

PIPELINE_VERSION = "0.1.0"
