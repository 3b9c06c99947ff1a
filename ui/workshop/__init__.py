"""The workshop's screens (to come: reception, repair order editor, foreman board, technician clock)."""
