"""Storage: SQLModel tables, the engine factory, the unit of work and migrations.

Nothing outside this package sees a table model; repositories translate rows to
the read models in :mod:`annotator.core.model`.
"""
