"""Storage package: connection, migrations, repositories, search, change log,
bundles and backups. Every SQL statement of the project lives here. No Qt.

Where things are:

- ``connection``: ``open_storage(path) -> Storage`` (pragmas, version check,
  migrations, device row); ``Storage.write()`` is the write transaction.
- ``schema``: the numbered migrations (``MIGRATIONS``, ``SCHEMA_VERSION``).
- ``errors``: ``StorageError`` (locked, read-only, disk full, corrupt ...),
  ``SchemaTooNewError``, ``RecordNotFoundError``, ``StaleRecordError``.
- ``records`` and ``changelog``: the record model (id, timestamps, author,
  rev, origin, tombstone) and the change log written with every write;
  ``changelog.history(storage, table, id)`` is the readable history.
- Repositories, one per kind of record: ``firms`` (with the bulk
  ``insert_firms``), ``advisers``, ``contacts`` (and notes), ``assessments``
  (and answers), ``settings``, ``devices``.
- ``backup``: online backup, checked restore, integrity check, rotating
  automatic backups.
- ``queries/``: read-only queries. ``search`` (``FirmQuery`` with ``count``,
  ``ids`` and ``rows_by_ids`` for the lazy firm list; FTS5, accent-insensitive
  prefixes) and ``search_hits``, ``dashboard``, ``reports``, ``firm_io`` (bulk
  import and export), ``firm_lookup``.
- ``sync/``: field bundles. ``format`` (the file), ``state`` (replication log,
  versions), ``peers``, ``conflicts``, ``exchange`` (export and import),
  ``schema`` (the bundle tables' own migrations).

The core modules (connection, schema, records, changelog) import neither
``queries`` nor ``sync`` (except the bundle tables' migrations, run at open).
"""

from db import driver as _driver  # noqa: E402,F401 - SQLCipher before sqlite-utils (see db/driver.py)
