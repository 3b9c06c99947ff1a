"""The billing area's commands: ``forecourt invoice pdf``."""

from __future__ import annotations

import argparse

from app.commands import Add, Tools


def register(add: Add, tools: Tools) -> None:
    def invoice_pdf(args: argparse.Namespace) -> int:
        from services.billing import documents, exports

        out = tools.output_file(args.out, field="out")
        db = tools.open(args)
        try:
            actor = tools.actor(db)
            invoice_id = exports.invoice_id_for_number(db, actor, args.number)
            path = documents.invoice_pdf(db, actor, invoice_id, out)
        finally:
            db.dispose()
        tools.out(str(path))
        return tools.exit_ok

    p = add("invoice", tools.needs_action("invoice"), "print invoices and credit notes")
    invoice = p.add_subparsers(dest="invoice_command", metavar="ACTION")
    q = add("pdf", invoice_pdf, "write an invoice or credit note as PDF (every print after the first is marked "
                                "COPY)", invoice)
    q.add_argument("number", metavar="NUMBER", help="the invoice or credit note number")
    q.add_argument("--out", metavar="FILE", required=True, help="the PDF file to write")
