"""UI: the only package that imports PySide6.

Widgets (``qt_*`` modules), Qt item models, undo commands and the session
object that connects them to the services. Offsets cross between Qt's UTF-16
positions and our code points only inside :mod:`annotator.ui.qt_text_pane`.
"""
