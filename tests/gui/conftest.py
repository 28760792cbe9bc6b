"""Fixtures for the GUI tests: a fresh database and an application context.

The context uses :class:`SyncRunner`, so background work runs at once and a
test sees its result on the next line, and an ini-file QSettings in the test's
folder, so no test touches the user's real preferences.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from desktop.gui.shared.context import AppContext
from desktop.gui.shared.tasks import SyncRunner
from desktop.services.profile import create_adviser
from desktop.services.storage import open_database


@pytest.fixture(autouse=True)
def plain_text_labels(qapp):
    """As in the app: labels show user text as typed (desktop.gui.shared.plain_text)."""
    from desktop.gui.shared import plain_text

    plain_text.install(qapp)


@pytest.fixture
def storage(tmp_path):
    """An empty, migrated Rumbo database in the test's folder."""
    opened = open_database(tmp_path / "rumbo.db", device_name="Equipo de pruebas")
    yield opened
    opened.close()


@pytest.fixture
def bare_context(storage, tmp_path):
    """An application context with no adviser chosen yet (first start)."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    return AppContext(storage, runner=SyncRunner(), settings=settings)


@pytest.fixture
def context(bare_context):
    """An application context with an adviser created and chosen."""
    adviser = create_adviser(bare_context.storage, name="Ana Martínez", centre="CDMYPE San Miguel",
                             email="ana@cdmype.org.sv")
    bare_context.adviser_id = adviser["id"]
    return bare_context


class DialogLog:
    """What the message helpers were asked to show, instead of modal boxes."""

    def __init__(self):
        self.errors: list[BaseException] = []
        self.confirms: list[tuple[str, str]] = []
        self.infos: list[tuple[str, str]] = []
        self.answer = True


@pytest.fixture
def dialogs(monkeypatch):
    """Never block on a modal message box: record it (and answer Yes to confirmations).

    A test sets ``dialogs.answer = False`` to answer No. Ask for it in any test
    whose widget may ask or warn (closing a form with changes asks).
    """
    from desktop.gui.shared import messages

    log = DialogLog()

    def confirm(parent, title, question):
        log.confirms.append((title, question))
        return log.answer

    monkeypatch.setattr(messages, "show_error", lambda parent, exc: log.errors.append(exc))
    monkeypatch.setattr(messages, "confirm", confirm)
    monkeypatch.setattr(messages, "inform", lambda parent, title, text: log.infos.append((title, text)))
    return log


@pytest.fixture(autouse=True)
def spanish_locale():
    """Numbers and dates as the app shows them by default (gui.i18n sets the same)."""
    from PySide6.QtCore import QLocale

    previous = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.LatinAmerica))
    yield
    QLocale.setDefault(previous)
