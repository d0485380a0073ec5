"""Parsers that read published annual reports (PDF, DOCX, HTML, text) back into the report model."""
