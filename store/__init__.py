"""Persistence below the services: the database engines, migrations, the unit of work, the audit
chain writer and change capture."""
