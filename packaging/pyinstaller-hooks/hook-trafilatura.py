"""PyInstaller: trafilatura reads data files from its package folder; no hook ships for it."""

from PyInstaller.utils.hooks import collect_data_files

datas = collect_data_files("trafilatura")
