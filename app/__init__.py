"""Forecourt application: bootstrap, command line, GUI entry points."""

from core import __version__

__all__ = ["__version__"]
