"""PyInstaller: Annotator reads its version from its installed metadata (annotator.__version__)."""

from PyInstaller.utils.hooks import copy_metadata

datas = copy_metadata("annotator")
