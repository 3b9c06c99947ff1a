"""The showroom's screens: lead pipeline, deals, approvals, delivery, finance and targets."""
