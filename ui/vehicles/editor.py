"""Create or edit a vehicle; the VIN is checked and decoded as it is typed."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from core.errors import ValidationError
from services import vehicles
from ui.context import AppContext
from ui.messages import detail_text
from ui.widgets.customer_picker import CustomerPicker, PickedCustomerId
from ui.widgets.fields import DateEdit
from ui.widgets.forms import FieldErrors, FormDialog
from ui.widgets.keys import enter_presses


def fuel_labels() -> dict[str, str]:
    """Fuel code → translated name (GUI thread)."""
    return {
        "petrol": QCoreApplication.translate("VehicleLabels", "Petrol"),
        "diesel": QCoreApplication.translate("VehicleLabels", "Diesel"),
        "hybrid": QCoreApplication.translate("VehicleLabels", "Hybrid"),
        "plug_in_hybrid": QCoreApplication.translate("VehicleLabels", "Plug-in hybrid"),
        "electric": QCoreApplication.translate("VehicleLabels", "Electric"),
        "lpg": QCoreApplication.translate("VehicleLabels", "LPG"),
        "other": QCoreApplication.translate("VehicleLabels", "Other"),
    }


def country_name(name: str) -> str:
    """The country a VIN decodes to (the decoder names it in English), in the user's language."""
    names = {
        "China": QCoreApplication.translate("Countries", "China"),
        "Germany": QCoreApplication.translate("Countries", "Germany"),
        "Japan": QCoreApplication.translate("Countries", "Japan"),
        "South Korea": QCoreApplication.translate("Countries", "South Korea"),
        "Korea": QCoreApplication.translate("Countries", "Korea"),
        "United States": QCoreApplication.translate("Countries", "United States"),
        "United Kingdom": QCoreApplication.translate("Countries", "United Kingdom"),
        "France": QCoreApplication.translate("Countries", "France"),
        "Italy": QCoreApplication.translate("Countries", "Italy"),
        "Sweden": QCoreApplication.translate("Countries", "Sweden"),
        "Spain": QCoreApplication.translate("Countries", "Spain"),
        "Czech Republic": QCoreApplication.translate("Countries", "Czech Republic"),
        "Mexico": QCoreApplication.translate("Countries", "Mexico"),
        "Canada": QCoreApplication.translate("Countries", "Canada"),
        "Brazil": QCoreApplication.translate("Countries", "Brazil"),
        "India": QCoreApplication.translate("Countries", "India"),
        "Thailand": QCoreApplication.translate("Countries", "Thailand"),
        "Hungary": QCoreApplication.translate("Countries", "Hungary"),
        "Austria": QCoreApplication.translate("Countries", "Austria"),
        "Belgium": QCoreApplication.translate("Countries", "Belgium"),
        "Netherlands": QCoreApplication.translate("Countries", "Netherlands"),
        "Slovakia": QCoreApplication.translate("Countries", "Slovakia"),
        "Poland": QCoreApplication.translate("Countries", "Poland"),
        "Turkey": QCoreApplication.translate("Countries", "Turkey"),
        "Russia": QCoreApplication.translate("Countries", "Russia"),
        "Australia": QCoreApplication.translate("Countries", "Australia"),
    }
    return names.get(name, name)

