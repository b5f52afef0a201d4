"""Actor component (placeholder until the actors work lands)."""
