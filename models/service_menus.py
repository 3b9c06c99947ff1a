"""Service packages (menu prices): a fixed price for a set of labour operations and a parts kit, for
the model families or VIN ranges it names (none named: every vehicle).

Applying a package to a job puts its lines on the job at their itemised prices and shares the
difference to the package price over them as a *menu discount*, so the job comes to the package
price; the job keeps the package, its price and the variance (itemised − package), which reaches the
journal when the job is invoiced (services/workshop/menus.py).
"""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

MENU_ITEM_KINDS = ("labour", "part")


class ServiceMenu(SyncedMixin, Audited, Base):
    """A package: ``price`` in minor units, in the same terms as unit prices (tax included or not,
    by the dealership's setting)."""

    __tablename__ = "service_menu"

    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    price: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class ServiceMenuItem(SyncedMixin, Audited, Base):
    """One line of a package: a labour operation (``operation_code``, ``hours`` hundredths; None: the
    operation's standard hours) or a part of the kit (``part_id``, ``quantity`` thousandths)."""

    __tablename__ = "service_menu_item"
    __table_args__ = (
        UniqueConstraint("menu_id", "line_no"),
        CheckConstraint("kind IN ('labour', 'part')", name="kind"),
    )

    menu_id: Mapped[str] = mapped_column(ID, ForeignKey("service_menu.id", ondelete="CASCADE"))
    line_no: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    operation_code: Mapped[str] = mapped_column(String(40), default="")
    hours: Mapped[int | None] = mapped_column(Integer, nullable=True)
    part_id: Mapped[str | None] = mapped_column(ID, ForeignKey("part.id"), nullable=True)
    quantity: Mapped[int] = mapped_column(Integer, default=0)


class ServiceMenuScope(SyncedMixin, Audited, Base):
    """Where a package is valid: a model family, or a VIN range (``vin_from`` … ``vin_to``, both
    included, compared as upper-case text)."""

    __tablename__ = "service_menu_scope"
    __table_args__ = (Index("ix_service_menu_scope_menu_id", "menu_id"),)

    menu_id: Mapped[str] = mapped_column(ID, ForeignKey("service_menu.id", ondelete="CASCADE"))
    model_family: Mapped[str] = mapped_column(String(80), default="")
    vin_from: Mapped[str] = mapped_column(String(17), default="")
    vin_to: Mapped[str] = mapped_column(String(17), default="")
