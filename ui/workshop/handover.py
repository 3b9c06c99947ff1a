"""Handover (交车): the dialog that hands an invoiced repair order's car back with the mileage out and
the next service due."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from services.workshop import handover
from ui.context import AppContext
from ui.widgets.fields import DateEdit
from ui.widgets.forms import FieldErrors, FormDialog, hint_label


def km_text(km: int | None) -> str:
    return "" if km is None else QCoreApplication.translate("Workshop", "%1 km").replace("%1", f"{km:,}")


class HandoverDialog(FormDialog):
    """Hand an invoiced repair order's car back: the mileage out and the next service due (offered at
    the dealership's service interval). Use :meth:`ask`."""

    def __init__(self, ctx: AppContext, repair_order_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.repair_order_id = repair_order_id
        offered = handover.defaults(ctx.db, ctx.actor, repair_order_id)
        self.setWindowTitle(self.tr("Hand over %1").replace("%1", offered.number))
        self.setMinimumWidth(440)
        form = QFormLayout()
        self.errors = FieldErrors(form)
        form.addRow(self.tr("Mileage in"), QLabel(km_text(offered.mileage_in)))
        self.mileage_out = self._km(offered.mileage_out, "mileage_out")
        self.errors.add_row("mileage_out", self.tr("&Mileage out"), self.mileage_out)
        self.next_on = DateEdit(offered.next_service_on)
        self.next_on.setObjectName("next_service_on")
        self.errors.add_row("next_service_on", self.tr("Next service &date"), self.next_on)
        self.next_km = self._km(offered.next_service_km, "next_service_km")
        self.errors.add_row("next_service_km", self.tr("Next service &at"), self.next_km)
        self._interval = offered.interval_km
        self._km_touched = False
        self.next_km.valueChanged.connect(self._next_km_edited)
        self.mileage_out.valueChanged.connect(self._follow_mileage)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Hand over"))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint_label(
            self.tr("The next service falls due after %1 months or %2, whichever comes first. Handing over "
                    "closes the repair order and makes its satisfaction survey due.")
            .replace("%1", str(offered.interval_months)).replace("%2", km_text(offered.interval_km))))
        layout.addWidget(self.buttons)
        self.mileage_out.setFocus()
        self.mileage_out.selectAll()

    @staticmethod
    def _km(value: int, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        box.setRange(0, handover.MAX_KM)
        box.setGroupSeparatorShown(True)
        box.setSuffix(" km")
        box.setValue(value)
        return box

    def _next_km_edited(self) -> None:
        if self.next_km.hasFocus():
            self._km_touched = True

    def _follow_mileage(self, value: int) -> None:
        # Until someone changes it, the next service's mileage stays one interval above the mileage out.
        if not self._km_touched:
            self.next_km.blockSignals(True)
            self.next_km.setValue(value + self._interval)
            self.next_km.blockSignals(False)

    def save(self) -> None:
        db, actor, ro_id = self.ctx.db, self.ctx.actor, self.repair_order_id
        data = handover.HandoverInput(mileage_out=self.mileage_out.value(), next_service_on=self.next_on.value(),
                                      next_service_km=self.next_km.value())
        self.submit(lambda: handover.hand_over(db, actor, ro_id, data))

    @classmethod
    def ask(cls, ctx: AppContext, repair_order_id: str, parent: QWidget | None = None) -> bool:
        dialog = cls(ctx, repair_order_id, parent)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return accepted
