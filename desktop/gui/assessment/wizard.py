"""The readiness interview: one page per dimension, made for sitting with the owner.

Every change on a question card is saved at once through
:mod:`desktop.services.assessments`, so the draft in the database is always
what the screen shows: a crash or a closed laptop loses nothing, and opening
the wizard again with the assessment's id resumes it. Questions that do not
apply to the firm (``applies_if``, which may depend on earlier answers) are
hidden as soon as the answer that rules them out is given.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import Answer
from desktop.gui.assessment.question_cards import QuestionCard, _html
from desktop.gui.shared import messages
from desktop.gui.shared.accessibility import add_shortcut, tone
from desktop.services import assessments as service
from desktop.services.registry.firms import get_firm
from desktop.gui.shared.plain_text import rich


class AssessmentWizard(QWidget):
    """Interview wizard for one assessment of one firm.

    Args:
        context: the :class:`~desktop.gui.shared.context.AppContext`.
        firm_id: the firm being assessed.
        assessment_id: None starts a new draft; an id resumes that assessment.

    Signals:
        completed(str): the assessment id, after it was scored and stored.
        closed(): the adviser left the wizard (the draft is already saved).
    """

    completed = Signal(str)
    closed = Signal()

    def __init__(self, context, firm_id: str, assessment_id: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.firm_id = firm_id
        lang = context.lang
        storage = context.storage
        firm = get_firm(storage, firm_id)
        if firm is None:
            raise ValueError(f"no live firm {firm_id}")
        if assessment_id is None:
            assessment = service.start_draft(storage, firm_id, context.adviser_id)
            context.signals.assessments_changed.emit(firm_id)
        else:
            assessment = service.get_assessment(storage, assessment_id)
        self.assessment_id = assessment["id"]
        self.questionnaire = service.questionnaire_of(assessment)
        self.firm_context = service.firm_context(firm)
        self.answers: dict[str, Answer] = service.load_answers(storage, self.assessment_id)
        self.read_only = assessment["status"] != "draft"

        heading = QLabel(f"<b>{_html(firm['legal_name'])}</b> — {_html(self.questionnaire.title.text(lang))}",
                         objectName="wizardHeading")
        rich(heading)
        heading.setStyleSheet("font-size: 12pt;")
        self.saved_label = QLabel(objectName="savedLabel")
        self.saved_label.setStyleSheet(f"color: {tone('#2e7d32')};")
        self.progress = QProgressBar(objectName="overallProgress")
        self.progress.setFormat(self.tr("%v de %m preguntas"))
        self.dimension_list = QListWidget(objectName="dimensionList")
        self.dimension_list.setFixedWidth(300)
        self.pages = QStackedWidget(objectName="dimensionPages")
        self.cards: dict[str, QuestionCard] = {}
        self.page_titles: list[QLabel] = []
        number = 0
        for dimension in self.questionnaire.dimensions:
            page = QWidget()
            column = QVBoxLayout(page)
            title = QLabel(f"<b>{_html(dimension.title.text(lang))}</b>")
            rich(title).setStyleSheet(f"font-size: 13pt; color: {tone('#1f3a4d')};")
            description = QLabel(dimension.description.text(lang))
            description.setWordWrap(True)
            description.setStyleSheet(f"color: {tone('#55606a')};")
            column.addWidget(title)
            column.addWidget(description)
            for question in dimension.questions:
                number += 1
                card = QuestionCard(question, number, lang)
                card.set_answer(self.answers.get(question.id))
                card.changed.connect(self._card_changed)
                card.setEnabled(not self.read_only)
                self.cards[question.id] = card
                column.addWidget(card)
            column.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setWidget(page)
            self.pages.addWidget(scroll)
            self.dimension_list.addItem(QListWidgetItem(dimension.title.text(lang)))

        self.back_button = QPushButton(self.tr("&Anterior"), objectName="backButton")
        self.next_button = QPushButton(self.tr("&Siguiente"), objectName="nextButton")
        self.close_button = QPushButton(self.tr("&Cerrar y seguir después"), objectName="closeWizard")
        self.complete_button = QPushButton(self.tr("&Terminar evaluación"), objectName="completeButton")
        self.complete_button.setStyleSheet("font-weight: bold;")
        self.complete_button.setVisible(not self.read_only)

        top = QHBoxLayout()
        top.addWidget(heading, 1)
        top.addWidget(self.saved_label)
        middle = QHBoxLayout()
        side = QVBoxLayout()
        side.addWidget(QLabel(self.tr("Avance por dimensión")))
        side.addWidget(self.dimension_list, 1)
        middle.addLayout(side)
        middle.addWidget(self.pages, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.close_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.complete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.progress)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)

        self.dimension_list.currentRowChanged.connect(self.go_to)
        self.back_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() - 1))
        self.next_button.clicked.connect(lambda: self.go_to(self.pages.currentIndex() + 1))
        self.close_button.clicked.connect(self.closed)
        self.complete_button.clicked.connect(self.complete)
        add_shortcut(self.next_button, QKeySequence(Qt.Key.Key_PageDown | Qt.KeyboardModifier.ControlModifier))
        add_shortcut(self.back_button, QKeySequence(Qt.Key.Key_PageUp | Qt.KeyboardModifier.ControlModifier))
        self.dimension_list.setAccessibleName(self.tr("Dimensiones del cuestionario"))
        self.dimension_list.setAccessibleDescription(self.tr("Preguntas respondidas de cada dimensión; "
                                                             "elija una para ir a sus preguntas."))
        # Tab follows the screen: the dimensions, the questions, then the buttons from left to right.
        QWidget.setTabOrder(self.close_button, self.back_button)
        QWidget.setTabOrder(self.back_button, self.next_button)
        QWidget.setTabOrder(self.next_button, self.complete_button)
        self._refresh()
        self.go_to(0)

    # --- navigation ---------------------------------------------------------

    def go_to(self, row: int) -> None:
        """Show the page of dimension number ``row`` (0-based); out of range is ignored."""
        if not 0 <= row < self.pages.count():
            return
        self.pages.setCurrentIndex(row)
        if self.dimension_list.currentRow() != row:
            self.dimension_list.setCurrentRow(row)
        self.back_button.setEnabled(row > 0)
        self.next_button.setEnabled(row < self.pages.count() - 1)
        first = next((c for c in self._cards_of(row) if c.isVisibleTo(self)), None)
        if first is not None:
            self.pages.currentWidget().ensureWidgetVisible(first, 0, 0)

    def current_dimension(self) -> str:
        """Id of the dimension shown."""
        return self.questionnaire.dimensions[self.pages.currentIndex()].id

    def _cards_of(self, row: int) -> list[QuestionCard]:
        return [self.cards[q.id] for q in self.questionnaire.dimensions[row].questions]

    # --- saving -------------------------------------------------------------

    def _card_changed(self, question_id: str) -> None:
        answer = self.cards[question_id].answer()
        try:
            service.save_answer(self.context.storage, self.assessment_id, question_id, answer, self.context.adviser_id)
        except Exception as exc:  # noqa: BLE001 - shown as a sentence, or to the crash handler
            messages.show_error(self, exc)
            self.cards[question_id].set_answer(self.answers.get(question_id))
            return
        if answer is None:
            self.answers.pop(question_id, None)
        else:
            self.answers[question_id] = answer
        self.saved_label.setText(self.tr("Guardado"))
        self._refresh()

    def _refresh(self) -> None:
        """Hide the questions that do not apply and update the progress figures."""
        visible = service.visible_questions(self.questionnaire, self.firm_context, self.answers)
        total = done = 0
        for row, dimension in enumerate(self.questionnaire.dimensions):
            shown = answered = 0
            for question in dimension.questions:
                card = self.cards[question.id]
                applies = question.id in visible
                card.setVisible(applies)
                if applies:
                    shown += 1
                    answered += card.is_answered()
            total += shown
            done += answered
            item = self.dimension_list.item(row)
            mark = " ✔" if shown and answered == shown else ""
            item.setText(f"{answered}/{shown}  {dimension.title.text(self.context.lang)}{mark}")
            item.setData(Qt.ItemDataRole.UserRole, (answered, shown))
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    def dimension_progress(self, dimension_id: str) -> tuple[int, int]:
        """(answered, applicable) questions of a dimension, as the side list shows them."""
        row = [d.id for d in self.questionnaire.dimensions].index(dimension_id)
        return self.dimension_list.item(row).data(Qt.ItemDataRole.UserRole)

    def visible_question_ids(self) -> list[str]:
        """The questions shown to the adviser, in interview order."""
        return [q.id for q in self.questionnaire.questions if not self.cards[q.id].isHidden()]

    # --- completing ---------------------------------------------------------

    def complete(self) -> None:
        """Score the answers and store the completed assessment, if the adviser confirms."""
        answered = self.progress.value()
        total = self.progress.maximum()
        question = self.tr("¿Terminar la evaluación? Después ya no podrá cambiar las respuestas.")
        if answered < total:
            question = self.tr("Quedan {n} preguntas sin responder. ").format(n=total - answered) + question
            try:
                preview = service.preview(self.context.storage, self.assessment_id)
            except Exception:  # noqa: BLE001 - completing will report any real problem
                preview = None
            if preview is not None and preview.incomplete:
                question = self.tr("Con tan pocas respuestas no habrá índice ni banda: la evaluación quedará "
                                   "incompleta, con la lista de lo que falta preguntar. ") + question
            elif preview is not None and preview.provisional:
                question = self.tr("Con tan pocas respuestas el resultado será provisional. ") + question
        if not messages.confirm(self, self.tr("Terminar evaluación"), question):
            return
        try:
            service.complete(self.context.storage, self.assessment_id, self.context.adviser_id)
        except Exception as exc:  # noqa: BLE001
            messages.show_error(self, exc)
            return
        self.read_only = True
        for card in self.cards.values():
            card.setEnabled(False)
        self.complete_button.setVisible(False)
        self.context.signals.assessments_changed.emit(self.firm_id)
        self.context.signals.firms_changed.emit()
        self.completed.emit(self.assessment_id)
