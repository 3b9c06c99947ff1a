"""Reports and printed documents (DESIGN §9): a query layer returns plain data, and renderers (PDF in
:mod:`services.reports.pdf`, XLSX) draw the same numbers.

Nothing here imports reportlab at module level of the package, so importing ``services.reports``
costs nothing at application start; the PDF module loads reportlab when it is first used.
"""
