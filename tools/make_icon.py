"""Draw Rumbo's icon (a compass rose: "rumbo" is a ship's heading) and write it in every size needed.

    python tools/make_icon.py

Writes resources/icons/rumbo.svg (the drawing), rumbo-256.png and rumbo-48.png (the window and
the Linux menu), rumbo.ico (Windows, several sizes) and rumbo.icns (macOS). Run it again only
when the drawing changes; the files are committed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QByteArray, QSize  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"

# The sidebar's colours (main window): deep blue disc, light needle, orange north.
SVG = """<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 256 256">
  <circle cx="128" cy="128" r="120" fill="#1f3a4d"/>
  <circle cx="128" cy="128" r="96" fill="none" stroke="#3d7ea6" stroke-width="10"/>
  <polygon points="128,30 150,128 128,226 106,128" fill="#e8f1f7"/>
  <polygon points="30,128 128,108 226,128 128,148" fill="#8fb8d3"/>
  <polygon points="128,30 150,128 106,128" fill="#f28c28"/>
  <circle cx="128" cy="128" r="12" fill="#1f3a4d" stroke="#e8f1f7" stroke-width="5"/>
</svg>
"""


def render(size: int) -> QImage:
    image = QImage(QSize(size, size), QImage.Format.Format_ARGB32)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(SVG.encode())).render(painter)
    painter.end()
    return image


def main() -> int:
    QGuiApplication(sys.argv)
    ICONS.mkdir(parents=True, exist_ok=True)
    (ICONS / "rumbo.svg").write_text(SVG, encoding="utf-8")
    for size in (256, 48):
        render(size).save(str(ICONS / f"rumbo-{size}.png"))
    render(256).save(str(ICONS / "rumbo.ico"))
    render(512).save(str(ICONS / "rumbo.icns"))
    print(f"Iconos escritos en {ICONS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
