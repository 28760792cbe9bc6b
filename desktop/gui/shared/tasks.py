"""Background work with progress and cancel; results come back on the main thread.

One helper for every long operation (import, export, backup, report batches),
after Anki's ``operations`` module:

- the work function never touches widgets: it receives a :class:`Progress`
  to report on and to ask whether the user cancelled;
- its result (or its exception) is delivered to callbacks on the main thread;
- work that writes the database runs on one dedicated thread, so writes are
  serialised; each work function opens its own connection (SQLite connections
  must stay on the thread that made them);
- the progress dialog appears only if the work lasts more than about half a
  second, and its Cancel button sets the cancel flag.

Tests pass :class:`SyncRunner`, which runs the work at once on the calling thread.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

PROGRESS_DELAY_MS = 500


class Cancelled(Exception):
    """Raised by work that stopped because the user cancelled."""


class Progress:
    """What a work function sees: report progress, check for cancellation.

    Thread-safe: the work thread writes, the main thread's timer reads.
    """

    def __init__(self):
        self._lock = threading.Lock()
        self._done = 0
        self._total = 0
        self._text = ""
        self._cancel = threading.Event()

    def update(self, done: int, total: int | None = None, text: str | None = None) -> None:
        """Report ``done`` steps out of ``total`` (None keeps the previous total)."""
        with self._lock:
            self._done = done
            if total is not None:
                self._total = total
            if text is not None:
                self._text = text

    def snapshot(self) -> tuple[int, int, str]:
        with self._lock:
            return self._done, self._total, self._text

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        """Raise :class:`Cancelled` if the user asked to stop."""
        if self._cancel.is_set():
            raise Cancelled()


class TaskRunner(QObject):
    """Runs work functions on one background thread and reports on the main thread.

    The work runs in a plain Python thread (``concurrent.futures``), and a
    main-thread timer notices when it is done, so no Qt object is ever used
    off the main thread and no Python object crosses threads through Qt.
    """

    POLL_MS = 30

    def __init__(self, parent: QObject | None = None, executor: ThreadPoolExecutor | None = None):
        super().__init__(parent)
        # One thread: database writes never overlap.
        self.executor = executor or ThreadPoolExecutor(max_workers=1, thread_name_prefix="rumbo-task")
        self._pending: list[tuple[Future, Callable[[Future], None]]] = []
        self._timer = QTimer(self)
        self._timer.setInterval(self.POLL_MS)
        self._timer.timeout.connect(self._deliver)

    def run(self, work: Callable[[Progress], Any], on_done: Callable[[Any], None],
            on_error: Callable[[BaseException], None] | None = None, *,
            label: str = "", parent_widget: QWidget | None = None, cancellable: bool = True,
            show_progress: bool = True) -> Progress:
        """Start ``work(progress)``; call ``on_done(result)`` or ``on_error(exc)`` after.

        Both callbacks run on the main thread. ``show_progress=False`` is for
        housekeeping the adviser did not ask for (no dialog, however long). A :class:`Cancelled` exception
        from the work goes to ``on_error`` like any other, so the caller can
        say the work was cancelled.
        """
        progress = Progress()
        dialog = _ProgressDialog(label, progress, parent_widget, cancellable, enabled=show_progress)

        def report(future: Future) -> None:  # on the main thread
            dialog.finish()
            error = future.exception()
            if error is None:
                on_done(future.result())
            elif on_error is not None:
                on_error(error)
            else:
                raise error

        self._pending.append((self.executor.submit(work, progress), report))
        self._timer.start()
        return progress

    @property
    def busy(self) -> bool:
        """True while work is queued or running (its result not yet delivered)."""
        return bool(self._pending)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for queued work to finish and deliver its results (tests, shutdown)."""
        deadline = None if msecs < 0 else time.monotonic() + msecs / 1000
        for future, _report in list(self._pending):
            timeout = None if deadline is None else max(0.0, deadline - time.monotonic())
            try:
                future.exception(timeout=timeout)
            except FutureTimeout:
                return False
        self._deliver()
        return True

    def _deliver(self) -> None:
        still = []
        done = []
        for future, report in self._pending:
            (done if future.done() else still).append((future, report))
        self._pending = still
        if not still:
            self._timer.stop()
        for future, report in done:
            report(future)


class SyncRunner:
    """A :class:`TaskRunner` stand-in for tests: runs work immediately, in order."""

    busy = False

    def run(self, work, on_done, on_error=None, *, label="", parent_widget=None, cancellable=True,
            show_progress=True) -> Progress:
        progress = Progress()
        try:
            result = work(progress)
        except BaseException as exc:
            if on_error is None:
                raise
            on_error(exc)
        else:
            on_done(result)
        return progress

    def wait(self, msecs: int = -1) -> bool:
        return True


class _ProgressDialog:
    """A progress dialog that shows itself only for work lasting over the delay."""

    def __init__(self, label: str, progress: Progress, parent: QWidget | None, cancellable: bool,
                 enabled: bool = True):
        self.progress = progress
        self.dialog: QProgressDialog | None = None
        self.label = label
        self.parent = parent
        self.cancellable = cancellable
        self.timer = QTimer()
        self.timer.setInterval(100)
        self.timer.timeout.connect(self._tick)
        self.elapsed = 0
        if enabled:
            self.timer.start()

    def _tick(self) -> None:
        self.elapsed += self.timer.interval()
        if self.dialog is None and self.elapsed >= PROGRESS_DELAY_MS:
            self.dialog = QProgressDialog(self.label, "Cancelar" if self.cancellable else None,
                                          0, 0, self.parent)
            self.dialog.setObjectName("taskProgress")
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(0)
            # Room for the longer texts a task names its steps with ("Guardando en la base de datos…").
            self.dialog.setMinimumWidth(self.dialog.fontMetrics().averageCharWidth() * 48)
            self.dialog.canceled.connect(self.progress.cancel)
            self.dialog.show()
        if self.dialog is not None:
            if self.dialog.wasCanceled():  # Esc or the button; also covers a programmatic cancel
                self.progress.cancel()
            done, total, text = self.progress.snapshot()
            self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total) if total else 0)
            if text and text != self.dialog.labelText():
                self.dialog.setLabelText(text)

    def finish(self) -> None:
        self.timer.stop()
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
