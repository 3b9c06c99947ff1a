"""Billing screens: invoices, payments, credit notes, cash desk and receivables."""
