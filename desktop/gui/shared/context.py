"""What every screen shares: the open database, the adviser at the keyboard,
the language, the background task runner, and signals that tell screens the
data changed (so the firm list refreshes after an edit or an import)."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSettings, Signal

from desktop.services.advisers import current_adviser, set_current_adviser


class AppSignals(QObject):
    """Application-wide notifications between screens."""

    firms_changed = Signal()           # a firm was added, edited, deleted or imported
    firm_open_requested = Signal(str)  # open this firm's detail (id)
    assessments_changed = Signal(str)  # firm id whose assessments changed
    settings_changed = Signal()        # business settings or adviser changed
    assessment_requested = Signal(str)       # start a new assessment of this firm (id)
    assessment_open_requested = Signal(str)  # show this assessment (id): results, or resume a draft


class AppContext:
    """Shared state handed to every screen.

    Attributes:
        storage: the open ``db.connection.Storage``.
        lang: "es" or "en".
        runner: a ``desktop.gui.shared.tasks.TaskRunner`` (``SyncRunner`` in tests).
        signals: :class:`AppSignals`.
        settings: UI preferences (QSettings); business parameters live in the database.
    """

    def __init__(self, storage, lang: str = "es", runner=None, settings: QSettings | None = None):
        from desktop.gui.shared.tasks import TaskRunner

        self.storage = storage
        self.lang = lang
        self.runner = runner if runner is not None else TaskRunner()
        self.signals = AppSignals()
        self.settings = settings if settings is not None else QSettings("Rumbo", "Rumbo")

    @property
    def adviser_id(self) -> str | None:
        """The adviser stamped as author of every change made in the GUI.

        Kept by the database as this device's current adviser (it never
        travels in bundles), so the GUI and the database cannot disagree.
        """
        adviser = current_adviser(self.storage)
        return adviser["id"] if adviser else None

    @adviser_id.setter
    def adviser_id(self, value: str | None) -> None:
        set_current_adviser(self.storage, value or None)
        self.signals.settings_changed.emit()
