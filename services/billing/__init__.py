"""Billing: invoices, credit notes, payments, receivables, cash desk, third-party money, documents."""
