"""Image loading, capture helpers and quality checks (no Qt)."""
