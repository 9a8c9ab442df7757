"""UI: rendering the app's SVG icon to PNG files of given sizes (for the desktop's icon theme)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer


class IconRenderError(OSError):
    """The SVG could not be read, or a PNG could not be written."""


def render_png(svg: Path, size: int, target: Path) -> None:
    """Write *svg* drawn on a transparent *size* × *size* square to *target* (PNG)."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise IconRenderError(f"{svg}: not an SVG image Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.setAspectRatioMode(Qt.AspectRatioMode.KeepAspectRatio)
    renderer.render(painter)
    painter.end()
    if not image.save(str(target), "PNG"):
        raise IconRenderError(f"{target}: could not write the PNG")
