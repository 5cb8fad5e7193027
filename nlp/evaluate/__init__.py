"""Scoring: compare predictions with gold data (``zhie eval <task>``)."""
