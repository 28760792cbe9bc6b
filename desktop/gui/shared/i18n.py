"""Qt translations: Rumbo's own catalogue plus Qt's, so standard dialogs match.

Source strings in the code are Spanish, the advisers' language and the default:
a string that somebody forgets to translate still reads right for them. English
comes from ``resources/i18n/rumbo_en.qm`` (built from ``rumbo_en.ts`` with
``pyside6-lrelease``). For Spanish, Qt's own ``qtbase_es.qm`` translates the
standard dialogs and buttons (Sí/No, Cancelar, Abrir ...), and our small
``qt_extra_es.qm`` adds what it lacks in the file dialog ("Buscar en:", "Tipo de archivo:").
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from desktop.resources import resource_path

DEFAULT_LANGUAGE = "es"
LANGUAGES = {"es": "Español", "en": "English"}

_installed: list[QTranslator] = []


def install_translators(app: QApplication, lang: str = DEFAULT_LANGUAGE) -> bool:
    """Install the translators for ``lang`` and set the default locale.

    Returns:
        True when every catalogue the language needs was loaded.
    """
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        own = QTranslator(app)
        loaded = own.load(str(resource_path("i18n", "rumbo_en.qm")))
        if loaded:
            app.installTranslator(own)
            _installed.append(own)
        return loaded
    QLocale.setDefault(QLocale(QLocale.Language.Spanish, QLocale.Country.LatinAmerica))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_translator = QTranslator(app)
    loaded = qt_translator.load(f"qtbase_{lang}", qt_dir)
    if loaded:
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    # Installed last, so it is asked first: what qtbase_es lacks ("&Look in:") or says as in Spain.
    extra = QTranslator(app)
    if extra.load(str(resource_path("i18n", "qt_extra_es.qm"))):
        app.installTranslator(extra)
        _installed.append(extra)
    return loaded
