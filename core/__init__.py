"""The bottom layer: the record model passed between stages and the facts every layer shares
(labels and relationship types, roles, levels, ids, script conversion, settings).

Nothing here imports `ingest`, `graph`, `queries` or `ui` (the import-linter contract in
pyproject.toml keeps it so).
"""
