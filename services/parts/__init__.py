"""The parts department: catalogue, stock ledger, alerts, purchasing and stock counts.

Importing the package registers what parts do when billing posts a sale (:mod:`services.parts.selling`)."""

from services.parts import selling  # noqa: F401  (registers the posting hooks)
