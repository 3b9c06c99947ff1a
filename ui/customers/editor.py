"""Create or edit a customer (person or company) with contacts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services import customers
from ui.context import AppContext
from ui.formatting import phone_text
from ui.widgets.fields import DateEdit
from ui.widgets.forms import FieldErrors, FormDialog

CONTACT_FIELDS = ("name", "position", "phone", "email")


class CustomerDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.saved_id: str | None = None
        self.setWindowTitle(self.tr("Edit customer") if customer_id else self.tr("New customer"))
        self.setMinimumWidth(640)

        self.kind = QComboBox()
        self.kind.addItem(self.tr("Person"), "person")
        self.kind.addItem(self.tr("Company"), "company")
        self.name = QLineEdit()
        self.alt_name = QLineEdit()
        self.alt_name.setPlaceholderText(self.tr("Pinyin or English name"))
        self.phone = QLineEdit()
        self.email = QLineEdit()
        self.id_number = QLineEdit()
        self.company_reg = QLineEdit()
        self.address = QLineEdit()
        self.city = QLineEdit()
        self.postcode = QLineEdit()
        self.birth_date = DateEdit(optional=True)
        self.marketing_ok = QCheckBox(self.tr("Agrees to marketing messages"))
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        for name in ("kind", "name", "alt_name", "phone", "email", "id_number", "company_reg", "address", "city",
                     "postcode", "birth_date", "notes"):
            getattr(self, name).setObjectName(name)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("kind", self.tr("&Type"), self.kind)
        self.errors.add_row("name", self.tr("&Name"), self.name)
        self.errors.add_row("alt_name", self.tr("Other &spelling"), self.alt_name)
        self.errors.add_row("phone", self.tr("&Phone"), self.phone)
        self.errors.add_row("email", self.tr("E-&mail"), self.email)
        self.errors.add_row("id_number", self.tr("&ID number"), self.id_number)
        self.errors.add_row("company_reg", self.tr("&Credit code"), self.company_reg)
        self.errors.add_row("address", self.tr("&Address"), self.address)
        city_row = QHBoxLayout()
        city_row.addWidget(self.city, 2)
        city_row.addWidget(self.postcode, 1)
        self.postcode.setPlaceholderText(self.tr("Postcode"))
        city_holder = QWidget()
        city_holder.setLayout(city_row)
        city_row.setContentsMargins(0, 0, 0, 0)
        self.errors.add_row("city", self.tr("Ci&ty"), city_holder)
        self.errors.widgets["postcode"] = self.postcode
        self.errors.labels["postcode"] = self.errors.labels["city"]
        self.errors.add_row("birth_date", self.tr("&Birth date"), self.birth_date)
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)
        flags = QHBoxLayout()
        flags.addWidget(self.marketing_ok)
        flags.addWidget(self.active)
        form.addRow("", flags)

        self.contacts = QTableWidget(0, 5)
        self.contacts.setObjectName("contacts")
        self.contacts.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Position"), self.tr("Phone"), self.tr("E-mail"), self.tr("Main")])
        self.contacts.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.contacts.verticalHeader().setVisible(False)
        self.contacts.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.contacts.setTabKeyNavigation(False)
        self.contacts.setFixedHeight(120)
        add = QPushButton(self.tr("Add contact"))
        add.clicked.connect(lambda: self._add_contact(customers.ContactInput(name="")))
        remove = QPushButton(self.tr("Remove contact"))
        remove.clicked.connect(lambda: self.contacts.removeRow(self.contacts.currentRow()))
        contact_box = QGroupBox(self.tr("Contacts"))
        cl = QVBoxLayout(contact_box)
        cl.addWidget(self.contacts)
        cb = QHBoxLayout()
        cb.addWidget(add)
        cb.addWidget(remove)
        cb.addStretch(1)
        cl.addLayout(cb)
        self.contact_error = self.errors.labels.setdefault("contacts", _error_label())
        cl.addWidget(self.contact_error)
        self.errors.widgets["contacts"] = self.contacts

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(contact_box)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if customer_id:
            self._load(customer_id)
        self._kind_changed()
        self.name.setFocus()

    def _kind_changed(self) -> None:
        company = self.kind.currentData() == "company"
        self.company_reg.setEnabled(company)
        self.birth_date.setEnabled(not company)

    def _add_contact(self, c: customers.ContactInput) -> None:
        row = self.contacts.rowCount()
        self.contacts.insertRow(row)
        for col, key in enumerate(CONTACT_FIELDS):
            item = QTableWidgetItem(getattr(c, key))
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.contacts.setItem(row, col, item)
        primary = QTableWidgetItem()
        primary.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
        primary.setCheckState(Qt.CheckState.Checked if c.is_primary else Qt.CheckState.Unchecked)
        self.contacts.setItem(row, 4, primary)
        self.contacts.setCurrentCell(row, 0)

    def _load(self, customer_id: str) -> None:
        detail = customers.get(self.ctx.db, self.ctx.actor, customer_id)
        d = detail.data
        self.kind.setCurrentIndex(max(0, self.kind.findData(d.kind)))
        for key in ("name", "alt_name", "email", "id_number", "company_reg", "address", "city", "postcode"):
            getattr(self, key).setText(getattr(d, key) or "")
        region = self.ctx.settings.country
        self.phone.setText(phone_text(d.phone, region))
        self.birth_date.set_value(d.birth_date)
        self.notes.setPlainText(d.notes)
        self.marketing_ok.setChecked(d.marketing_ok)
        self.active.setChecked(d.active)
        for c in d.contacts:
            c.phone = phone_text(c.phone, region)
            self._add_contact(c)

    def value(self) -> customers.CustomerInput:
        contacts = []
        for row in range(self.contacts.rowCount()):
            cells = [self.contacts.item(row, col) for col in range(5)]
            texts = [(c.text() if c else "").strip() for c in cells[:4]]
            if not any(texts):
                continue
            contacts.append(customers.ContactInput(
                name=texts[0], position=texts[1], phone=texts[2], email=texts[3],
                is_primary=bool(cells[4] and cells[4].checkState() == Qt.CheckState.Checked),
                id=cells[0].data(Qt.ItemDataRole.UserRole) if cells[0] else None))
        birth = self.birth_date.value() if self.birth_date.isEnabled() else None
        return customers.CustomerInput(
            kind=self.kind.currentData(), name=self.name.text(), alt_name=self.alt_name.text(),
            phone=self.phone.text(), email=self.email.text(), id_number=self.id_number.text(),
            company_reg=self.company_reg.text() if self.company_reg.isEnabled() else "",
            address=self.address.text(), city=self.city.text(), postcode=self.postcode.text(),
            birth_date=birth, notes=self.notes.toPlainText(), marketing_ok=self.marketing_ok.isChecked(),
            active=self.active.isChecked(), contacts=contacts)

    def save(self) -> None:
        data = self.value()
        db, actor, cid = self.ctx.db, self.ctx.actor, self.customer_id

        def work() -> str:
            if cid:
                customers.update(db, actor, cid, data)
                return cid
            return customers.create(db, actor, data)

        self.submit(work)

    @classmethod
    def ask(cls, ctx: AppContext, customer_id: str | None = None, parent: QWidget | None = None) -> str | None:
        dialog = cls(ctx, customer_id, parent)
        return dialog.saved_id if dialog.exec() == QDialog.DialogCode.Accepted else None


def _error_label():
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label
