"""The parts area: catalogue, stock ledger, purchasing, stock counts and their files."""

from __future__ import annotations

from services.area import Area, ExportKind
from services.parts import alerts, exports
from services.parts.imports import PARTS, PRICE_LIST, STOCK_COUNT
from services.parts.lists import PARTS as PARTS_LIST
from services.parts.lists import PURCHASE_ORDERS, STOCK_COUNTS, SUPPLIERS
from services.search import SearchKind, normalize, short_grams

PERMISSIONS = {
    "part.view": "View parts and stock",
    "part.edit": "Create and edit parts, prices and suppliers",
    "part.import": "Import catalogues, price lists and counts",
    "stock.adjust": "Adjust stock and post count variances",
    "stock.count": "Run stock counts",
    "purchase.edit": "Create and send purchase orders",
    "purchase.receive": "Receive goods",
    "cost.view": "See costs, suppliers and purchase orders",
}

_VIEW = frozenset({"part.view"})


def part_doc(r) -> dict:
    title = " ".join(filter(None, (r.brand, r.part_number, r.description)))
    body = " | ".join(filter(None, (r.number_key, normalize(r.part_number), normalize(r.description),
                                    normalize(r.description_alt))))
    # Short grams of the descriptions only: a two-character Chinese description ("机油") must find
    # the part, while two characters of a part number would match too much of the catalogue.
    return {"kind": "part", "ref_id": r.id, "title": title, "detail": r.bin or "", "body": body,
            "grams": short_grams(r.description_alt, r.description)}


PART_SEARCH = SearchKind(
    name="part", permission="part.view", id_column="p.id", build=part_doc,
    sql="""
SELECT p.id, b.name AS brand, p.part_number, p.number_key, p.description, p.description_alt, p.bin
FROM part p CROSS JOIN brand b ON b.id = p.brand_id WHERE 1 = 1 {ids}
""")

AREA = Area(
    name="parts",
    permissions=PERMISSIONS,
    grants={
        "sales_manager": _VIEW | {"cost.view"}, "service_advisor": _VIEW, "foreman": _VIEW, "technician": _VIEW,
        # Costs are the parts desk's and management's business, not the workshop's or the showroom's.
        "parts_clerk": frozenset(PERMISSIONS), "cashier": frozenset({"cost.view"}), "read_only": _VIEW,
    },
    lists=(PARTS_LIST, PURCHASE_ORDERS, STOCK_COUNTS, SUPPLIERS, *alerts.SOURCES),
    search_kinds=(PART_SEARCH,),
    import_kinds=(PARTS, PRICE_LIST, STOCK_COUNT),
    export_kinds=(
        ExportKind("parts", "the parts catalogue", exports.export_parts),
        ExportKind("stock", "every part's bin, on hand, reserved, available and average cost", exports.export_stock),
    ),
)
