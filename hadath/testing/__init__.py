"""Helpers for testing hadath on realistic input (dressing clean articles as scraped pages)."""
