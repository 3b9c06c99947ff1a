"""Files in (DESIGN §9): read a spreadsheet, map its columns, preview, then commit all or nothing."""
