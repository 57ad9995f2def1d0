"""Ingest: policy documents → records (read, normalise, extract) → the graph store (load)."""
