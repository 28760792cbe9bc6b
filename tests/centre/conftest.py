"""A real PostgreSQL server for the centre's tests: a throwaway cluster started from the
distribution's install (``tests/centre/cluster.py``), one fresh database per test.

Tests that need it are marked ``postgres``. Without PostgreSQL installed they are skipped on
a developer's machine and fail under CI (``CI=true``), which installs it (``.ci/run``).
"""

from __future__ import annotations

import os
import uuid

import pytest

from tests.centre.cluster import NoPostgres, cluster


@pytest.fixture(scope="session")
def pg_cluster():
    """(host, port, superuser password) of a cluster that lives for the session."""
    try:
        with cluster() as running:
            yield running
    except NoPostgres as exc:
        if os.environ.get("CI"):
            pytest.fail(f"{exc}; .ci/run installs it from the distribution's packages")
        pytest.skip(str(exc))


@pytest.fixture
def pg_url(pg_cluster):
    """The owner's URL of a fresh, empty database (dropped after the test, with its device roles)."""
    import psycopg

    host, port, password = pg_cluster
    admin = f"postgresql://postgres:{password}@{host}:{port}/postgres"
    name = f"rumbo_{uuid.uuid4().hex[:10]}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    yield f"postgresql://postgres:{password}@{host}:{port}/{name}"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        for (role,) in conn.execute("SELECT rolname FROM pg_roles WHERE rolname LIKE 'rumbo\\_%%' "
                                    "AND rolname <> 'rumbo_device'").fetchall():
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


@pytest.fixture(autouse=True)
def forget_keys():
    """The encrypted databases these tests make stay unlocked for the process (``db.keys.remember``):
    forget them after each test, so that no later test meets a key it did not unlock."""
    from db import keys

    before = set(keys._unlocked)
    yield
    for path in set(keys._unlocked) - before:
        keys.forget(path)


@pytest.fixture
def shown_page(qtbot, tmp_path):
    """Open a screen as the app would, on ``storage``: ``shown_page(PageClass, storage)``."""
    from PySide6.QtCore import QSettings

    from desktop.gui.shared.context import AppContext
    from desktop.gui.shared.tasks import SyncRunner

    def open_page(page_class, storage, size=(1000, 640)):
        context = AppContext(storage, runner=SyncRunner(),
                             settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
        page = page_class(context)
        qtbot.addWidget(page)
        page.resize(*size)
        page.show()
        return page

    return open_page
