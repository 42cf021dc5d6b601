"""Errors that reach the user as one clear line."""

from __future__ import annotations


class HadathError(Exception):
    """Base class of every error hadath reports to the user."""


class InputError(HadathError):
    """An input file (or one record of it) cannot be ingested."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class DataFileError(HadathError):
    """A knowledge data file (YAML/TSV) is missing or malformed."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
