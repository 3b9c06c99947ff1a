"""Stock vehicles move on order → in transit → in stock → reserved → sold → delivered, each move an event."""

from __future__ import annotations

import pytest

from core.errors import Conflict
from models.vehicles import StockVehicle
from services import vehicles
from services.vehicles import VehicleInput, stock
from store.uow import UnitOfWork
from tests.services.samples import chinese_vin, raw_rows


def _stock(db, owner, n: int = 1, status: str = "on_order") -> str:
    vid = vehicles.create(db, owner, VehicleInput(vin=chinese_vin(n), make="BYD", model="Qin"))
    with UnitOfWork(db, owner) as uow:
        row = StockVehicle(vehicle_id=vid, stock_number=f"S{n:04d}", status=status, make="BYD", model="Qin",
                           purchase_cost=100_000_00, list_price=120_000_00)
        uow.session.add(row)
        uow.session.flush()
        sid = row.id
        uow.commit()
    return sid


def _events(db_path, sid) -> list[tuple]:
    return raw_rows(db_path, "SELECT from_status, to_status, deal_id, by FROM stock_event "
                             "WHERE stock_vehicle_id = ? ORDER BY rowid", (sid,))


def _status(db_path, sid) -> tuple:
    return raw_rows(db_path, "SELECT status, deal_id FROM stock_vehicle WHERE id = ?", (sid,))[0]


def test_the_way_through_stock_is_recorded_as_events_with_who(db, db_path, owner):
    sid = _stock(db, owner)
    with UnitOfWork(db, owner) as uow:
        stock.arrive_in(uow, sid, "in_transit")
        stock.arrive_in(uow, sid, "in_stock")
        stock.reserve_in(uow, sid, "deal-1")
        stock.sell_in(uow, sid, "deal-1")
        stock.deliver_in(uow, sid, "deal-1")
        uow.commit()
    assert _status(db_path, sid) == ("delivered", "deal-1")
    assert [e[:2] for e in _events(db_path, sid)] == [
        ("on_order", "in_transit"), ("in_transit", "in_stock"), ("in_stock", "reserved"),
        ("reserved", "sold"), ("sold", "delivered")]
    assert {e[3] for e in _events(db_path, sid)} == {"owner"}


def test_a_vehicle_held_by_one_deal_cannot_be_reserved_by_another(db, db_path, owner):
    sid = _stock(db, owner, status="in_stock")
    with UnitOfWork(db, owner) as uow:
        stock.reserve_in(uow, sid, "deal-1")
        uow.commit()
    with pytest.raises(Conflict), UnitOfWork(db, owner) as uow:
        stock.reserve_in(uow, sid, "deal-2", deal_number="DL-2")
    assert _status(db_path, sid) == ("reserved", "deal-1")


def test_releasing_goes_back_to_where_the_vehicle_was_before_it_was_reserved(db, db_path, owner):
    sid = _stock(db, owner, status="in_transit")
    with UnitOfWork(db, owner) as uow:
        stock.reserve_in(uow, sid, "deal-1")
        stock.release_in(uow, sid, "deal-1", reason="customer changed his mind")
        uow.commit()
    assert _status(db_path, sid) == ("in_transit", None)
    assert _events(db_path, sid)[-1][:3] == ("reserved", "in_transit", "deal-1")


@pytest.mark.parametrize("move", ["sell", "deliver"])
def test_selling_or_delivering_a_vehicle_not_reserved_by_the_deal_is_refused(db, db_path, owner, move):
    sid = _stock(db, owner, status="in_stock")
    with pytest.raises(Conflict), UnitOfWork(db, owner) as uow:
        getattr(stock, f"{move}_in")(uow, sid, "deal-1")
    assert _status(db_path, sid) == ("in_stock", None)
    assert _events(db_path, sid) == []


def test_total_cost_adds_the_added_costs(db, owner):
    from datetime import date

    from models.vehicles import StockVehicleCost
    sid = _stock(db, owner)
    with UnitOfWork(db, owner) as uow:
        uow.session.add(StockVehicleCost(stock_vehicle_id=sid, kind="freight", amount=1_500_00,
                                         incurred_on=date(2026, 1, 5)))
        uow.commit()
    with UnitOfWork(db, owner) as uow:
        assert stock.total_cost(uow.session, sid) == 101_500_00
