"""The links between screens: opening a firm, creating one, starting an assessment.

Screens never import each other; they emit signals (their own or the
application-wide ones in :class:`desktop.gui.shared.context.AppSignals`) and the
:class:`Navigator` answers them by opening the right dialog or switching the
main window to the right screen.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt


class Navigator(QObject):
    """Connects the screens of a :class:`MainWindow` to each other."""

    def __init__(self, context, window):
        super().__init__(window)
        self.context = context
        self.window = window
        self.last_dialog = None
        firms = window.page("firms")
        firms.open_requested.connect(self.open_firm)
        firms.new_requested.connect(self.new_firm)
        firms.import_requested.connect(self.import_firms)
        firms.export_requested.connect(self.export_firms)
        firms.duplicates_requested.connect(self.show_duplicates)
        context.signals.firm_open_requested.connect(self.open_firm)
        context.signals.assessment_requested.connect(self.start_assessment)
        context.signals.assessment_open_requested.connect(self.open_assessment)
        window.page("settings").restart_required.connect(self.restart_required)

    def open_firm(self, firm_id: str) -> None:
        """Show a firm's profile, classification, assessments and history."""
        from desktop.gui.registry.firm_detail import FirmDetailDialog

        self._show(FirmDetailDialog(self.context, firm_id, self.window))

    def new_firm(self) -> None:
        """Open the form for a new firm."""
        from desktop.gui.registry.firm_form import FirmFormDialog

        self._show(FirmFormDialog(self.context, None, self.window))

    def show_duplicates(self) -> None:
        """Empresas → "Posibles duplicados", reviewed with the Sincronización conflict dialog."""
        from desktop.gui.registry.duplicates_dialog import DuplicatesDialog
        from desktop.gui.sync.conflict_dialog import ConflictDialog

        self.last_dialog = DuplicatesDialog(self.context, ConflictDialog, self.window)
        self.last_dialog.open()

    def import_firms(self) -> None:
        from desktop.gui.registry.import_dialog import ImportDialog

        self._show(ImportDialog(self.context, self.window))

    def export_firms(self) -> None:
        from desktop.gui.registry.export_dialog import export_firms_interactive

        export_firms_interactive(self.context, self.window)

    def _show(self, dialog):
        # Window-modal but not blocking: the event loop keeps running (tests,
        # background tasks), and the dialog frees itself when closed.
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_dialog = dialog
        dialog.open()
        return dialog

    def restart_required(self, _message: str) -> None:
        """After a restore the open database is closed (the page has said so): quit."""
        from PySide6.QtWidgets import QApplication

        self.window.close()
        QApplication.quit()

    def start_assessment(self, firm_id: str) -> None:
        """Switch to Evaluaciones and start a new interview with this firm."""
        page = self.window.page("assessments")
        self.window.show_page("assessments")
        page.start_for_firm(firm_id)

    def open_assessment(self, assessment_id: str) -> None:
        """Switch to Evaluaciones and show a completed assessment (or resume a draft)."""
        from desktop.services.assessments import get_assessment

        page = self.window.page("assessments")
        self.window.show_page("assessments")
        if get_assessment(self.context.storage, assessment_id)["status"] == "draft":
            page.resume(assessment_id)
        else:
            page.show_results(assessment_id)
