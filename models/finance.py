"""Finance and insurance around a sale, the trade-in appraisal's details and salespeople's targets.

An :class:`InsurancePolicy` is one year (or term) of cover on a customer's car, sold with a deal or
on its own; renewing it makes the next policy, linked back by ``renewed_from_id``, so a policy with no
successor is the one whose renewal falls due. The commission the insurer owes for it is booked, and
corrected, in dated :class:`InsuranceCommissionEntry` rows. A trade-in's appraisal (``models.sales.TradeIn``) is
graded area by area (:class:`TradeInCondition`) and costed kind by kind (:class:`TradeInReconditioning`).
A :class:`SalesTarget` is a salesperson's goal for one month; :class:`CommissionRule` says how
commission is earned on delivered deals (the dealership's rule has ``salesperson`` '', a salesperson's
own rule replaces it for them).
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Audited, Base, SyncedMixin

POLICY_KINDS = ("compulsory", "commercial", "other")  # 交强险, 商业险, other
CONDITION_AREAS = ("body", "paint", "interior", "engine", "gearbox", "tyres", "electrics")
CONDITION_GRADES = ("good", "fair", "poor")
RECONDITIONING_KINDS = ("body_paint", "mechanical", "tyres", "cleaning", "other")


class InsurancePolicy(SyncedMixin, Audited, Base):
    """A policy on a customer's car. Amounts in minor units: ``premium`` what the customer pays the
    insurer, ``commission`` what the insurer pays the dealership for selling it."""

    __tablename__ = "insurance_policy"
    __table_args__ = (
        Index("ix_insurance_policy_customer_id", "customer_id"),
        Index("ix_insurance_policy_vehicle_id", "vehicle_id"),
        Index("ix_insurance_policy_deal_id", "deal_id"),
        Index("ix_insurance_policy_ends_on", "ends_on"),
        Index("ix_insurance_policy_renewed_from_id", "renewed_from_id"),
        CheckConstraint("kind IN ('compulsory', 'commercial', 'other')", name="kind"),
        CheckConstraint("premium >= 0", name="premium"),
        CheckConstraint("commission >= 0", name="commission"),
        CheckConstraint("ends_on > starts_on", name="dates"),
    )

    customer_id: Mapped[str] = mapped_column(ID, ForeignKey("customer.id"))
    vehicle_id: Mapped[str] = mapped_column(ID, ForeignKey("vehicle.id"))
    deal_id: Mapped[str | None] = mapped_column(ID, ForeignKey("deal.id"), nullable=True)
    insurer: Mapped[str] = mapped_column(String(120))
    kind: Mapped[str] = mapped_column(String(12), default="commercial")
    policy_number: Mapped[str] = mapped_column(String(60), default="")
    premium: Mapped[int] = mapped_column(Integer, default=0)
    commission: Mapped[int] = mapped_column(Integer, default=0)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date] = mapped_column(Date)
    # The policy this one renews; the renewed policy is the one that has a successor.
    renewed_from_id: Mapped[str | None] = mapped_column(ID, ForeignKey("insurance_policy.id"), nullable=True)
    notes: Mapped[str] = mapped_column(Text, default="")



class InsuranceCommissionEntry(SyncedMixin, Audited, Base):
    """One dated change to what an insurer owes the dealership for selling a policy, append-only: the
    commission when the policy is recorded (``earned``), the difference when it is corrected
    (``corrected``, negative when it falls). Each keeps the insurer and policy number as they were
    when it was booked. The journal reads these, so a period once exported never changes; the
    policy's ``commission`` is always their sum."""

    __tablename__ = "insurance_commission_entry"
    __table_args__ = (
        Index("ix_insurance_commission_entry_policy_id", "policy_id"),
        Index("ix_insurance_commission_entry_booked_on", "booked_on"),
        CheckConstraint("kind IN ('earned', 'corrected')", name="kind"),
    )

    policy_id: Mapped[str] = mapped_column(ID, ForeignKey("insurance_policy.id"))
    kind: Mapped[str] = mapped_column(String(10))
    amount: Mapped[int] = mapped_column(Integer)
    booked_on: Mapped[date] = mapped_column(Date)
    insurer: Mapped[str] = mapped_column(String(120))
    policy_number: Mapped[str] = mapped_column(String(60), default="")

class TradeInCondition(SyncedMixin, Audited, Base):
    """How one area of a traded-in car was found: a grade and a note."""

    __tablename__ = "trade_in_condition"
    __table_args__ = (
        UniqueConstraint("trade_in_id", "area"),
        CheckConstraint("area IN ('body', 'paint', 'interior', 'engine', 'gearbox', 'tyres', 'electrics')",
                        name="area"),
        CheckConstraint("grade IN ('good', 'fair', 'poor')", name="grade"),
    )

    trade_in_id: Mapped[str] = mapped_column(ID, ForeignKey("trade_in.id", ondelete="CASCADE"))
    area: Mapped[str] = mapped_column(String(12))
    grade: Mapped[str] = mapped_column(String(8), default="good")
    note: Mapped[str] = mapped_column(String(300), default="")


class TradeInReconditioning(SyncedMixin, Audited, Base):
    """What a traded-in car is expected to cost to make ready for sale, for one kind of work."""

    __tablename__ = "trade_in_reconditioning"
    __table_args__ = (
        UniqueConstraint("trade_in_id", "kind"),
        CheckConstraint("kind IN ('body_paint', 'mechanical', 'tyres', 'cleaning', 'other')", name="kind"),
        CheckConstraint("amount >= 0", name="amount"),
    )

    trade_in_id: Mapped[str] = mapped_column(ID, ForeignKey("trade_in.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(12))
    amount: Mapped[int] = mapped_column(Integer, default=0)
    note: Mapped[str] = mapped_column(String(300), default="")


class SalesTarget(SyncedMixin, Audited, Base):
    """A salesperson's target for a month (``month`` is its first day): units delivered and gross
    profit (minor units)."""

    __tablename__ = "sales_target"
    __table_args__ = (
        UniqueConstraint("salesperson", "month"),
        Index("ix_sales_target_month", "month"),
        CheckConstraint("units >= 0", name="units"),
        CheckConstraint("gross >= 0", name="gross"),
    )

    salesperson: Mapped[str] = mapped_column(String(64))
    month: Mapped[date] = mapped_column(Date)
    units: Mapped[int] = mapped_column(Integer, default=0)
    gross: Mapped[int] = mapped_column(Integer, default=0)


class CommissionRule(SyncedMixin, Audited, Base):
    """How commission is earned on a delivered deal: ``gross_bp`` basis points of its gross profit
    (a loss earns none) plus ``per_unit`` (minor units) a car. ``salesperson`` '' is the dealership's
    rule; a salesperson's own row replaces it for them."""

    __tablename__ = "commission_rule"
    __table_args__ = (
        UniqueConstraint("salesperson"),
        CheckConstraint("gross_bp >= 0 AND gross_bp <= 10000", name="gross_bp"),
        CheckConstraint("per_unit >= 0", name="per_unit"),
    )

    salesperson: Mapped[str] = mapped_column(String(64), default="")
    gross_bp: Mapped[int] = mapped_column(Integer, default=0)
    per_unit: Mapped[int] = mapped_column(Integer, default=0)
