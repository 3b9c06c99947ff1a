"""The showroom: leads and their follow-ups and test drives, deals from quotation to delivery with
their approvals, finance, insurance and trade-ins, and the salespeople's targets."""
