"""What waits to sync: counts per table and the pending changes themselves, for those allowed to see them."""

from __future__ import annotations

import pytest

from core import hlc
from core.errors import PermissionDenied, ValidationError
from services import customers, sync
from services.customers import ContactInput, CustomerInput
from tests.services.samples import raw_execute, raw_rows


def _clear_outbox(db_path) -> None:
    # The template's owner was created (and logs in) through the services: start from an empty outbox.
    raw_execute(db_path, "UPDATE sync_outbox SET acked_at = '2026-01-01 00:00:00'")


def test_pending_changes_are_counted_per_table_largest_first(db, db_path, owner):
    _clear_outbox(db_path)
    for n in range(3):
        customers.create(db, owner, CustomerInput(name=f"Customer {n}", contacts=[ContactInput(name=f"Contact {n}")]))
    customers.create(db, owner, CustomerInput(name="Customer 3"))
    summary = sync.pending_summary(db, owner)
    assert summary.by_table == {"customer": 4, "contact": 3}
    assert list(summary.by_table) == ["customer", "contact"]
    assert summary.total == 7
    assert summary.terminal_id == raw_rows(db_path, "SELECT id FROM terminal")[0][0]


def test_acknowledged_changes_are_no_longer_pending(db, db_path, owner):
    _clear_outbox(db_path)
    customers.create(db, owner, CustomerInput(name="Acked"))
    raw_execute(db_path, "UPDATE sync_outbox SET acked_at = '2026-01-02 00:00:00'")
    customers.create(db, owner, CustomerInput(name="Waiting"))
    assert sync.pending_summary(db, owner).by_table == {"customer": 1}
    [change] = sync.pending_changes(db, owner)
    assert (change.table, change.op, change.data["name"]) == ("customer", "insert", "Waiting")


def test_pending_changes_come_oldest_first_with_decoded_keys_values_and_stamps(db, db_path, owner):
    _clear_outbox(db_path)
    customer_id = customers.create(db, owner, CustomerInput(name="Lin Tao"))
    customers.update(db, owner, customer_id, CustomerInput(name="Lin Tao", city="Hangzhou"))
    customers.delete_customer(db, owner, customer_id)
    changes = sync.pending_changes(db, owner)
    assert [(c.op, c.key) for c in changes] == [("insert", {"id": customer_id}), ("update", {"id": customer_id}),
                                                ("delete", {"id": customer_id})]
    assert changes[0].data["name"] == "Lin Tao"
    assert changes[1].data["city"] == "Hangzhou"
    assert changes[2].data is None
    assert [c.seq for c in changes] == sorted(c.seq for c in changes)
    stamps = [hlc.decode(c.hlc) for c in changes]
    assert stamps == sorted(stamps) and len(set(stamps)) == 3


def test_pending_changes_page_on_from_the_last_sequence_number(db, db_path, owner):
    _clear_outbox(db_path)
    for n in range(5):
        customers.create(db, owner, CustomerInput(name=f"Paged {n}"))
    first = sync.pending_changes(db, owner, limit=2)
    second = sync.pending_changes(db, owner, after_seq=first[-1].seq, limit=2)
    third = sync.pending_changes(db, owner, after_seq=second[-1].seq, limit=2)
    names = [c.data["name"] for c in first + second + third]
    assert names == [f"Paged {n}" for n in range(5)]
    assert sync.pending_changes(db, owner, after_seq=third[-1].seq) == []


@pytest.mark.parametrize("limit", [0, -1, sync.MAX_PAGE + 1])
def test_a_page_size_out_of_range_is_refused_naming_the_limit(db, owner, limit):
    with pytest.raises(ValidationError) as caught:
        sync.pending_changes(db, owner, limit=limit)
    assert caught.value.field == "limit"


def test_only_a_role_with_sync_view_sees_pending_changes(db, owner, actor_for):
    assert owner.can("sync.view")
    cashier = actor_for("cashier")
    with pytest.raises(PermissionDenied):
        sync.pending_summary(db, cashier)
    with pytest.raises(PermissionDenied):
        sync.pending_changes(db, cashier)
