"""Compare coverage: shared, unique and conflicting facts, attribution, framing, provenance."""
