"""Printing a PDF the services wrote (invoices, receipts, day-end reports): one place for all of them.

With a printer set up, the pages are shown in Qt's print preview, whose Print button opens the
system's print dialog; the pages are drawn from the PDF by QtPdf at the printer's resolution. A print
counts only once it was sent: :func:`print_pdf` says whether it was. With no printer (or without
QtPdf) nothing pretends to print: a message says so and offers to save the PDF instead. GUI thread.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QRect, QSize, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


def printers_available() -> bool:
    """Whether this computer has a printer Qt can print to."""
    return bool(QPrinterInfo.availablePrinterNames())


def pdf_support() -> bool:
    """Whether QtPdf, which draws a PDF's pages for the printer, is installed."""
    try:
        from PySide6.QtPdf import QPdfDocument  # noqa: F401
    except ImportError:
        return False
    return True


def make_printer() -> QPrinter:
    """The printer the preview starts with: the system's default, A4, at high resolution."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName("Forecourt")
    return printer


def render_pdf(path: Path, printer: QPrinter) -> int:
    """Draw every page of the PDF at ``path`` onto ``printer``, each scaled to fit the printable area
    with its proportions kept. Returns the number of pages drawn."""
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    if document.load(str(path)) != QPdfDocument.Error.None_:
        return 0
    painter = QPainter()
    if not painter.begin(printer):
        document.close()
        return 0
    # Pages are drawn as images at no more than 300 dpi: sharp on paper, while an A4 page at a
    # high-resolution printer's 1200 dpi would be a 500 MB image drawn for every preview repaint.
    dpi = min(printer.resolution(), 300)
    pages = document.pageCount()
    try:
        for page in range(pages):
            if page:
                printer.newPage()
            points = document.pagePointSize(page)
            size = QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))
            image = document.render(page, size)
            area = painter.viewport()
            scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRect(area.x() + (area.width() - scaled.width()) // 2, area.y(), scaled.width(),
                           scaled.height())
            painter.drawImage(target, image)
    finally:
        painter.end()
        document.close()
    return pages


def print_pdf(parent: QWidget | None, path: Path, *, title: str, save_name: str,
              saved: Callable[[Path], None] | None = None) -> bool:
    """Preview and print the PDF at ``path``. True only when the pages were sent to a printer; when
    nothing can print, says so and offers to save the PDF as ``save_name`` (``saved`` is told where)."""
    if not (printers_available() and pdf_support()):
        offer_save(parent, path, save_name=save_name, saved=saved)
        return False
    printer = make_printer()
    printer.setDocName(title)
    preview = QPrintPreviewDialog(printer, parent)
    preview.setWindowTitle(QCoreApplication.translate("Printing", "Print %1").replace("%1", title))
    preview.resize(900, 700)
    preview.paintRequested.connect(lambda target: render_pdf(path, target))
    sent = preview.exec() == QPrintPreviewDialog.DialogCode.Accepted
    preview.deleteLater()
    return sent


def offer_save(parent: QWidget | None, path: Path, *, save_name: str,
               saved: Callable[[Path], None] | None = None) -> Path | None:
    """Nothing can print here: say so, and save the PDF where the user chooses if they want it."""
    reason = (QCoreApplication.translate("Printing", "No printer is set up on this computer.") if pdf_support()
              else QCoreApplication.translate("Printing", "Printing needs the Qt PDF module, which is not installed."))
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(QCoreApplication.translate("Printing", "Cannot print"))
    box.setText(reason + " " + QCoreApplication.translate(
        "Printing", "Nothing was printed, and it does not count as printed."))
    box.setInformativeText(QCoreApplication.translate(
        "Printing", "Save it as a PDF instead, to print it on another computer or send it?"))
    save = box.addButton(QCoreApplication.translate("Printing", "&Save as PDF…"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(save)
    box.exec()
    if box.clickedButton() is not save:
        return None
    target, _filter = QFileDialog.getSaveFileName(
        parent, QCoreApplication.translate("Printing", "Save PDF"), save_name,
        QCoreApplication.translate("Printing", "PDF document (*.pdf)"))
    if not target:
        return None
    from services import files

    try:
        with files.atomic_output(Path(target)) as tmp:
            tmp.write_bytes(Path(path).read_bytes())
    except Exception as exc:  # noqa: BLE001 - shown to the user, logged by show_error when unexpected
        from ui.errors import show_error

        show_error(parent, exc)
        return None
    if saved is not None:
        saved(Path(target))
    return Path(target)


def print_document(parent: QWidget, write: Callable[[Path], Path], *, title: str, save_name: str,
                   sent: Callable[[], None] | None = None) -> None:
    """Write a document with ``write(path)`` on the database worker into a fresh temporary file, then
    preview and print it (:func:`print_pdf`); ``sent`` runs once it was sent to a printer."""
    import tempfile
    from datetime import datetime

    from ui.workers import Op

    folder = Path(tempfile.gettempdir()) / "forecourt-print"
    folder.mkdir(parents=True, exist_ok=True)
    # A fresh name each time: a previous print may still hold its file open.
    out = folder / f"{Path(save_name).stem}-{datetime.now():%H%M%S%f}.pdf"

    def done(path: Path) -> None:
        if print_pdf(parent, Path(path), title=title, save_name=save_name) and sent is not None:
            sent()

    Op(parent, lambda _p, _c: write(out), title=QCoreApplication.translate("Printing", "Writing PDF"),
       cancellable=False).success(done).run()
