"""The parts screens: catalogue and stock, purchase orders and goods in."""
