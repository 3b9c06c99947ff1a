"""The admin area's pages in the main window."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.area import Page


def pages() -> list[Page]:
    # A screen's module is imported when the screen is first opened.
    def users(ctx):
        from ui.admin.users import UsersScreen

        return UsersScreen(ctx)

    def roles(ctx):
        from ui.admin.roles import RolesScreen

        return RolesScreen(ctx)

    def audit(ctx):
        from ui.admin.audit import AuditScreen

        return AuditScreen(ctx)

    def settings(ctx):
        from ui.admin.settings import SettingsScreen

        return SettingsScreen(ctx)

    section = QCoreApplication.translate("MainWindow", "Admin")
    return [
        Page("users", section, QCoreApplication.translate("MainWindow", "Users"), "user.admin", users),
        Page("roles", section, QCoreApplication.translate("MainWindow", "Roles"), "role.admin", roles),
        Page("audit", section, QCoreApplication.translate("MainWindow", "Audit trail"), "audit.view", audit),
        Page("settings", section, QCoreApplication.translate("MainWindow", "Settings"), "settings.edit", settings),
    ]
