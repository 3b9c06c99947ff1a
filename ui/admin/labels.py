"""Translated names for the codes the admin screens show: roles, permissions, languages, audit terms.

Services hold English (and the codes); these are what a user reads. Every function returns a fresh
dict so a language switched at login is picked up by screens made afterwards. GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from services.permissions import PERMISSIONS, ROLES


def role_labels() -> dict[str, str]:
    """Built-in role code → translated name."""
    return {
        "owner": QCoreApplication.translate("AdminLabels", "Owner / administrator"),
        "sales_manager": QCoreApplication.translate("AdminLabels", "Sales manager"),
        "salesperson": QCoreApplication.translate("AdminLabels", "Salesperson"),
        "service_advisor": QCoreApplication.translate("AdminLabels", "Service advisor"),
        "foreman": QCoreApplication.translate("AdminLabels", "Workshop foreman"),
        "technician": QCoreApplication.translate("AdminLabels", "Technician"),
        "parts_clerk": QCoreApplication.translate("AdminLabels", "Parts clerk"),
        "cashier": QCoreApplication.translate("AdminLabels", "Cashier / accountant"),
        "read_only": QCoreApplication.translate("AdminLabels", "Read-only"),
    }


def role_name(code: str, stored_name: str = "") -> str:
    """What to call a role: the translated name of a built-in role unless an administrator renamed
    it, otherwise the name stored with the role."""
    if code in ROLES and stored_name in ("", ROLES[code]):
        return role_labels()[code]
    return stored_name or code


def permission_labels() -> dict[str, str]:
    """Permission code → translated label; a permission added later without a label here shows
    the English label its service gives it."""
    labels = {
        "customer.view": QCoreApplication.translate("AdminLabels", "View customers"),
        "customer.edit": QCoreApplication.translate("AdminLabels", "Create and edit customers"),
        "customer.delete": QCoreApplication.translate("AdminLabels", "Delete customers"),
        "customer.view_id": QCoreApplication.translate("AdminLabels", "See customers' ID numbers in full"),
        "customer.merge": QCoreApplication.translate("AdminLabels", "Review duplicate customers and merge them"),
        "vehicle.view": QCoreApplication.translate("AdminLabels", "View vehicles"),
        "vehicle.edit": QCoreApplication.translate("AdminLabels", "Create and edit vehicles"),
        "vehicle.delete": QCoreApplication.translate("AdminLabels", "Delete vehicles"),
        "vehicle.catalogue": QCoreApplication.translate("AdminLabels", "Edit the vehicle catalogue and list prices"),
        "vehicle.stock": QCoreApplication.translate("AdminLabels", "Add stock vehicles, move them in, cost them"),
        "lead.view": QCoreApplication.translate("AdminLabels", "View leads, test drives and follow-ups"),
        "lead.edit": QCoreApplication.translate("AdminLabels", "Create and work leads, log test drives"),
        "lead.confirm_lost": QCoreApplication.translate("AdminLabels", "Confirm a salesperson's lost lead"),
        "deal.view": QCoreApplication.translate("AdminLabels", "View deals and quotations"),
        "deal.edit": QCoreApplication.translate("AdminLabels", "Quote, order, cancel and deliver deals"),
        "deal.approve": QCoreApplication.translate("AdminLabels", "Approve deals above a salesperson's limits"),
        "finance.edit": QCoreApplication.translate("AdminLabels", "Record loan applications and insurance policies"),
        "target.edit": QCoreApplication.translate("AdminLabels",
                                                  "Set salespeople's targets and see their commissions"),
        "data.export": QCoreApplication.translate("AdminLabels", "Export lists to files"),
        "user.admin": QCoreApplication.translate("AdminLabels", "Manage users"),
        "role.admin": QCoreApplication.translate("AdminLabels", "Manage roles and permissions"),
        "audit.view": QCoreApplication.translate("AdminLabels", "Browse the audit trail"),
        "settings.edit": QCoreApplication.translate("AdminLabels", "Change dealership settings"),
        "backup.run": QCoreApplication.translate("AdminLabels", "Create and restore backups"),
        "invoice.view": QCoreApplication.translate("AdminLabels", "View invoices and payments"),
        "invoice.edit": QCoreApplication.translate("AdminLabels", "Create and edit draft invoices"),
        "invoice.post": QCoreApplication.translate("AdminLabels", "Post invoices"),
        "invoice.credit": QCoreApplication.translate("AdminLabels", "Issue credit notes"),
        "payment.take": QCoreApplication.translate("AdminLabels", "Take and allocate payments"),
        "payment.refund": QCoreApplication.translate("AdminLabels", "Refund payments"),
        "cashdesk.close": QCoreApplication.translate("AdminLabels", "Close the cash desk day"),
        "receivables.view": QCoreApplication.translate("AdminLabels", "View receivables and statements"),
        "thirdparty.edit": QCoreApplication.translate("AdminLabels", "Record rebates and insurance claims"),
        "accounting.export": QCoreApplication.translate("AdminLabels", "Export accounting journals"),
        "part.view": QCoreApplication.translate("AdminLabels", "View parts and stock"),
        "part.edit": QCoreApplication.translate("AdminLabels", "Create and edit parts, prices and suppliers"),
        "part.import": QCoreApplication.translate("AdminLabels", "Import catalogues, price lists and counts"),
        "stock.adjust": QCoreApplication.translate("AdminLabels", "Adjust stock and post count variances"),
        "stock.count": QCoreApplication.translate("AdminLabels", "Run stock counts"),
        "purchase.edit": QCoreApplication.translate("AdminLabels", "Create and send purchase orders"),
        "purchase.receive": QCoreApplication.translate("AdminLabels", "Receive goods"),
        "sync.view": QCoreApplication.translate("AdminLabels", "See the changes waiting to sync"),
        "cost.view": QCoreApplication.translate("AdminLabels", "See costs, suppliers and purchase orders"),
        "margin.view": QCoreApplication.translate("AdminLabels", "See gross profit, margins, rebates and claims"),
        "workshop.view": QCoreApplication.translate("AdminLabels", "View repair orders"),
        "workshop.edit": QCoreApplication.translate("AdminLabels", "Open and edit repair orders, jobs and lines"),
        "workshop.costs": QCoreApplication.translate("AdminLabels", "See workshop prices, costs and amounts"),
        "workshop.parts": QCoreApplication.translate(
            "AdminLabels", "Reserve, issue and return parts for repair orders"),
        "workshop.clock": QCoreApplication.translate("AdminLabels", "Clock on and off jobs"),
        "workshop.clock_others": QCoreApplication.translate("AdminLabels", "Clock other technicians on and off jobs"),
        "workshop.correct_time": QCoreApplication.translate(
            "AdminLabels", "Correct technicians' clocked and attended times and see their reports"),
        "workshop.catalogue": QCoreApplication.translate("AdminLabels", "Edit labour operations and rates"),
        "workshop.mileage_override": QCoreApplication.translate(
            "AdminLabels", "Accept a mileage lower than the vehicle's last one"),
        "workshop.invoice": QCoreApplication.translate("AdminLabels", "Close repair orders into invoices"),
        "workshop.book": QCoreApplication.translate("AdminLabels", "Book, move and cancel appointments"),
        "workshop.overbook": QCoreApplication.translate(
            "AdminLabels", "Book appointments beyond the workshop's capacity or outside its working hours"),
        "workshop.resources": QCoreApplication.translate(
            "AdminLabels", "Set up technicians, advisors and bays with their working hours"),
        "workshop.surveys": QCoreApplication.translate(
            "AdminLabels", "Enter satisfaction surveys, see their results and follow-up tasks"),
        "workshop.inspect": QCoreApplication.translate("AdminLabels", "Carry out vehicle health checks"),
    }
    return {code: labels.get(code, english) for code, english in PERMISSIONS.items()}


def tax_rate_name(name: str) -> str:
    """A tax rate's name as shown: the standard rates' names (seeded in English) in the user's
    language, the dealership's own as typed."""
    standard = {
        "VAT 13%": QCoreApplication.translate("AdminLabels", "VAT 13%"),
        "VAT 6%": QCoreApplication.translate("AdminLabels", "VAT 6%"),
        "Zero-rated": QCoreApplication.translate("AdminLabels", "Zero-rated"),
    }
    return standard.get(name, name)


