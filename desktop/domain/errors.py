"""Typed errors that carry a sentence an adviser can read.

The domain raises these; the CLI prints ``message`` and exits with status 2,
the GUI shows it through one helper. ``field`` names the input at fault, when
there is one, so a form can mark it.
"""

from __future__ import annotations


class UserError(Exception):
    """Bad input from the user: shown as one plain sentence, never a traceback.

    Args:
        message: the sentence to show, in the user's language (Spanish by default).
        field: the name of the input field at fault, if any.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class DataFileError(Exception):
    """A shipped data file (rulebook, questionnaire, catalogue) is malformed.

    This is a defect of the installation or of a data file being authored, so it
    names the file and the problem precisely.
    """

    def __init__(self, path: str, problem: str):
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem
