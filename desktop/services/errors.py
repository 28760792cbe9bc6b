"""The errors a use case raises that screens and commands handle: the service layer's error types.

``UserError`` (from the domain) is bad input, carried as one sentence; ``StorageError`` and its kin
(from ``db``) are the environment: a locked, read-only, full, corrupt or too-new database. Every one
of them is a ``UserError``, so catching that shows the sentence; the GUI and the command line import
them from here, never from ``db``.
"""

from db.errors import RecordNotFoundError, SchemaTooNewError, StaleRecordError, StorageError
from desktop.domain.errors import DataFileError, UserError

__all__ = ["DataFileError", "RecordNotFoundError", "SchemaTooNewError", "StaleRecordError", "StorageError",
           "UserError"]