def permission_groups() -> dict[str, str]:
    """The part of a permission code before the dot → translated group title."""
    return {
        "customer": QCoreApplication.translate("AdminLabels", "Customers"),
        "vehicle": QCoreApplication.translate("AdminLabels", "Vehicles"),
        "data": QCoreApplication.translate("AdminLabels", "Data"),
        "user": QCoreApplication.translate("AdminLabels", "Users"),
        "role": QCoreApplication.translate("AdminLabels", "Roles"),
        "audit": QCoreApplication.translate("AdminLabels", "Audit trail"),
        "settings": QCoreApplication.translate("AdminLabels", "Settings"),
        "backup": QCoreApplication.translate("AdminLabels", "Backups"),
        "invoice": QCoreApplication.translate("AdminLabels", "Invoices"),
        "payment": QCoreApplication.translate("AdminLabels", "Payments"),
        "cashdesk": QCoreApplication.translate("AdminLabels", "Cash desk"),
        "receivables": QCoreApplication.translate("AdminLabels", "Receivables"),
        "thirdparty": QCoreApplication.translate("AdminLabels", "Rebates and insurance"),
        "accounting": QCoreApplication.translate("AdminLabels", "Accounting"),
        "part": QCoreApplication.translate("AdminLabels", "Parts"),
        "stock": QCoreApplication.translate("AdminLabels", "Stock"),
        "purchase": QCoreApplication.translate("AdminLabels", "Purchasing"),
        "sync": QCoreApplication.translate("AdminLabels", "Sync"),
        "cost": QCoreApplication.translate("AdminLabels", "Costs"),
        "margin": QCoreApplication.translate("AdminLabels", "Margins"),
        "workshop": QCoreApplication.translate("AdminLabels", "Workshop"),
        "lead": QCoreApplication.translate("AdminLabels", "Leads"),
        "deal": QCoreApplication.translate("AdminLabels", "Deals"),
        "finance": QCoreApplication.translate("AdminLabels", "Finance and insurance"),
        "target": QCoreApplication.translate("AdminLabels", "Sales targets"),
    }


