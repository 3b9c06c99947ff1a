"""Global search documents. The FTS5 indexes over them are created by the migrations (see
``services/search``): a trigram index for queries of three or more characters and a bigram token
index for one- and two-character queries such as two-character Chinese names."""

from __future__ import annotations

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.base import ID, Base


class SearchDoc(Base):
    __tablename__ = "search_doc"
    __table_args__ = (Index("ix_search_doc_ref", "kind", "ref_id", unique=True),)

    rowid: Mapped[int] = mapped_column("id", Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    ref_id: Mapped[str] = mapped_column(ID)
    title: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    grams: Mapped[str] = mapped_column(Text, default="")
