"""Plain building blocks every layer uses: ids, errors, money, quantities, progress, clock, paths."""

__version__ = "0.1.0"