def language_labels(*, with_default: bool) -> dict[str, str]:
    """Language code → name. Each language is named in itself, so it can be found whatever the
    current language is; "" is the dealership's default (for a user's own setting)."""
    out = {"": QCoreApplication.translate("AdminLabels", "Dealership default")} if with_default else {}
    out.update({"en": "English", "zh_CN": "简体中文"})
    return out


def audit_action_labels() -> dict[str, str]:
    return {
        "insert": QCoreApplication.translate("AdminLabels", "Created"),
        "update": QCoreApplication.translate("AdminLabels", "Changed"),
        "delete": QCoreApplication.translate("AdminLabels", "Deleted"),
        "login": QCoreApplication.translate("AdminLabels", "Logged in"),
        "login_failed": QCoreApplication.translate("AdminLabels", "Failed login"),
        "password": QCoreApplication.translate("AdminLabels", "Password"),
        "unlock": QCoreApplication.translate("AdminLabels", "Unlocked"),
        "demo": QCoreApplication.translate("AdminLabels", "Demo data"),
        "import": QCoreApplication.translate("AdminLabels", "Import"),
        "restore": QCoreApplication.translate("AdminLabels", "Backup restored"),
        "adjust": QCoreApplication.translate("AdminLabels", "Stock adjusted"),
        "stock_refused": QCoreApplication.translate("AdminLabels", "Stock refused"),
        "backdate": QCoreApplication.translate("AdminLabels", "Back-dated"),
        "retax": QCoreApplication.translate("AdminLabels", "Tax recomputed"),
        "mileage_override": QCoreApplication.translate("AdminLabels", "Lower mileage accepted"),
        "overbook": QCoreApplication.translate("AdminLabels", "Overbooked"),
        "reschedule": QCoreApplication.translate("AdminLabels", "Moved"),
        "time_correction": QCoreApplication.translate("AdminLabels", "Times corrected"),
        "hold_deposit": QCoreApplication.translate("AdminLabels", "Deposit kept as credit"),
        "hold_credit": QCoreApplication.translate("AdminLabels", "Cancelled deal's money kept as credit"),
        "merge": QCoreApplication.translate("AdminLabels", "Merged"),
    }


