"""Administration: users, roles and permissions, the audit trail, settings and backups."""
