"""Qt Widgets user interface. Widgets call services; they never open sessions or write SQL."""
