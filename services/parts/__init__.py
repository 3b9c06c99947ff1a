"""The parts department: catalogue, stock ledger, alerts, purchasing and stock counts (issue 4)."""
