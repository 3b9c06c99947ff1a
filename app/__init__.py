"""Forecourt application bootstrap: paths, settings, database engine, CLI and entry points."""

__version__ = "0.1.0"
