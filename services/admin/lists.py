"""Users, roles and the audit trail: the lists of the admin area (see :mod:`services.lists`)."""

from __future__ import annotations

from services.lists import Column, Filter, ListSource
from services.permissions import ROLES

USERS = ListSource(
    name="users",
    permission="user.admin",
    from_sql="user_account u",
    id_sql="u.id",
    columns=(
        Column("username", "u.username", width=120),
        Column("display_name", "u.display_name", width=180),
        Column("role", "u.role_code", width=140),
        Column("active", "u.active", kind="bool", width=60),
        Column("locked_until", "u.locked_until", kind="datetime"),
        Column("last_login_at", "u.last_login_at", kind="datetime"),
    ),
    filters=(
        Filter("role", "u.role_code = :value", choices=tuple(ROLES.items())),
        Filter("active", "u.active = :value", kind="bool"),
    ),
    search_sql="(u.username LIKE :search ESCAPE '\\' OR u.display_name LIKE :search ESCAPE '\\')",
    default_sort="username",
)

ROLES_LIST = ListSource(
    name="roles",
    permission="role.admin",
    from_sql="role r",
    id_sql="r.code",
    columns=(
        Column("code", "r.code", width=130),
        Column("name", "r.name", width=200),
        Column("builtin", "r.builtin", kind="bool", width=70),
        Column("permissions", "(SELECT count(*) FROM role_permission p WHERE p.role_code = r.code)",
               kind="int", width=90),
        Column("users", "(SELECT count(*) FROM user_account u WHERE u.role_code = r.code)", kind="int", width=70),
    ),
    search_sql="(r.code LIKE :search ESCAPE '\\' OR r.name LIKE :search ESCAPE '\\')",
    default_sort="code",
)

