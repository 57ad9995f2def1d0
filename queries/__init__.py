"""Named Cypher queries (one .cypher file each, with a header comment) and the read-only console."""
