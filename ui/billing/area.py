"""The billing area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def invoices(ctx):
        from ui.billing.invoices import InvoicesScreen

        return InvoicesScreen(ctx)

    def cash_desk(ctx):
        from ui.billing.cashdesk import CashDeskScreen

        return CashDeskScreen(ctx)

    def receivables(ctx):
        from ui.billing.receivables import ReceivablesScreen

        return ReceivablesScreen(ctx)

    def thirdparty(ctx):
        from ui.billing.thirdparty import ThirdPartyScreen

        return ThirdPartyScreen(ctx)

    def margins(ctx):
        from ui.billing.margins import MarginsScreen

        return MarginsScreen(ctx)

    def journal(ctx):
        from ui.billing.journal import JournalScreen

        return JournalScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Billing")
    return [
        Page("invoices", section, QCoreApplication.translate("MainWindow", "Invoices"),
             "invoice.view", invoices, "Ctrl+3"),
        Page("cash_desk", section, QCoreApplication.translate("MainWindow", "Cash desk"), "cashdesk.close", cash_desk),
        Page("receivables", section, QCoreApplication.translate("MainWindow", "Receivables"),
             "receivables.view", receivables),
        Page("thirdparty", section, QCoreApplication.translate("MainWindow", "Rebates & claims"),
             ("margin.view", "thirdparty.edit"), thirdparty),
        Page("margins", section, QCoreApplication.translate("MainWindow", "Margins"), "margin.view", margins),
        Page("journal", section, QCoreApplication.translate("MainWindow", "Accounting export"),
             "accounting.export", journal),
    ]