class VehicleDialog(FormDialog):
    owner_id = PickedCustomerId()

    def __init__(self, ctx: AppContext, vehicle_id: str | None = None, *, owner: tuple[str, str] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.vehicle_id = vehicle_id
        self.saved_id: str | None = None
        # The owner is a customer, chosen as every dialog chooses one; none is a stock vehicle.
        self.customer_picker = CustomerPicker(ctx, placeholder=self.tr("No owner (stock vehicle)"))
        if owner:
            self.customer_picker.set_customer(*owner)
        self.setWindowTitle(self.tr("Edit vehicle") if vehicle_id else self.tr("New vehicle"))
        self.setMinimumWidth(560)

        self.vin = QLineEdit()
        self.vin.setMaxLength(17)
        self.vin.setPlaceholderText(self.tr("17 characters"))
        self.vin_info = QLabel()
        self.vin_info.setObjectName("hint")
        self.make = QLineEdit()
        self.model = QLineEdit()
        self.variant = QLineEdit()
        self.model_year = QSpinBox()
        self.model_year.setRange(1899, date.today().year + 2)
        self.model_year.setSpecialValueText(self.tr("not known"))
        self.model_year.setValue(1899)
        self.colour = QLineEdit()
        self.fuel = QComboBox()
        self.fuel.addItem(self.tr("not known"), "")
        labels = fuel_labels()
        for key in vehicles.FUELS:
            self.fuel.addItem(labels.get(key, key), key)
        self.plate = QLineEdit()
        self.registered_on = DateEdit(optional=True)
        self.odometer = QSpinBox()
        self.odometer.setRange(-1, 9_999_999)
        self.odometer.setSpecialValueText(self.tr("not known"))
        self.odometer.setValue(-1)
        self.odometer.setSuffix(" km")
        self.owner = self.customer_picker.name
        clear = QPushButton(self.tr("Clear"))
        clear.clicked.connect(self.customer_picker.clear)
        # Enter saves the dialog; it presses an owner button only while that button has the focus.
        enter_presses(clear)
        self.customer_picker.row.addWidget(clear)
        self.notes = QPlainTextEdit()
        self.notes.setFixedHeight(60)
        self.notes.setTabChangesFocus(True)
        for name in ("vin", "make", "model", "variant", "model_year", "colour", "fuel", "plate", "registered_on",
                     "odometer", "owner", "notes"):
            getattr(self, name).setObjectName(name)

        form = QFormLayout()
        self.errors = FieldErrors(form)
        self.errors.add_row("vin", self.tr("&VIN"), self.vin)
        form.addRow("", self.vin_info)
        self.errors.add_row("make", self.tr("&Make"), self.make)
        self.errors.add_row("model", self.tr("M&odel"), self.model)
        self.errors.add_row("variant", self.tr("Varia&nt"), self.variant)
        self.errors.add_row("model_year", self.tr("Model &year"), self.model_year)
        self.errors.add_row("colour", self.tr("&Colour"), self.colour)
        self.errors.add_row("fuel", self.tr("&Fuel"), self.fuel)
        self.errors.add_row("plate", self.tr("&Plate"), self.plate)
        self.errors.add_row("registered_on", self.tr("&Registered"), self.registered_on)
        self.errors.add_row("odometer_km", self.tr("O&dometer"), self.odometer)
        self.errors.add_row("owner_id", self.tr("O&wner"), self.customer_picker)
        self.errors.add_row("notes", self.tr("Notes"), self.notes)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.vin.editingFinished.connect(self.decode)
        if vehicle_id:
            self._load(vehicle_id)
        self.vin.setFocus()

    def decode(self) -> None:
        text = self.vin.text().strip()
        if not text:
            self.vin_info.clear()
            return
        try:
            info = vehicles.decode_vin(text)
        except ValidationError as exc:
            self.vin_info.setText(detail_text(exc))
            return
        parts = [x for x in (info.make, country_name(info.country)) if x]
        if info.model_years:
            parts.append("/".join(str(y) for y in info.model_years))
        self.vin_info.setText(" · ".join(parts + info.warnings))
        if not self.make.text().strip() and info.make:
            self.make.setText(info.make)

    def _load(self, vehicle_id: str) -> None:
        d = vehicles.get(self.ctx.db, self.ctx.actor, vehicle_id)
        v = d.data
        for key in ("vin", "make", "model", "variant", "colour", "plate"):
            getattr(self, key).setText(getattr(v, key) or "")
        if v.model_year:
            self.model_year.setValue(v.model_year)
        self.fuel.setCurrentIndex(max(0, self.fuel.findData(v.fuel)))
        self.registered_on.set_value(v.registered_on)
        if v.odometer_km is not None:
            self.odometer.setValue(v.odometer_km)
        self.customer_picker.set_customer(v.owner_id, d.owner_name)
        self.notes.setPlainText(v.notes)
        self.decode()

    def value(self) -> vehicles.VehicleInput:
        return vehicles.VehicleInput(
            vin=self.vin.text(), make=self.make.text(), model=self.model.text(), variant=self.variant.text(),
            model_year=None if self.model_year.value() == self.model_year.minimum() else self.model_year.value(),
            colour=self.colour.text(), fuel=self.fuel.currentData(), plate=self.plate.text(),
            registered_on=self.registered_on.value(),
            odometer_km=None if self.odometer.value() < 0 else self.odometer.value(),
            owner_id=self.owner_id, notes=self.notes.toPlainText())

    def save(self) -> None:
        data = self.value()
        db, actor, vid = self.ctx.db, self.ctx.actor, self.vehicle_id

        def work() -> str:
            if vid:
                vehicles.update(db, actor, vid, data)
                return vid
            return vehicles.create(db, actor, data)

        self.submit(work)

    @classmethod
    def ask(cls, ctx: AppContext, vehicle_id: str | None = None, *, owner: tuple[str, str] | None = None,
            parent: QWidget | None = None) -> str | None:
        return super().ask(ctx, parent, vehicle_id=vehicle_id, owner=owner)
