"""Dealership settings: identity, money, language, document numbering, logo, the workshop's rules
(comebacks, the service interval, low survey scores) and tax rates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from core import money
from core.errors import ValidationError
from services import settings
from store.changes import Changes
from ui.admin.labels import doc_type_labels, language_labels, tax_rate_name
from ui.context import AppContext
from ui.errors import show_error
from ui.formatting import phone_text
from ui.widgets.fields import PercentEdit
from ui.widgets.forms import FieldErrors, FormDialog
from ui.workers import Op

LOGO_SIZE = (240, 96)
TAX_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _hint(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("hint")
    label.setWordWrap(True)
    return label


def _show_first(groups: list[FieldErrors], exc: ValidationError) -> bool:
    """Show ``exc`` next to its field in whichever form has it; clear the others."""
    for errors in groups:
        errors.clear()
    return any(errors.show(exc) for errors in groups)


class SettingsScreen(QWidget):
    """A form, not a list: Save (Ctrl+S, or Enter in a text field) writes it in one go."""


    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.terminal_code = ctx.actor.terminal or "T1"

        heading = QLabel(self.tr("Settings"))
        heading.setObjectName("screenTitle")
        self.status = _hint("")
        self.save_button = QPushButton(self.tr("&Save"))
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.clicked.connect(self.save)
        bar = QHBoxLayout()
        bar.addWidget(heading)
        bar.addStretch(1)
        bar.addWidget(self.status)
        bar.addWidget(self.save_button)

        # Widgets are made in the order Tab should visit them.
        dealer = self._build_dealer_box()
        numbers = self._build_numbers_box()
        logo = self._build_logo_box()
        workshop = self._build_workshop_box()
        taxes = self._build_tax_box()
        self.error_groups = [self.dealer_errors, self.number_errors, self.logo_errors, self.workshop_errors]

        left = QVBoxLayout()
        left.addWidget(dealer)
        left.addWidget(numbers)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(logo)
        right.addWidget(workshop)
        right.addWidget(taxes, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        content = QWidget()
        content.setLayout(columns)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(content)

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.scroll, 1)

        QShortcut(QKeySequence.StandardKey.Save, self, self.save, context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        for edit in self.findChildren(QLineEdit):
            edit.returnPressed.connect(self.save)
        self.load()

    # --- building -----------------------------------------------------------------------------
    def _countries(self) -> list[tuple[str, str]]:
        return [
            ("CN", self.tr("China (mainland)")), ("HK", self.tr("Hong Kong")), ("MO", self.tr("Macao")),
            ("TW", self.tr("Taiwan")), ("SG", self.tr("Singapore")), ("MY", self.tr("Malaysia")),
            ("TH", self.tr("Thailand")), ("JP", self.tr("Japan")), ("KR", self.tr("South Korea")),
            ("AU", self.tr("Australia")), ("NZ", self.tr("New Zealand")), ("US", self.tr("United States")),
            ("CA", self.tr("Canada")), ("GB", self.tr("United Kingdom")), ("IE", self.tr("Ireland")),
            ("DE", self.tr("Germany")), ("FR", self.tr("France")), ("IT", self.tr("Italy")),
            ("ES", self.tr("Spain")), ("NL", self.tr("Netherlands")), ("CH", self.tr("Switzerland")),
            ("AE", self.tr("United Arab Emirates")), ("ZA", self.tr("South Africa")),
        ]

    def _build_dealer_box(self) -> QGroupBox:
        self.name = QLineEdit()
        self.name.setMaxLength(120)
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.tax_id = QLineEdit()
        self.tax_id.setPlaceholderText(self.tr("Printed on invoices"))
        self.country = QComboBox()
        for code, name in self._countries():
            self.country.addItem(f"{name} ({code})", code)
        self.country.setToolTip(self.tr("Used to read and check phone numbers"))
        self.currency = QComboBox()
        for code, (_digits, symbol) in money.CURRENCIES.items():
            self.currency.addItem(f"{code}  {symbol.strip()}", code)
        self.currency.setToolTip(self.tr("Every amount is kept in this currency: choose it before entering prices."))
        self.prices_include_tax = QCheckBox(self.tr("Prices &include tax"))
        self.allow_negative_stock = False  # not on this form: kept as loaded
        self.language = QComboBox()
        for code, name in language_labels(with_default=False).items():
            self.language.addItem(name, code)
        for name in ("name", "address", "phone", "email", "tax_id", "country", "currency", "prices_include_tax",
                     "language"):
            getattr(self, name).setObjectName(name)

        box = QGroupBox(self.tr("Dealership"))
        form = QFormLayout()
        self.dealer_errors = FieldErrors(form)
        self.dealer_errors.add_row("name", self.tr("&Name"), self.name)
        self.dealer_errors.add_row("address", self.tr("&Address"), self.address)
        self.dealer_errors.add_row("phone", self.tr("&Phone"), self.phone)
        self.dealer_errors.add_row("email", self.tr("E-&mail"), self.email)
        self.dealer_errors.add_row("tax_id", self.tr("&Tax ID"), self.tax_id)
        self.dealer_errors.add_row("country", self.tr("C&ountry / region"), self.country)
        self.dealer_errors.add_row("currency", self.tr("C&urrency"), self.currency)
        self.dealer_errors.add_row("prices_include_tax", "", self.prices_include_tax)
        self.dealer_errors.add_row("language", self.tr("&Language"), self.language)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(_hint(self.tr("The language of the screens and documents for users who have not chosen "
                                       "their own (in Users). A change applies at once.")))
        return box

    def _build_numbers_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Document numbers"))
        form = QFormLayout(box)
        self.number_errors = FieldErrors(form)
        self.terminal = QLineEdit()
        self.terminal.setObjectName("terminal_code")
        self.terminal.setMaxLength(6)
        self.terminal.setMaximumWidth(100)
        self._add_with_note(form, self.number_errors, "terminal_code", self.tr("Te&rminal code"), self.terminal,
                            _hint(self.tr("This computer's own code: numbers never collide between computers.")))
        labels = doc_type_labels()
        self.prefixes: dict[str, QLineEdit] = {}
        self.examples: dict[str, QLabel] = {}
        for doc in settings.DOC_TYPES:
            edit = QLineEdit()
            edit.setObjectName(f"prefix_{doc}")
            edit.setMaxLength(8)
            edit.setMaximumWidth(100)
            example = _hint("")
            example.setMinimumWidth(180)
            self._add_with_note(form, self.number_errors, f"prefix_{doc}", labels.get(doc, doc), edit, example)
            edit.textChanged.connect(self._update_examples)
            self.prefixes[doc] = edit
            self.examples[doc] = example
        self.terminal.textChanged.connect(self._update_examples)
        return box

    @staticmethod
    def _add_with_note(form: QFormLayout, errors: FieldErrors, field: str, label: str, edit: QLineEdit,
                       note: QLabel) -> None:
        """A short field with a note beside it; its error and mnemonic belong to the field."""
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(edit)
        row_layout.addWidget(note, 1)
        errors.add_row(field, label, row)
        errors.widgets[field] = edit
        buddy = form.labelForField(row.parentWidget())
        if isinstance(buddy, QLabel):
            buddy.setBuddy(edit)

    def _build_logo_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Logo"))
        self.logo_preview = QLabel()
        self.logo_preview.setObjectName("logoPreview")
        self.logo_preview.setFixedSize(*LOGO_SIZE)
        self.logo_preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.logo_preview.setFrameShape(QFrame.Shape.StyledPanel)
        choose = QPushButton(self.tr("Choose lo&go…"))
        choose.clicked.connect(self.choose_logo)
        self.clear_logo_button = QPushButton(self.tr("Remove logo"))
        self.clear_logo_button.clicked.connect(self.clear_logo)
        buttons = QVBoxLayout()
        buttons.addWidget(choose)
        buttons.addWidget(self.clear_logo_button)
        buttons.addStretch(1)
        holder = QWidget()
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.logo_preview)
        row.addLayout(buttons)
        row.addStretch(1)
        form = QFormLayout()
        self.logo_errors = FieldErrors(form)
        self.logo_errors.add_row("logo", "", holder)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(_hint(self.tr("Printed on invoices and reports. A PNG or JPEG image up to 2 MB; it is "
                                       "saved as soon as you choose it.")))
        return box

    def _build_workshop_box(self) -> QGroupBox:
        """The workshop's rules; the ranges are the ones the settings service accepts."""
        box = QGroupBox(self.tr("Workshop"))
        self.comeback_days = QSpinBox()
        self.comeback_days.setRange(1, 365)
        self.comeback_days.setSuffix(self.tr(" days"))
        self.comeback_days.setToolTip(self.tr("A car back in the workshop within this many days of its last repair "
                                              "order is flagged as a comeback."))
        self.service_interval_months = QSpinBox()
        self.service_interval_months.setRange(1, 60)
        self.service_interval_months.setSuffix(self.tr(" months"))
        self.service_interval_km = QSpinBox()
        self.service_interval_km.setRange(1_000, 100_000)
        self.service_interval_km.setSingleStep(1_000)
        self.service_interval_km.setGroupSeparatorShown(True)
        self.service_interval_km.setSuffix(self.tr(" km"))
        self.survey_low_score = QSpinBox()
        self.survey_low_score.setRange(0, 10)
        self.survey_low_score.setSuffix(self.tr(" or lower"))
        self.survey_low_score.setToolTip(self.tr("Survey scores run from 0 to 10; a score this low or lower raises a "
                                                 "follow-up task for the advisor."))
        form = QFormLayout()
        self.workshop_errors = FieldErrors(form)
        for name, label in (("comeback_days", self.tr("Come&back period")),
                            ("service_interval_months", self.tr("Next service &due after")),
                            ("service_interval_km", self.tr("or after dri&ving")),
                            ("survey_low_score", self.tr("&Follow up survey scores of"))):
            spin = getattr(self, name)
            spin.setObjectName(name)
            spin.setMinimumWidth(140)
            spin.setAlignment(Qt.AlignmentFlag.AlignRight)
            self.workshop_errors.add_row(name, label, spin)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        layout = QVBoxLayout(box)
        layout.addLayout(form)
        layout.addWidget(_hint(self.tr("At a handover the next service falls due after this time or distance, "
                                       "whichever comes first.")))
        return box

    def _build_tax_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tax rates"))
        self.tax_table = QTableWidget(0, 5)
        self.tax_table.setObjectName("taxRates")
        self.tax_table.setHorizontalHeaderLabels(
            [self.tr("Code"), self.tr("Name"), self.tr("Rate"), self.tr("Default"), self.tr("Active")])
        header = self.tax_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.tax_table.verticalHeader().setVisible(False)
        self.tax_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tax_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tax_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tax_table.setTabKeyNavigation(False)
        self.tax_table.setMinimumHeight(160)
        self.tax_table.activated.connect(lambda _index: self.edit_tax_rate())
        self.tax_empty = _hint(self.tr("No tax rates yet. Add the rates you charge, e.g. 13 % VAT."))
        add = QPushButton(self.tr("Add ta&x rate…"))
        add.clicked.connect(self.add_tax_rate)
        self.edit_tax_button = QPushButton(self.tr("Edit rate…"))
        self.edit_tax_button.setToolTip(self.tr("Or double-click the rate, or press Enter on it"))
        self.edit_tax_button.clicked.connect(self.edit_tax_rate)
        self.methods_button = QPushButton(self.tr("Payment &methods…"))
        self.methods_button.setToolTip(self.tr("Which payment methods the payment dialog offers, and in what order"))
        self.methods_button.clicked.connect(lambda _checked=False: self.edit_payment_methods())
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(self.edit_tax_button)
        buttons.addStretch(1)
        buttons.addWidget(self.methods_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.tax_table, 1)
        layout.addWidget(self.tax_empty)
        layout.addLayout(buttons)
        return box

    # --- loading ------------------------------------------------------------------------------
    def load(self) -> None:
        """Fill the form from the database. GUI thread (a few small reads)."""
        s = settings.get(self.ctx.db)
        self.name.setText(s.name)
        self.address.setText(s.address)
        self.phone.setText(phone_text(s.phone, s.country))
        self.email.setText(s.email)
        self.tax_id.setText(s.tax_id)
        _select(self.country, s.country)
        _select(self.currency, s.currency)
        self.prices_include_tax.setChecked(s.prices_include_tax)
        for name in ("comeback_days", "service_interval_months", "service_interval_km", "survey_low_score"):
            getattr(self, name).setValue(getattr(s, name))
        self.allow_negative_stock = s.allow_negative_stock
        _select(self.language, s.language)
        self.terminal.setText(self.terminal_code)
        for doc, edit in self.prefixes.items():
            edit.setText(s.number_prefixes.get(doc, settings.DOC_TYPES[doc]))
        self._update_examples()
        self._show_logo(settings.get_logo(self.ctx.db))
        self.load_tax_rates()

    def load_tax_rates(self) -> None:
        current = self._current_tax_id()
        self.tax_rates = settings.tax_rates(self.ctx.db)
        self.tax_table.setRowCount(len(self.tax_rates))
        for row, rate in enumerate(self.tax_rates):
            cells = [rate.code, tax_rate_name(rate.name), money.format_rate(rate.rate_bp),
                     "✓" if rate.is_default else "", "✓" if rate.active else ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(TAX_ID_ROLE, rate.id)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                elif col > 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.tax_table.setItem(row, col, item)
            if rate.id == current:
                self.tax_table.selectRow(row)
        self.tax_empty.setVisible(not self.tax_rates)
        self.edit_tax_button.setEnabled(bool(self.tax_rates))

    def _update_examples(self) -> None:
        terminal = self.terminal.text().strip().upper() or "?"
        year = date.today().year
        for doc, edit in self.prefixes.items():
            example = f"{edit.text().strip()}{terminal}-{year}-000001"
            self.examples[doc].setText(self.tr("e.g. %1").replace("%1", example))

    def _show_logo(self, data: bytes | None) -> None:
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.logo_preview.setPixmap(pixmap.scaled(
                LOGO_SIZE[0] - 8, LOGO_SIZE[1] - 8, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation))
            self.clear_logo_button.setEnabled(True)
        else:
            self.logo_preview.clear()
            self.logo_preview.setText(self.tr("No logo"))
            self.clear_logo_button.setEnabled(False)

    def focus_default(self) -> None:
        self.name.setFocus()

    # --- saving -------------------------------------------------------------------------------
    def value(self) -> settings.DealershipSettings:
        # What this form does not show is kept as it is.
        return replace(
            self.ctx.settings, name=self.name.text(), address=self.address.text().strip(),
            phone=self.phone.text().strip(),
            email=self.email.text().strip(), tax_id=self.tax_id.text().strip(),
            country=self.country.currentData(), currency=self.currency.currentData(),
            prices_include_tax=self.prices_include_tax.isChecked(), language=self.language.currentData(),
            comeback_days=self.comeback_days.value(), service_interval_months=self.service_interval_months.value(),
            service_interval_km=self.service_interval_km.value(), survey_low_score=self.survey_low_score.value(),
            allow_negative_stock=self.allow_negative_stock,
            number_prefixes={doc: edit.text().strip() for doc, edit in self.prefixes.items()})

    def save(self) -> Op | None:
        """Write the form (and the terminal code, if it changed) on the database worker."""
        if not self.save_button.isEnabled():
            return None
        for errors in self.error_groups:
            errors.clear()
        db, actor, new = self.ctx.db, self.ctx.actor, self.value()
        terminal = self.terminal.text().strip().upper()
        terminal_changed = terminal != self.terminal_code

        def work(_progress, _cancel) -> None:
            settings.save(db, actor, new, terminal_code=terminal if terminal_changed else None)

        self.save_button.setEnabled(False)
        self.status.setText(self.tr("Saving…"))
        self.op = Op(self, work).success(lambda _r: self._saved(terminal if terminal_changed else None)).failure(
            self._failed).run()
        return self.op

    def _saved(self, new_terminal: str | None) -> None:
        self.save_button.setEnabled(True)
        if new_terminal:
            self.terminal_code = new_terminal
            self.terminal.setText(new_terminal)
            # Later audit entries and numbers of this session carry the new code.
            self.ctx.actor = replace(self.ctx.actor, terminal=new_terminal)
        self.status.setText(self.tr("Settings saved."))
        window = self.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(self.tr("Settings saved."), 5000)

    def _failed(self, exc: BaseException) -> None:
        self.save_button.setEnabled(True)
        self.status.setText("")
        if isinstance(exc, ValidationError) and _show_first(self.error_groups, exc):
            widget = next((errors.widgets[exc.field] for errors in self.error_groups if exc.field in errors.widgets),
                          None)
            if widget is not None:
                self.scroll.ensureWidgetVisible(widget)
            return
        show_error(self, exc)

    # --- logo ---------------------------------------------------------------------------------
    def choose_logo(self) -> Op | None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Choose the dealership logo"), "",
                                                    self.tr("Images (*.png *.jpg *.jpeg)"))
        if not path:
            return None
        unreadable = self.tr("Cannot read %1: %2")
        db, actor = self.ctx.db, self.ctx.actor

        def work(_progress, _cancel) -> bytes:
            try:
                data = Path(path).read_bytes()
            except OSError as exc:
                raise ValidationError("logo", unreadable.replace("%1", Path(path).name)
                                      .replace("%2", exc.strerror or str(exc))) from exc
            settings.set_logo(db, actor, data)
            return data

        return self._logo_op(work)

    def clear_logo(self) -> Op:
        db, actor = self.ctx.db, self.ctx.actor

        def work(_progress, _cancel) -> None:
            settings.set_logo(db, actor, None)

        return self._logo_op(work)

    def _logo_op(self, work) -> Op:
        for errors in self.error_groups:
            errors.clear()

        def done(data: bytes | None) -> None:
            self._show_logo(data)

        def failed(exc: BaseException) -> None:
            if not (isinstance(exc, ValidationError) and _show_first(self.error_groups, exc)):
                show_error(self, exc)

        self.logo_op = Op(self, work).success(done).failure(failed).run()
        return self.logo_op

    # --- tax rates ----------------------------------------------------------------------------
    def edit_payment_methods(self) -> None:
        from ui.billing.methods import PaymentMethodsDialog

        if PaymentMethodsDialog.ask(self.ctx, self):
            self.status.setText(self.tr("Payment methods saved."))

    def _current_tax_id(self) -> str | None:
        item = self.tax_table.item(self.tax_table.currentRow(), 0) if self.tax_table.currentRow() >= 0 else None
        return item.data(TAX_ID_ROLE) if item is not None else None

    def add_tax_rate(self) -> None:
        if TaxRateDialog.ask(self.ctx, self):
            self.load_tax_rates()

    def edit_tax_rate(self) -> None:
        rate_id = self._current_tax_id()
        rate = next((r for r in self.tax_rates if r.id == rate_id), None)
        if rate is not None and TaxRateDialog.ask(self.ctx, self, rate=rate):
            self.load_tax_rates()

    def on_changed(self, changes: Changes) -> None:
        if changes.touches("tax_rate"):
            self.load_tax_rates()