# The record an entry is about as people know it today, looked up by its id (`{id}`): an entry holds
# only the fields that changed, so a change of an invoice's status does not carry its number. Lines
# are named by their document and line number. Record types missing here are named by their id.
_PARENT_INVOICE = "(SELECT coalesce(i.number, '') FROM invoice i WHERE i.id = {fk})"
_PARENT_ORDER = "(SELECT r.number FROM repair_order r JOIN repair_job j ON j.repair_order_id = r.id WHERE j.id = {fk})"
RECORD_LABEL_SQL: dict[str, str] = {
    "customer": "SELECT name FROM customer WHERE id = {id}",
    "contact": "SELECT name FROM contact WHERE id = {id}",
    "customer_tag": "SELECT c.name || ' · ' || t.tag FROM customer_tag t JOIN customer c ON c.id = t.customer_id "
                    "WHERE t.id = {id}",
    "customer_distinct": "SELECT a.name || ' ≠ ' || b.name FROM customer_distinct d JOIN customer a ON "
                         "a.id = d.customer_a_id JOIN customer b ON b.id = d.customer_b_id WHERE d.id = {id}",
    "customer_note": "SELECT c.name FROM customer_note n JOIN customer c ON c.id = n.customer_id WHERE n.id = {id}",
    "vehicle": "SELECT coalesce(nullif(plate, ''), vin) FROM vehicle WHERE id = {id}",
    "user_account": "SELECT username FROM user_account WHERE id = {id}",
    "role": "SELECT name FROM role WHERE code = {id}",
    "tax_rate": "SELECT name FROM tax_rate WHERE id = {id}",
    "number_series": "SELECT prefix || terminal_code || '-' || year FROM number_series WHERE id = {id}",
    "import_preset": "SELECT name FROM import_preset WHERE id = {id}",
    "invoice": "SELECT nullif(number, '') FROM invoice WHERE id = {id}",
    "invoice_line": "SELECT " + _PARENT_INVOICE.format(fk="l.invoice_id") + " || ' #' || l.line_no "
                    "FROM invoice_line l WHERE l.id = {id}",
    "payment": "SELECT p.paid_on || ' ' || p.method || coalesce(' ' || nullif(p.reference, ''), '') "
               "FROM payment p WHERE p.id = {id}",
    "allocation": "SELECT " + _PARENT_INVOICE.format(fk="x.invoice_id") + " FROM allocation x WHERE x.id = {id}",
    "cash_day": "SELECT day FROM cash_day WHERE id = {id}",
    "rebate": "SELECT manufacturer || coalesce(' ' || nullif(campaign, ''), '') FROM rebate WHERE id = {id}",
    "rebate_entry": "SELECT r.manufacturer || coalesce(' ' || nullif(r.campaign, ''), '') FROM rebate_entry e "
                    "JOIN rebate r ON r.id = e.rebate_id WHERE e.id = {id}",
    "insurance_claim": "SELECT claim_number FROM insurance_claim WHERE id = {id}",
    "brand": "SELECT name FROM brand WHERE id = {id}",
    "part": "SELECT part_number FROM part WHERE id = {id}",
    "supplier": "SELECT name FROM supplier WHERE id = {id}",
    "purchase_order": "SELECT number FROM purchase_order WHERE id = {id}",
    "purchase_order_line": "SELECT o.number || ' #' || l.line_no FROM purchase_order_line l "
                           "JOIN purchase_order o ON o.id = l.order_id WHERE l.id = {id}",
    "goods_receipt": "SELECT o.number FROM goods_receipt g JOIN purchase_order o ON o.id = g.order_id "
                     "WHERE g.id = {id}",
    "stock_count": "SELECT number FROM stock_count WHERE id = {id}",
    "stock_count_line": "SELECT c.number || ' ' || p.part_number FROM stock_count_line l "
                        "JOIN stock_count c ON c.id = l.count_id JOIN part p ON p.id = l.part_id WHERE l.id = {id}",
    "stock_reservation": "SELECT p.part_number FROM stock_reservation r JOIN part p ON p.id = r.part_id "
                         "WHERE r.id = {id}",
    "stock_vehicle": "SELECT stock_number FROM stock_vehicle WHERE id = {id}",
    "stock_vehicle_cost": "SELECT s.stock_number || ' ' || c.kind FROM stock_vehicle_cost c "
                          "JOIN stock_vehicle s ON s.id = c.stock_vehicle_id WHERE c.id = {id}",
    "stock_event": "SELECT s.stock_number || ' ' || e.to_status FROM stock_event e "
                   "JOIN stock_vehicle s ON s.id = e.stock_vehicle_id WHERE e.id = {id}",
    "vehicle_document": "SELECT v.vin || ' ' || d.kind FROM vehicle_document d JOIN vehicle v ON v.id = d.vehicle_id "
                        "WHERE d.id = {id}",
    "catalogue_model": "SELECT make || ' ' || name FROM catalogue_model WHERE id = {id}",
    "catalogue_trim": "SELECT m.name || ' ' || t.name || ' ' || t.model_year FROM catalogue_trim t "
                      "JOIN catalogue_model m ON m.id = t.model_id WHERE t.id = {id}",
    "catalogue_option": "SELECT m.name || ' ' || o.code FROM catalogue_option o "
                        "JOIN catalogue_model m ON m.id = o.model_id WHERE o.id = {id}",
    "stock_vehicle_option": "SELECT s.stock_number || ' ' || o.code FROM stock_vehicle_option o "
                            "JOIN stock_vehicle s ON s.id = o.stock_vehicle_id WHERE o.id = {id}",
    "lead": "SELECT c.name || coalesce(' ' || nullif(l.make || ' ' || l.model, ' '), '') FROM lead l "
            "JOIN customer c ON c.id = l.customer_id WHERE l.id = {id}",
    "lead_task": "SELECT c.name || ' ' || t.due_on || ' ' || t.what FROM lead_task t JOIN lead l ON l.id = t.lead_id "
                 "JOIN customer c ON c.id = l.customer_id WHERE t.id = {id}",
    "test_drive": "SELECT c.name || ' ' || date(d.started_at, 'localtime') FROM test_drive d "
                  "JOIN customer c ON c.id = d.customer_id WHERE d.id = {id}",
    "deal": "SELECT number FROM deal WHERE id = {id}",
    "deal_line": "SELECT d.number || ' ' || l.line_no FROM deal_line l JOIN deal d ON d.id = l.deal_id "
                 "WHERE l.id = {id}",
    "deal_approval": "SELECT d.number || ' ' || a.level FROM deal_approval a JOIN deal d ON d.id = a.deal_id "
                     "WHERE a.id = {id}",
    "approval_level": "SELECT level || ' ' || role FROM approval_level WHERE id = {id}",
    "deal_delivery_item": "SELECT d.number || ' ' || i.item FROM deal_delivery_item i JOIN deal d ON d.id = i.deal_id "
                          "WHERE i.id = {id}",
    "loan_application": "SELECT d.number || ' ' || a.lender FROM loan_application a JOIN deal d ON d.id = a.deal_id "
                        "WHERE a.id = {id}",
    "trade_in": "SELECT v.vin FROM trade_in t JOIN vehicle v ON v.id = t.vehicle_id WHERE t.id = {id}",
    "trade_in_condition": "SELECT v.vin || ' ' || c.area FROM trade_in_condition c "
                          "JOIN trade_in t ON t.id = c.trade_in_id JOIN vehicle v ON v.id = t.vehicle_id "
                          "WHERE c.id = {id}",
    "trade_in_reconditioning": "SELECT v.vin || ' ' || r.kind FROM trade_in_reconditioning r "
                               "JOIN trade_in t ON t.id = r.trade_in_id JOIN vehicle v ON v.id = t.vehicle_id "
                               "WHERE r.id = {id}",
    "insurance_policy": "SELECT coalesce(nullif(policy_number, ''), insurer) FROM insurance_policy WHERE id = {id}",
    "insurance_commission_entry": "SELECT coalesce(nullif(policy_number, ''), insurer) FROM insurance_commission_entry "
                                  "WHERE id = {id}",
    "sales_target": "SELECT salesperson || ' ' || substr(month, 1, 7) FROM sales_target WHERE id = {id}",
    "commission_rule": "SELECT coalesce(nullif(salesperson, ''), '*') FROM commission_rule WHERE id = {id}",
    "labour_operation": "SELECT code FROM labour_operation WHERE id = {id}",
    "labour_operation_part": "SELECT o.code || ' ' || p.part_number FROM labour_operation_part k "
                             "JOIN labour_operation o ON o.id = k.operation_id JOIN part p ON p.id = k.part_id "
                             "WHERE k.id = {id}",
    "labour_rate": "SELECT pay_type FROM labour_rate WHERE id = {id}",
    "repair_order": "SELECT number FROM repair_order WHERE id = {id}",
    "repair_job": "SELECT r.number || ' #' || j.job_no FROM repair_job j "
                  "JOIN repair_order r ON r.id = j.repair_order_id WHERE j.id = {id}",
    "repair_labour_line": "SELECT " + _PARENT_ORDER.format(fk="l.job_id") + " || ' #' || l.line_no "
                          "FROM repair_labour_line l WHERE l.id = {id}",
    "repair_part_line": "SELECT " + _PARENT_ORDER.format(fk="l.job_id") + " || ' #' || l.line_no "
                        "FROM repair_part_line l WHERE l.id = {id}",
    "repair_extra_line": "SELECT " + _PARENT_ORDER.format(fk="l.job_id") + " || ' #' || l.line_no "
                         "FROM repair_extra_line l WHERE l.id = {id}",
    "clocking": "SELECT r.number FROM clocking c JOIN repair_order r ON r.id = c.repair_order_id WHERE c.id = {id}",
    "attendance": "SELECT technician || ' ' || strftime('%Y-%m-%d %H:%M', started_at, 'localtime') FROM attendance "
                  "WHERE id = {id}",
    "clocking_reason": "SELECT description FROM clocking_reason WHERE code = {id}",
    "workshop_resource": "SELECT name FROM workshop_resource WHERE id = {id}",
    "workshop_shift": "SELECT r.name || ' ' || s.weekday FROM workshop_shift s JOIN workshop_resource r "
                      "ON r.id = s.resource_id WHERE s.id = {id}",
    "appointment": "SELECT substr(a.starts_at, 1, 16) || ' ' || coalesce(nullif(v.plate, ''), v.vin) "
                   "FROM appointment a JOIN vehicle v ON v.id = a.vehicle_id WHERE a.id = {id}",
    "appointment_operation": "SELECT substr(a.starts_at, 1, 16) || ' #' || o.line_no FROM appointment_operation o "
                             "JOIN appointment a ON a.id = o.appointment_id WHERE o.id = {id}",
    "service_menu": "SELECT code FROM service_menu WHERE id = {id}",
    "service_menu_item": "SELECT m.code || ' #' || i.line_no FROM service_menu_item i JOIN service_menu m "
                         "ON m.id = i.menu_id WHERE i.id = {id}",
    "service_menu_scope": "SELECT m.code || ' ' || coalesce(nullif(s.model_family, ''), s.vin_from) "
                          "FROM service_menu_scope s JOIN service_menu m ON m.id = s.menu_id WHERE s.id = {id}",
    "survey": "SELECT r.number FROM survey s JOIN repair_order r ON r.id = s.repair_order_id WHERE s.id = {id}",
    "follow_up_task": "SELECT r.number FROM follow_up_task t JOIN survey s ON s.id = t.survey_id "
                      "JOIN repair_order r ON r.id = s.repair_order_id WHERE t.id = {id}",
    "damage_note": "SELECT r.number || ' #' || d.line_no FROM damage_note d JOIN repair_order r "
                   "ON r.id = d.repair_order_id WHERE d.id = {id}",
    "campaign": "SELECT code FROM campaign WHERE id = {id}",
    "campaign_vehicle": "SELECT c.code || ' ' || cv.vin FROM campaign_vehicle cv JOIN campaign c "
                        "ON c.id = cv.campaign_id WHERE cv.id = {id}",
    "health_check_template": "SELECT name FROM health_check_template WHERE id = {id}",
    "health_check_template_item": "SELECT t.name || ' · ' || i.name FROM health_check_template_item i "
                                  "JOIN health_check_template t ON t.id = i.template_id WHERE i.id = {id}",
    "health_check": "SELECT r.number FROM health_check h JOIN repair_order r ON r.id = h.repair_order_id "
                    "WHERE h.id = {id}",
    "health_check_item": "SELECT r.number || ' · ' || i.name FROM health_check_item i JOIN health_check h "
                         "ON h.id = i.check_id JOIN repair_order r ON r.id = h.repair_order_id WHERE i.id = {id}",
    "health_check_photo": "SELECT original_name FROM health_check_photo WHERE id = {id}",
    "work_estimate": "SELECT coalesce(r.number || ' · ', '') || e.description FROM work_estimate e "
                     "LEFT JOIN repair_order r ON r.id = e.repair_order_id WHERE e.id = {id}",
    "work_estimate_line": "SELECT e.description || ' #' || l.line_no FROM work_estimate_line l "
                          "JOIN work_estimate e ON e.id = l.estimate_id WHERE l.id = {id}",
}
_RECORD_NOW = "CASE a.entity " + " ".join(
    f"WHEN '{entity}' THEN ({sql.format(id='a.entity_id')})" for entity, sql in RECORD_LABEL_SQL.items()) + " END"

