"""Arabic date expressions and the publication date inferred from an article's text."""

from hadath.dates.expressions import DateExpr, find_dates, resolve
from hadath.dates.published import infer_published

__all__ = ["DateExpr", "find_dates", "infer_published", "resolve"]
