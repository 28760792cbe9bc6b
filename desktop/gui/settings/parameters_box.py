"""Configuración → "Evaluación": the weights, bands and thresholds a centre scores with.

The questionnaire file declares them with the reason for each (none comes from the
study, which proposes no weights or bands); a centre may adjust them here. New
assessments use the adjusted values and store them with their result, so an older
result keeps reading as it was computed.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.assessment import BANDS, label
from desktop.domain.errors import UserError
from desktop.gui.shared.accessibility import tone
from desktop.services import assessments as assessment_service
from desktop.services import profile

THRESHOLDS = ("coverage_threshold", "index_threshold", "provisional_threshold")


class ParametersBox(QGroupBox):
    """Weights per dimension, band cut-offs and coverage thresholds, with their reasons."""

    def __init__(self, context, parent: QWidget | None = None):
        super().__init__(self.tr("Evaluación: pesos, bandas y umbrales"), parent)
        self.setObjectName("parametersBox")
        self.context = context
        self.weights: dict[str, QDoubleSpinBox] = {}
        self.bands: dict[str, QSpinBox] = {}
        self.thresholds: dict[str, QSpinBox] = {}
        self._build()
        self.reload()

    def _build(self) -> None:
        shipped = assessment_service.questionnaire()
        lang = self.context.lang
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("El estudio no propone pesos ni bandas: estos valores son un criterio del centro. "
                               "Las evaluaciones nuevas los usan y los guardan con su resultado."), wordWrap=True)
        layout.addWidget(intro)
        form = QFormLayout()
        locale = QLocale(QLocale.Language.Spanish if lang == "es" else QLocale.Language.English)
        for dim in shipped.dimensions:
            box = QDoubleSpinBox(objectName=f"weight_{dim.id}", minimum=0.5, maximum=5.0, singleStep=0.5, decimals=1)
            box.setLocale(locale)  # "2,0" in Spanish
            box.setAccessibleName(self.tr("Peso de {dimension}").format(dimension=dim.title.text(lang)))
            self.weights[dim.id] = box
            form.addRow(dim.title.text(lang), box)
        for band in BANDS[1:]:
            box = QSpinBox(objectName=f"band_{band}", minimum=1, maximum=100, suffix=" ")
            box.setAccessibleName(self.tr("Límite inferior de la banda {band}").format(band=label("band", band, lang)))
            self.bands[band] = box
            form.addRow(self.tr("Banda «{band}» desde").format(band=label("band", band, lang)), box)
        names = {"coverage_threshold": self.tr("Cobertura mínima para puntuar una dimensión"),
                 "index_threshold": self.tr("Cobertura mínima para dar índice y banda"),
                 "provisional_threshold": self.tr("Resultado provisional por debajo de")}
        for key in THRESHOLDS:
            text = names[key]
            box = QSpinBox(objectName=key, minimum=1, maximum=100, suffix=" %")
            box.setAccessibleName(text)
            reason = shipped.rationale.get(key)
            if reason is not None:
                box.setToolTip(reason.text(lang))
            self.thresholds[key] = box
            form.addRow(text, box)
        for key in ("dimension_weights", "bands"):
            reason = shipped.rationale.get(key)
            if reason is not None:
                for box in (self.weights if key == "dimension_weights" else self.bands).values():
                    box.setToolTip(reason.text(lang))
        layout.addLayout(form)
        self.status = QLabel(objectName="parametersStatus", wordWrap=True)
        save = QPushButton(self.tr("Guardar parámetros"), objectName="saveParameters")
        reset = QPushButton(self.tr("Volver a los del cuestionario"), objectName="resetParameters")
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(reset)
        buttons.addWidget(save)
        layout.addLayout(buttons)
        save.clicked.connect(self.save)
        reset.clicked.connect(self.reset)

    def reload(self) -> None:
        """Show the values new assessments are scored with."""
        params = assessment_service.centre_parameters(self.context.storage).parameters()
        for dim_id, box in self.weights.items():
            box.setValue(float(params["dimension_weights"][dim_id]))
        for band, box in self.bands.items():
            box.setValue(int(Decimal(params["bands"][band])))
        for key, box in self.thresholds.items():
            box.setValue(int(Decimal(params[key]) * 100))

    def values(self) -> dict:
        """The parameters as typed, in the questionnaire's shape."""
        return {
            "dimension_weights": {k: str(Decimal(str(b.value()))) for k, b in self.weights.items()},
            "bands": {"inicial": "0", **{k: str(b.value()) for k, b in self.bands.items()}},
            **{k: str(Decimal(b.value()) / 100) for k, b in self.thresholds.items()},
        }

    def save(self) -> bool:
        """Store the typed parameters; a bad combination is said in one sentence and nothing changes."""
        try:
            profile.save_settings(self.context.storage, {"assessment_parameters": self.values()},
                                  self.context.adviser_id)
        except UserError as exc:
            self._say(exc.message, error=True)
            return False
        adjusted = bool(profile.get_setting(self.context.storage, "assessment_parameters"))
        self._say(self.tr("Parámetros guardados: las evaluaciones nuevas los usarán.") if adjusted
                  else self.tr("Son los parámetros del cuestionario."))
        return True

    def reset(self) -> None:
        """Go back to the questionnaire's own parameters."""
        profile.save_settings(self.context.storage, {"assessment_parameters": {}}, self.context.adviser_id)
        self.reload()
        self._say(self.tr("Se usan otra vez los parámetros del cuestionario."))

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {tone('#c62828')}; font-weight: bold;" if error
                                  else f"color: {tone('#2e7d32')};")