AUDIT = ListSource(
    name="audit",
    permission="audit.view",
    from_sql="audit_entry a",
    id_sql="a.seq",
    columns=(
        Column("seq", "a.seq", kind="int", width=70),
        Column("at", "a.at", kind="datetime", width=130),
        Column("actor", "a.actor", width=110),
        Column("terminal", "a.terminal", sortable=False, width=70),
        Column("action", "a.action", width=90),
        Column("entity", "a.entity", width=110),
        # The record as people know it: its number, part number, user name, name or code where the entry
        # holds one (as it was then), else as the record is named today, else its id.
        Column("record", "coalesce(" + ", ".join(
            f"CASE WHEN json_valid(a.{side}) THEN nullif(json_extract(a.{side}, '$.{key}'), '') END"
            for key in ("number", "part_number", "username", "name", "code") for side in ("after", "before"))
            + f", {_RECORD_NOW}, a.entity_id)", sortable=False, width=150),
        Column("entity_id", "a.entity_id", sortable=False, width=150),
        Column("summary", "a.summary", sortable=False, width=200),
        Column("before", "a.before", sortable=False, width=250),
        Column("after", "a.after", sortable=False, width=250),
    ),
    filters=(
        Filter("actor", "a.actor = :value", kind="text"),
        Filter("entity", "a.entity = :value", kind="text"),
        Filter("action", "a.action = :value", kind="text"),
        Filter("entity_id", "a.entity_id = :value", kind="text"),
        Filter("at", "a.at BETWEEN :value_from AND :value_to", kind="date_range"),
    ),
    search_sql="(a.entity_id LIKE :search ESCAPE '\\' OR a.summary LIKE :search ESCAPE '\\' "
               "OR a.actor LIKE :search ESCAPE '\\')",
    default_sort="seq",
    default_descending=True,
)
