"""Bilingual text: every user-facing phrase the domain returns, in Spanish and English."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """A piece of user-facing text in Spanish and English."""

    es: str
    en: str

    def text(self, lang: str = "es") -> str:
        """Return the text in ``lang`` ("es" or "en"), falling back to Spanish."""
        return self.en if lang == "en" else self.es

    def to_dict(self) -> dict[str, str]:
        return {"es": self.es, "en": self.en}
