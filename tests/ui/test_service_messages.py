"""Service messages in the user's language: services raise English templates with parameters, the UI
translates them, and the translation tool keeps every template in the .ts file."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QLabel

from app import i18n_tools
from core.errors import ValidationError
from core.messages import Message, msg
from services import customers
from ui import i18n
from ui.messages import error_text


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    assert i18n.install("zh_CN")
    try:
        yield
    finally:
        i18n.install("en")


def test_the_generated_service_strings_are_current():
    assert i18n_tools.GENERATED.read_text(encoding="utf-8") == i18n_tools.generated_source(), \
        "run `make translations`"


def test_a_message_is_english_text_that_keeps_its_template_and_parameters():
    m = msg("Count {number} is {status}", number="CNT1-2026-000001", status="posted")
    assert m == "Count CNT1-2026-000001 is posted"
    assert isinstance(m, Message) and m.template == "Count {number} is {status}"
    error = ValidationError("status", m)
    assert isinstance(error.detail, Message) and str(error) == "status: Count CNT1-2026-000001 is posted"


def test_a_service_refusal_is_shown_in_chinese_with_the_field_name_translated(chinese, db, owner):
    with pytest.raises(ValidationError) as refused:
        customers.create(db, owner, customers.CustomerInput(kind="person", name=""))
    text = error_text(refused.value)
    assert text == "名称：必须填写客户名称", text


def test_parameters_are_filled_into_the_translated_template(chinese):
    error = ValidationError("part_number", msg("{brand} {part_number} is already in the catalogue",
                                               brand="Bosch", part_number="0 986 452 041"))
    assert error_text(error) == "零件号：Bosch 0 986 452 041 已在目录中"


def test_a_field_error_in_a_dialog_is_shown_in_chinese(chinese, ctx, qtbot, settle, monkeypatch):
    from ui.customers.editor import CustomerDialog

    dialog = CustomerDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.errors.show(ValidationError("name", msg("A customer name is required")))
    shown = [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog) and label.text()]
    assert "必须填写客户名称" in shown


def test_a_file_that_cannot_be_written_is_explained_in_chinese_with_its_cause(chinese, tmp_path):
    import errno

    from services import files

    problem = files.file_problem(tmp_path / "parts.xlsx", OSError(errno.ENOSPC, "No space left on device"))
    assert str(problem) == f"Cannot write {tmp_path / 'parts.xlsx'}: the disk is full"
    assert error_text(problem) == f"无法写入 {tmp_path / 'parts.xlsx'}：磁盘已满"


def test_a_taxpayer_number_is_named_as_one_not_as_the_tax():
    """The audit trail summarised a change of the dealership's tax_id as "tax" (税额, a tax amount):
    a field ending in tax_id is a taxpayer number, while other *_id fields name their record."""
    from core.messages import field_label

    assert [field_label(f) for f in ("tax_id", "customer_tax_id", "dealer_tax_id", "customer_id", "unit_price")] == [
        "Tax ID", "Customer tax ID", "Dealer tax ID", "Customer", "Unit price"]


def test_every_status_a_record_can_have_reads_in_chinese_inside_a_refusal(chinese):
    """No English status code inside a Chinese sentence: every status of every kind of record has its
    word, translated (a new status without one fails here)."""
    import re

    from core.status_words import STATUS_WORDS, status_word
    from models.appointments import APPOINTMENT_STATUSES
    from models.billing import INVOICE_STATUSES
    from models.parts import COUNT_STATUSES, PO_STATUSES
    from models.reception import ESTIMATE_STATUSES
    from models.workshop import RO_STATUSES
    from services.billing.thirdparty import CLAIM_STATUSES

    for status in {*RO_STATUSES, *PO_STATUSES, *COUNT_STATUSES, *INVOICE_STATUSES, *ESTIMATE_STATUSES,
                   *CLAIM_STATUSES} - set(APPOINTMENT_STATUSES):
        assert status in STATUS_WORDS, status
        error = ValidationError("status", msg("Repair order {number} is {status}: its parts can no longer move",
                                              number="ROT1-2026-000001", status=status_word(status)))
        text = error_text(error)
        assert not re.search(r"[A-Za-z]{3,}", text.replace("ROT", "")), text


def test_a_refusal_naming_what_was_being_done_reads_in_chinese(chinese, db, owner):
    from services.workshop import orders, parts
    from tests.services.workshop_samples import job_with_lines, repair_order, shop

    s = shop(db, owner)
    ro_id, _number = repair_order(db, owner, s)
    _job, _labour, line = job_with_lines(db, owner, ro_id, s)
    parts.reserve_part(db, owner, line)
    for status in ("in_progress", "quality_check"):
        orders.set_status(db, owner, ro_id, status)
    with pytest.raises(ValidationError) as refused:
        orders.set_status(db, owner, ro_id, "completed")
    text = error_text(refused.value)
    assert "complete" not in text and "无法" in text, text
    with pytest.raises(ValidationError) as refused:
        parts.return_part(db, owner, line, 5000)
    assert "return" not in error_text(refused.value), error_text(refused.value)


def test_a_delivery_refused_names_what_is_open_in_chinese(chinese, db, owner):
    """The refusal listed its open items in English inside a Chinese sentence: they were joined as
    plain text into the message's parameter."""
    import re

    from services.sales import deals, delivery
    from tests.services.deal_samples import customer, quote, stock_vehicle

    saved = quote(db, owner, customer(db, owner), stock_vehicle(db, owner, documents=False))
    deals.order(db, owner, saved.id)
    deals.invoice(db, owner, saved.id)
    with pytest.raises(ValidationError) as refused:
        delivery.deliver(db, owner, saved.id)
    text = error_text(refused.value)
    assert "未付" in text and "；" in text, text
    assert not re.search(r"[a-z]{3,}", text), text  # numbers and PDI aside, nothing English


def test_no_message_parameter_is_text_joined_from_messages():
    """A parameter joined with ``"; ".join(...)`` is English text whatever the reader speaks: messages
    are joined with core.messages.joined (or status words with word_list). Joins of names, numbers and
    codes (data, not words) are named by their parameters below."""
    import ast
    from pathlib import Path

    # The codes a field accepts ("items", as typed in a file or at the command line), invoice numbers,
    # people's names, pay-type codes, counts of records moved.
    data_params = {"items", "invoices", "people", "pay_types", "moved"}
    root = Path(i18n_tools.ROOT)
    found = []
    for path in sorted((root / "services").rglob("*.py")):
        where = path.relative_to(root).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "msg"):
                continue
            for keyword in node.keywords:
                value = keyword.value
                if isinstance(value, ast.Call) and isinstance(value.func, ast.Attribute) \
                        and value.func.attr == "join" and keyword.arg not in data_params:
                    found.append(f"{where}:{node.lineno} {keyword.arg}")
    assert not found, found
