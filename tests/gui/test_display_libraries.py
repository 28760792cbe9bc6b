"""A Linux desktop without Qt's X11 libraries gets the one command that installs them (#18 item 1)."""

from __future__ import annotations

import ctypes.util

import desktop.app as app_module


def test_missing_libraries_are_named_as_debian_packages(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None if name in ("xcb-cursor", "xcb-icccm") else name)
    missing = app_module.missing_display_libraries("linux", {"DISPLAY": ":0"})
    assert missing == ["libxcb-cursor0", "libxcb-icccm4"]
    message = app_module.display_libraries_message(missing)
    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in message


def test_no_check_where_xcb_is_not_used(monkeypatch):
    monkeypatch.setattr(ctypes.util, "find_library", lambda name: None)
    assert app_module.missing_display_libraries("win32", {}) == []
    assert app_module.missing_display_libraries("linux", {"QT_QPA_PLATFORM": "offscreen"}) == []
    assert app_module.missing_display_libraries("linux", {"WAYLAND_DISPLAY": "wayland-0"}) == []


def test_gui_start_says_what_to_install_instead_of_aborting(monkeypatch, capsys, tmp_path):
    monkeypatch.setattr(app_module.QApplication, "instance", staticmethod(lambda: None))
    monkeypatch.setattr(app_module, "missing_display_libraries", lambda: ["libxcb-cursor0"])
    assert app_module.run_gui(db_path=str(tmp_path / "r.db")) == 1
    err = capsys.readouterr().err
    assert "sudo apt install libxcb-cursor0" in err
    assert not (tmp_path / "r.db").exists()  # nothing opened or written
