"""Presentation: turning stored results into what commands print (tables, JSON, reports)."""
