"""Running the whole pipeline over input files into a store.

Documents are stored batch by batch; the corpus stages then run once, in one
transaction, over every stored article still pending (this run's, and any an
earlier run stored but stopped before completing), so a run that crashes or is
killed at any point leaves a store the next run completes.
"""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from hadath.errors import InputError
from hadath.ingest import iter_files, read_file
from hadath.model import Document
from hadath.pipeline import Pipeline
from hadath.store.db import Store

Warn = Callable[[str], None]
GC_THRESHOLD = 50_000


@dataclass
class RunReport:
    """What one run did: counts, and the problems met (one line each)."""

    files: int = 0
    documents: int = 0
    articles: int = 0
    already_stored: int = 0
    completed: int = 0  # articles an earlier, unfinished run stored, completed by this one
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """False only when nothing could be ingested and something went wrong."""
        return not self.problems or self.documents + self.already_stored > 0

    def summary(self) -> str:
        completed = f"{self.completed} completed from an unfinished run; " if self.completed else ""
        return (
            f"{self.files} file(s): {self.documents} new document(s), {self.articles} article(s); "
            f"{self.already_stored} already stored; {completed}{len(self.problems)} problem(s)"
        )


def _stderr(message: str) -> None:
    print(f"hadath: {message}", file=sys.stderr)


class Runner:
    """Reads inputs, runs the pipeline on each new document, stores it."""

    def __init__(
        self,
        store: Store,
        pipeline: Pipeline | None = None,
        warn: Warn = _stderr,
        batch_size: int = 200,
    ) -> None:
        self.store = store
        self.pipeline = pipeline or Pipeline()
        self.warn = warn
        self.batch_size = batch_size
        self.report = RunReport()
        self._batch: list[Document] = []
        self._batch_keys: set[str] = set()

    def run(self, inputs: Iterable[str], outlet: str | None = None, progress: bool = False):
        # Token objects are many and short-lived: fewer collections keep ~20% of run time.
        gc.set_threshold(GC_THRESHOLD, 20, 20)
        files = list(iter_files(inputs))
        bar = _progress(len(files), progress)
        for item in files:
            if isinstance(item, InputError):
                self._problem(item)
            else:
                self.report.files += 1
                for doc in read_file(item, outlet):
                    self._take(doc)
                    bar.set_postfix_str(self._progress_note(), refresh=False)
                    bar.update(0)  # redraws only when the display interval has passed
            bar.update(1)
        self._flush()
        bar.close()
        self._complete()
        return self.report

    def _complete(self) -> None:
        """Run the corpus stages over the pending articles: all of it, or none of it."""
        pending = self.store.pending_articles()
        if not pending:
            return
        self.report.completed = len(pending) - self.report.articles
        if self.report.completed:
            self.warn(
                f"completing {self.report.completed} article(s) an earlier run stored "
                "but stopped before its corpus stages"
            )
        with self.store.transaction():
            self.pipeline.after_batch(self.store, pending)
            self.store.clear_pending(pending)

    def _progress_note(self) -> str:
        done = self.report.documents + len(self._batch)
        return f"{done} new docs, {self.report.already_stored} stored before"

    def _flush(self) -> None:
        """Commit the pending documents in one transaction (all or none)."""
        self.store.add_documents(self._batch)
        self.report.documents += len(self._batch)
        self.report.articles += sum(len(doc.articles) for doc in self._batch)
        self._batch, self._batch_keys = [], set()

    def _problem(self, error: InputError) -> None:
        self.report.problems.append(str(error))
        self.warn(f"skipped {error}")

    def _take(self, item: Document | InputError) -> None:
        if isinstance(item, InputError):
            self._problem(item)
            return
        doc = item
        if doc.hash in self._batch_keys or self.store.stored_doc_for_hash(doc.hash):
            self.report.already_stored += 1
            return
        if doc.doc_id in self._batch_keys or self.store.has_doc_id(doc.doc_id):
            self._problem(
                InputError(
                    doc.source, f"doc_id {doc.doc_id!r} is already stored with different content"
                )
            )
            return
        self.pipeline(doc)
        if not doc.articles:
            self._problem(InputError(doc.source, "no article text found"))
            return
        self._batch.append(doc)
        self._batch_keys.update((doc.hash, doc.doc_id))
        if len(self._batch) >= self.batch_size:
            self._flush()


class _Quiet:
    def update(self, n: int) -> None: ...
    def set_postfix_str(self, s: str, refresh: bool = True) -> None: ...
    def close(self) -> None: ...


class _Lines:
    """Progress for non-terminals: a line to stderr every few seconds."""

    def __init__(self, total: int, every: float = 5.0) -> None:
        self.total, self.done, self.every = total, 0, every
        self.last = time.monotonic()
        self.postfix = ""

    def update(self, n: int) -> None:
        self.done += n
        self._maybe_print()

    def set_postfix_str(self, s: str, refresh: bool = True) -> None:
        self.postfix = s

    def _maybe_print(self) -> None:
        if time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            _stderr(f"{self.done}/{self.total} files, {self.postfix}")

    def close(self) -> None: ...


def _progress(total: int, wanted: bool):
    if not wanted:
        return _Quiet()
    if sys.stderr.isatty():
        from tqdm import tqdm

        return tqdm(total=total, unit="file", file=sys.stderr, leave=False)
    return _Lines(total)
