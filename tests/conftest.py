"""Shared fixtures. Qt runs offscreen so the suite needs no display."""

from __future__ import annotations

import os
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The support log of every in-process and subprocess run goes to a throw-away folder,
# never into the real user's data folder.
os.environ.setdefault("RUMBO_LOG_DIR", tempfile.mkdtemp(prefix="rumbo-test-logs-"))
# The count of failed sign-ins kept in the user's state folder (platformdirs honours
# XDG_STATE_HOME on Linux) goes to a throw-away folder too.
os.environ.setdefault("XDG_STATE_HOME", tempfile.mkdtemp(prefix="rumbo-test-state-"))
