"""ManySides: how different news outlets cover the same event."""

__version__ = "0.1.0"
