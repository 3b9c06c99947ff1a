"""SQLAlchemy 2 declarative models. Importing this package registers every table on ``Base.metadata``
and marks each as synced or local-only (``models/sync.py``)."""

from models import (  # noqa: F401  (register tables)
    admin,
    billing,
    crm,
    parts,
    reception,
    search,
    sync,
    vehicles,
    workshop,
)
from models.base import Base

sync.classify(Base.metadata)

__all__ = ["Base"]
