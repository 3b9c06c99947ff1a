"""SQLAlchemy 2 declarative models. Importing this package registers every table on ``Base.metadata``."""

from models import admin, billing, crm, parts, search, vehicles  # noqa: F401  (register tables)
from models.base import Base

__all__ = ["Base"]
