"""Claim component (placeholder until the claims work lands)."""
