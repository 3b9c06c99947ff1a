"""Create or edit a customer (person or company) with contacts, grade, tags and marketing consent. While
the user types, possible duplicates are shown (any of them can be opened instead); saving with some
shown asks once more ("Save anyway")."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from services import customers
from services.customers import duplicates
from ui.context import AppContext
from ui.formatting import date_text, phone_text
from ui.widgets.fields import DateEdit
from ui.widgets.forms import FieldErrors, FormDialog, grow_to_fit
from ui.widgets.screen import html_escape
from ui.workers import Query

CONTACT_FIELDS = ("name", "position", "phone", "email")
DUPLICATE_CHECK_MS = 400


def grade_labels() -> dict[str, str]:
    """Grade code → what the screens call it (客户等级)."""
    from PySide6.QtCore import QCoreApplication

    return {
        "": QCoreApplication.translate("Customers", "Not graded"),
        "A": QCoreApplication.translate("Customers", "A – key customer"),
        "B": QCoreApplication.translate("Customers", "B – regular"),
        "C": QCoreApplication.translate("Customers", "C – occasional"),
        "D": QCoreApplication.translate("Customers", "D – dormant"),
    }


def reason_labels() -> dict[str, str]:
    """Why a record may be a duplicate, in words."""
    from PySide6.QtCore import QCoreApplication

    return {
        "id_number": QCoreApplication.translate("Customers", "same ID number"),
        "company_reg": QCoreApplication.translate("Customers", "same credit code"),
        "phone": QCoreApplication.translate("Customers", "same phone"),
        "email": QCoreApplication.translate("Customers", "same e-mail"),
        "name_birth_date": QCoreApplication.translate("Customers", "same name and birth date"),
        "name_city": QCoreApplication.translate("Customers", "same name and city"),
        "name": QCoreApplication.translate("Customers", "same name"),
    }


class CustomerDialog(FormDialog):
    def __init__(self, ctx: AppContext, customer_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.customer_id = customer_id
        self.saved_id: str | None = None
        # A possible duplicate the user chose to open instead of saving this one.
        self.opened_id: str | None = None
        self.candidates: list[duplicates.Candidate] = []
        self._check_serial = 0
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
        self.marketing_ok.setObjectName("marketing_ok")
        self.marketing_since = QLabel()
        self.marketing_since.setObjectName("marketingSince")
        self.grade = QComboBox()
        for code, label in grade_labels().items():
            self.grade.addItem(label, code)
        self.tags = QLineEdit()
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.duplicates = QLabel()
        self.duplicates.setObjectName("duplicates")
        self.duplicates.setWordWrap(True)
        self.duplicates.setTextFormat(Qt.TextFormat.RichText)
        self.duplicates.linkActivated.connect(self._open_duplicate)
        self.duplicates.hide()
        self.active = QCheckBox(self.tr("Active"))
        self.active.setChecked(True)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        for name in ("kind", "name", "alt_name", "phone", "email", "id_number", "company_reg", "address", "city",
                     "postcode", "birth_date", "notes", "grade", "tags"):
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
        grade_row = QHBoxLayout()
        grade_row.setContentsMargins(0, 0, 0, 0)
        grade_row.addWidget(self.grade, 1)
        tags_label = QLabel(self.tr("Ta&gs"))
        tags_label.setBuddy(self.tags)
        grade_row.addWidget(tags_label)
        grade_row.addWidget(self.tags, 2)
        grade_holder = QWidget()
        grade_holder.setLayout(grade_row)
        self.errors.add_row("grade", self.tr("G&rade"), grade_holder)
        self.errors.widgets["tags"] = self.tags
        self.errors.labels["tags"] = self.errors.labels["grade"]
        self.errors.add_row("notes", self.tr("N&otes"), self.notes)
        flags = QHBoxLayout()
        flags.addWidget(self.marketing_ok)
        flags.addWidget(self.marketing_since)
        flags.addStretch(1)
        flags.addWidget(self.active)
        form.addRow("", flags)
        self.errors.labels.setdefault("marketing_since", self.errors.labels["grade"])
        self.errors.widgets["marketing_since"] = self.marketing_ok

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
        layout.addWidget(self.duplicates)
        layout.addLayout(form)
        layout.addWidget(contact_box)
        layout.addWidget(self.buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        if customer_id:
            self._load(customer_id)
        self._kind_changed()
        self._check_timer = QTimer(self, singleShot=True, interval=DUPLICATE_CHECK_MS)
        self._check_timer.timeout.connect(self.check_duplicates)
        for w in (self.name, self.alt_name, self.phone, self.email, self.id_number, self.company_reg, self.city):
            w.textChanged.connect(lambda _t: self._check_timer.start())
        self.birth_date.dateChanged.connect(lambda *_a: self._check_timer.start())
        self.contacts.itemChanged.connect(lambda _i: self._check_timer.start())
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
        self.grade.setCurrentIndex(max(0, self.grade.findData(d.grade)))
        self.tags.setText(", ".join(d.tags))
        if d.marketing_ok and d.marketing_since:
            self.marketing_since.setText(self.tr("since %1").replace("%1", date_text(d.marketing_since)))
        elif detail.marketing_withdrawn_on:
            self.marketing_since.setText(self.tr("withdrawn on %1").replace(
                "%1", date_text(detail.marketing_withdrawn_on)))
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
            active=self.active.isChecked(), contacts=contacts, grade=self.grade.currentData(),
            tags=customers.split_tags(self.tags.text()))

    # --- possible duplicates --------------------------------------------------------------------
    def check_duplicates(self) -> Query:
        """Look for customers this one may duplicate (database worker) and show them. GUI thread."""
        self._check_timer.stop()
        self._check_serial += 1
        serial, data = self._check_serial, self.value()
        db, actor, cid = self.ctx.db, self.ctx.actor, self.customer_id
        return Query(self, lambda: duplicates.find(db, actor, data, exclude_id=cid)).success(
            lambda found: self._show_duplicates(serial, found)).run()

    def done(self, result: int) -> None:
        # A check still under way when the dialog closes is no longer wanted.
        self._check_timer.stop()
        self._check_serial += 1
        super().done(result)

    def _show_duplicates(self, serial: int, found: list[duplicates.Candidate]) -> None:
        if serial != self._check_serial or not shiboken6.isValid(self):
            return
        self.candidates = found
        if not found:
            self.duplicates.hide()
            self._set_save_text(False)
            return
        reasons = reason_labels()
        items = []
        for c in found:
            why = ", ".join(reasons.get(r, r) for r in c.reasons)
            where = " · ".join(x for x in (phone_text(c.phone, self.ctx.settings.country), c.city) if x)
            items.append(f'<a href="{c.id}">{html_escape(c.name)}</a> ({html_escape(why)}'
                         + (f"; {html_escape(where)}" if where else "") + ")")
        self.duplicates.setText("<b>" + html_escape(self.tr("Possible duplicates:")) + "</b> " + " · ".join(items)
                                + "<br>" + html_escape(self.tr("Click a name to open that customer instead.")))
        self.duplicates.show()
        self._set_save_text(True)
        grow_to_fit(self)

    def _set_save_text(self, warn: bool) -> None:
        button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        button.setText(self.tr("Save &anyway") if warn else self.tr("&Save"))

    def _open_duplicate(self, customer_id: str) -> None:
        self.opened_id = customer_id
        self.reject()

    def save(self) -> None:
        # The possible duplicates shown when Save is pressed were seen: Save (then "Save anyway")
        # saves. Any not shown yet are shown first, and saving takes a second press.
        shown = frozenset(c.id for c in self.candidates) if self.duplicates.isVisible() else frozenset()
        self.buttons.setEnabled(False)
        self.check_duplicates().success(lambda found: self._save_after_check(found, shown))

    def _save_after_check(self, found: list[duplicates.Candidate], shown: frozenset[str]) -> None:
        if not shiboken6.isValid(self) or not self.isVisible():
            return
        self.buttons.setEnabled(True)
        if not frozenset(c.id for c in found) <= shown:
            self._set_save_text(True)
            return
        self._submit()

    def _submit(self) -> None:
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
        return super().ask(ctx, parent, customer_id=customer_id)


def _error_label():
    from PySide6.QtWidgets import QLabel

    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.hide()
    return label
