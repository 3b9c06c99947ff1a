"""SQLAlchemy 2 declarative models. Importing this package registers every table on ``Base.metadata``
and marks each as synced or local-only (``models/sync.py``)."""

from models import (  # noqa: F401  (register tables)
    admin,
    appointments,
    attendance,
    billing,
    crm,
    finance,
    parts,
    reception,
    sales,
    search,
    service_menus,
    surveys,
    sync,
    vehicles,
    workshop,
)
from models.base import Base

sync.classify(Base.metadata)

__all__ = ["Base"]
