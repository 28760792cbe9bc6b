"""On a device enrolled as the national coordination's, the firm form says why it saves nothing and
keeps what was typed (issue 31; tests/sync/test_national_device.py covers the services)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from db.errors import MESSAGES
from db.sync.peers import set_server_settings
from desktop.gui.registry.firm_form import FirmFormDialog
from desktop.services.registry import firms
from tests.gui.typing import type_text


def test_the_firm_form_says_it_and_keeps_what_was_typed(context, qtbot, dialogs):
    set_server_settings(context.storage, scope="national")
    form = FirmFormDialog(context)
    qtbot.addWidget(form)
    form.show()
    type_text(qtbot, form.editor("legal_name"), "Panadería La Espiga")
    typed = form.values()
    assert form.save() is False
    assert [str(e) for e in dialogs.errors] == [MESSAGES["national"]]
    assert form.values() == typed and form.isVisible()
    assert firms.count_firms(context.storage) == 0
    qtbot.keyClick(form, Qt.Key.Key_Escape)
