"""Editions: variants, per-variant views, and the EPUB, HTML and text renderers."""
