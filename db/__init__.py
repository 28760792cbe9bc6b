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
- ``search``: ``FirmQuery`` with ``count``, ``ids`` and ``rows_by_ids`` for
  the lazy firm list (FTS5, accent-insensitive prefixes).
- ``backup``: online backup, checked restore, integrity check, rotating
  automatic backups.
"""
