"""The workshop: labour operations and rates, repair orders (jobs, labour, parts, sublet and
consumables), technicians' clockings, and closing a repair order into its invoices."""
