"""One reader per input format (text, markdown, html, json)."""
from tasks.ingest.readers.html import read_html
from tasks.ingest.readers.json import _doc_from_object
from tasks.ingest.readers.markdown import markdown_to_text, read_markdown

__all__ = ["read_html", "read_markdown", "markdown_to_text", "_doc_from_object"]
