"""Tests: crash safety. A child process edits a library through the real services and
is killed with SIGKILL at random moments; nothing it acknowledged may be lost and
nothing half-done may remain (see ``harness.py`` and ``worker.py``)."""