def _select(combo: QComboBox, code: str) -> None:
    """Select ``code``; a stored code the list does not offer is added rather than lost."""
    index = combo.findData(code)
    if index < 0:
        combo.addItem(code, code)
        index = combo.count() - 1
    combo.setCurrentIndex(index)


class TaxRateDialog(FormDialog):
    """Add or change one tax rate; the rate is typed as a percentage ("13", "6.5"). Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *,
                 rate: settings.TaxRateRow | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.rate_id = rate.id if rate else None
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit tax rate") if rate else self.tr("New tax rate"))
        self.setMinimumWidth(380)
        self.code = QLineEdit()
        self.code.setMaxLength(16)
        self.code.setPlaceholderText(self.tr("e.g. VAT13"))
        self.name = QLineEdit()
        self.name.setMaxLength(80)
        self.name.setPlaceholderText(self.tr("e.g. VAT 13 %"))
        self.rate = PercentEdit()
        self.rate.setMaximumWidth(120)
        self.is_default = QCheckBox(self.tr("Use as the &default rate for new lines"))
        self.active = QCheckBox(self.tr("&Active"))
        self.active.setChecked(True)
        for name in ("code", "name", "rate", "is_default", "active"):
            getattr(self, name).setObjectName(name)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("code", self.tr("&Code"), self.code)
        self.errors.add_row("name", self.tr("&Name"), self.name)
        self.errors.add_row("rate", self.tr("&Rate (%)"), self.rate)
        form.addRow("", self.is_default)
        form.addRow("", self.active)
        if rate is not None:
            self.code.setText(rate.code)
            self.name.setText(rate.name)
            self.rate.set_value(rate.rate_bp)
            self.is_default.setChecked(rate.is_default)
            self.active.setChecked(rate.active)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.code.setFocus()

    def save(self) -> None:
        self.errors.clear()
        try:
            rate = self.rate.value()
        except ValidationError as exc:
            self.errors.show(exc)
            return
        db, actor, rate_id = self.ctx.db, self.ctx.actor, self.rate_id
        code, name = self.code.text(), self.name.text()
        is_default, active = self.is_default.isChecked(), self.active.isChecked()

        def work() -> str:
            return settings.save_tax_rate(db, actor, code=code, name=name, rate=rate, is_default=is_default,
                                          active=active, id=rate_id)

        self.submit(work)