def audit_entity_labels() -> dict[str, str]:
    """Table name of an audited record → what the user calls it."""
    return {
        "customer": QCoreApplication.translate("AdminLabels", "Customer"),
        "contact": QCoreApplication.translate("AdminLabels", "Contact"),
        "customer_tag": QCoreApplication.translate("AdminLabels", "Customer tag"),
        "customer_note": QCoreApplication.translate("AdminLabels", "Customer note"),
        "customer_distinct": QCoreApplication.translate("AdminLabels", "Not duplicate customers"),
        "vehicle": QCoreApplication.translate("AdminLabels", "Vehicle"),
        "user_account": QCoreApplication.translate("AdminLabels", "User"),
        "role": QCoreApplication.translate("AdminLabels", "Role"),
        "role_permission": QCoreApplication.translate("AdminLabels", "Role permission"),
        "setting": QCoreApplication.translate("AdminLabels", "Setting"),
        "tax_rate": QCoreApplication.translate("AdminLabels", "Tax rate"),
        "number_series": QCoreApplication.translate("AdminLabels", "Number series"),
        "terminal": QCoreApplication.translate("AdminLabels", "Terminal"),
        "database": QCoreApplication.translate("AdminLabels", "Database"),
        "import_preset": QCoreApplication.translate("AdminLabels", "Import preset"),
        "account_mapping": QCoreApplication.translate("AdminLabels", "Account mapping"),
        "invoice": QCoreApplication.translate("AdminLabels", "Invoice"),
        "invoice_line": QCoreApplication.translate("AdminLabels", "Invoice line"),
        "payment": QCoreApplication.translate("AdminLabels", "Payment"),
        "allocation": QCoreApplication.translate("AdminLabels", "Allocation"),
        "cash_day": QCoreApplication.translate("AdminLabels", "Cash-desk day"),
        "rebate": QCoreApplication.translate("AdminLabels", "Rebate"),
        "rebate_entry": QCoreApplication.translate("AdminLabels", "Rebate entry"),
        "insurance_claim": QCoreApplication.translate("AdminLabels", "Insurance claim"),
        "brand": QCoreApplication.translate("AdminLabels", "Brand"),
        "part": QCoreApplication.translate("AdminLabels", "Part"),
        "supplier": QCoreApplication.translate("AdminLabels", "Supplier"),
        "purchase_order": QCoreApplication.translate("AdminLabels", "Purchase order"),
        "purchase_order_line": QCoreApplication.translate("AdminLabels", "Purchase order line"),
        "goods_receipt": QCoreApplication.translate("AdminLabels", "Goods receipt"),
        "stock_count": QCoreApplication.translate("AdminLabels", "Stock count"),
        "stock_count_line": QCoreApplication.translate("AdminLabels", "Stock count line"),
        "stock_reservation": QCoreApplication.translate("AdminLabels", "Stock reservation"),
        "stock_vehicle": QCoreApplication.translate("AdminLabels", "Stock vehicle"),
        "stock_vehicle_cost": QCoreApplication.translate("AdminLabels", "Stock vehicle's added cost"),
        "stock_event": QCoreApplication.translate("AdminLabels", "Stock vehicle in or out"),
        "vehicle_document": QCoreApplication.translate("AdminLabels", "Vehicle document"),
        "catalogue_model": QCoreApplication.translate("AdminLabels", "Catalogue model"),
        "catalogue_trim": QCoreApplication.translate("AdminLabels", "Catalogue trim"),
        "catalogue_option": QCoreApplication.translate("AdminLabels", "Catalogue option"),
        "stock_vehicle_option": QCoreApplication.translate("AdminLabels", "Stock vehicle's option"),
        "lead": QCoreApplication.translate("AdminLabels", "Lead"),
        "lead_task": QCoreApplication.translate("AdminLabels", "Lead follow-up task"),
        "test_drive": QCoreApplication.translate("AdminLabels", "Test drive"),
        "deal": QCoreApplication.translate("AdminLabels", "Deal"),
        "deal_line": QCoreApplication.translate("AdminLabels", "Deal line"),
        "deal_approval": QCoreApplication.translate("AdminLabels", "Deal approval"),
        "approval_level": QCoreApplication.translate("AdminLabels", "Approval level"),
        "deal_delivery_item": QCoreApplication.translate("AdminLabels", "Delivery checklist item"),
        "loan_application": QCoreApplication.translate("AdminLabels", "Loan application"),
        "trade_in": QCoreApplication.translate("AdminLabels", "Trade-in"),
        "trade_in_condition": QCoreApplication.translate("AdminLabels", "Trade-in's condition"),
        "trade_in_reconditioning": QCoreApplication.translate("AdminLabels", "Trade-in's reconditioning"),
        "insurance_policy": QCoreApplication.translate("AdminLabels", "Insurance policy"),
        "insurance_commission_entry": QCoreApplication.translate("AdminLabels", "Insurance commission entry"),
        "sales_target": QCoreApplication.translate("AdminLabels", "Sales target"),
        "commission_rule": QCoreApplication.translate("AdminLabels", "Commission rule"),
        "labour_operation": QCoreApplication.translate("AdminLabels", "Labour operation"),
        "labour_operation_part": QCoreApplication.translate("AdminLabels", "Labour operation part"),
        "labour_rate": QCoreApplication.translate("AdminLabels", "Labour rate"),
        "repair_order": QCoreApplication.translate("AdminLabels", "Repair order"),
        "repair_job": QCoreApplication.translate("AdminLabels", "Repair job"),
        "repair_labour_line": QCoreApplication.translate("AdminLabels", "Labour line"),
        "repair_part_line": QCoreApplication.translate("AdminLabels", "Parts line"),
        "repair_extra_line": QCoreApplication.translate("AdminLabels", "Sublet or consumable line"),
        "clocking": QCoreApplication.translate("AdminLabels", "Clocking"),
        "repair_order_invoice": QCoreApplication.translate("AdminLabels", "Repair order's invoice"),
        "stock_movement": QCoreApplication.translate("AdminLabels", "Stock movement"),
        "part_stock": QCoreApplication.translate("AdminLabels", "Part's stock figures"),
        "workshop_resource": QCoreApplication.translate("AdminLabels", "Workshop resource"),
        "workshop_shift": QCoreApplication.translate("AdminLabels", "Working hours"),
        "appointment": QCoreApplication.translate("AdminLabels", "Appointment"),
        "appointment_operation": QCoreApplication.translate("AdminLabels", "Booked operation"),
        "service_menu": QCoreApplication.translate("AdminLabels", "Service package"),
        "service_menu_item": QCoreApplication.translate("AdminLabels", "Service package line"),
        "service_menu_scope": QCoreApplication.translate("AdminLabels", "Service package validity"),
        "survey": QCoreApplication.translate("AdminLabels", "Satisfaction survey"),
        "follow_up_task": QCoreApplication.translate("AdminLabels", "Follow-up task"),
        "attendance": QCoreApplication.translate("AdminLabels", "Attendance"),
        "clocking_reason": QCoreApplication.translate("AdminLabels", "Reason for time off jobs"),
        "damage_note": QCoreApplication.translate("AdminLabels", "Damage note"),
        "campaign": QCoreApplication.translate("AdminLabels", "Campaign or recall"),
        "campaign_vehicle": QCoreApplication.translate("AdminLabels", "Campaign vehicle"),
        "health_check_template": QCoreApplication.translate("AdminLabels", "Health-check template"),
        "health_check_template_item": QCoreApplication.translate("AdminLabels", "Health-check template item"),
        "health_check": QCoreApplication.translate("AdminLabels", "Health check"),
        "health_check_item": QCoreApplication.translate("AdminLabels", "Health-check item"),
        "health_check_photo": QCoreApplication.translate("AdminLabels", "Health-check photo"),
        "work_estimate": QCoreApplication.translate("AdminLabels", "Work estimate"),
        "work_estimate_line": QCoreApplication.translate("AdminLabels", "Work estimate line"),
    }


def doc_type_labels() -> dict[str, str]:
    """Numbered document type (services.settings.DOC_TYPES) → translated name."""
    return {
        "invoice": QCoreApplication.translate("AdminLabels", "Invoice"),
        "credit_note": QCoreApplication.translate("AdminLabels", "Credit note"),
        "deal": QCoreApplication.translate("AdminLabels", "Deal"),
        "loan_application": QCoreApplication.translate("AdminLabels", "Loan application"),
        "trade_in": QCoreApplication.translate("AdminLabels", "Trade-in"),
        "repair_order": QCoreApplication.translate("AdminLabels", "Repair order"),
        "purchase_order": QCoreApplication.translate("AdminLabels", "Purchase order"),
        "stock_count": QCoreApplication.translate("AdminLabels", "Stock count"),
        "stock_vehicle": QCoreApplication.translate("AdminLabels", "Stock vehicle"),
        "used_stock": QCoreApplication.translate("AdminLabels", "Used stock vehicle"),
    }
