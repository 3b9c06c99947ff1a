"""Reading a spreadsheet for import: .xlsx/.xlsm/.xls/.xlsb/.ods through python-calamine, .csv in
UTF-8 (with or without BOM) or GBK/GB18030.

Only the first sheet of a workbook is read. The first non-blank row is the header row; the rows after
it are yielded with their row numbers as Excel shows them, so an error report points at the line a
person sees. Blank rows are skipped (their numbers are not reused).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path, PurePosixPath
from typing import Any
from xml.etree import ElementTree

from core.errors import ValidationError
from core.messages import msg
from services.files import FORMULA_STARTS as _FORMULA_STARTS

WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
TEXT_SUFFIXES = (".csv", ".txt")
SUFFIXES = WORKBOOK_SUFFIXES + TEXT_SUFFIXES

# "1.23457E+11": what Excel shows, and saves as CSV, for a long number in a General column.
_SCIENTIFIC = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
# Excel keeps 15 significant digits; a longer number typed into a General cell has lost the rest.
_EXACT_LIMIT = 10**15


class FormulaWithoutValue:
    """A cell that holds a formula but not the value it computes: a file written by a program other
    than Excel (which stores both) and never opened and saved in Excel. Its value is unknown, so an
    import refuses it rather than read it as empty."""

    __slots__ = ("formula",)

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __repr__(self) -> str:
        return f"FormulaWithoutValue({self.formula!r})"

    def __str__(self) -> str:
        return self.formula


@dataclass
class Table:
    """A sheet: ``headers`` (stripped text) and ``rows`` yielding ``(row_number, cells)`` once.
    ``total`` is the number of rows after the header row (blank ones included), for progress."""

    path: Path
    headers: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    total: int


def _not_a_spreadsheet(path: Path, why: str = "") -> ValidationError:
    if not why:
        return ValidationError("file", msg("{name} is not a spreadsheet: choose an .xlsx, .xls or .csv file",
                                           name=path.name))
    return ValidationError("file", msg("{name} is not a spreadsheet ({why}): choose an .xlsx, .xls or .csv file",
                                       name=path.name, why=why))


def _empty(path: Path) -> ValidationError:
    return ValidationError("file", msg("{name} is empty: it has no header row", name=path.name))


def _blank(cells: list[Any]) -> bool:
    return all(c is None or (c.__class__ is str and not c.strip()) for c in cells)


def read_table(path: Path | str) -> Table:
    """Open ``path`` for reading. A file that is missing, not a spreadsheet, not decodable or empty is
    refused with one :class:`ValidationError` on field ``file`` naming it. Any thread."""
    path = Path(path)
    if path.is_dir():
        raise ValidationError("file", msg("{path} is a folder: name a spreadsheet file in it", path=path))
    if not path.is_file():
        raise ValidationError("file", msg("{path} does not exist", path=path))
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise _not_a_spreadsheet(path)
    if path.stat().st_size == 0:
        raise _empty(path)
    if suffix in WORKBOOK_SUFFIXES:
        return _read_workbook(path)
    return _read_csv(path)


def _read_workbook(path: Path) -> Table:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_path(str(path))
        if not workbook.sheet_names:
            raise _empty(path)
        sheet = workbook.get_sheet_by_index(0)
        # The sheet's first used cell; calamine leaves out the blank rows above it and columns left of it.
        first_row, first_column = sheet.start if sheet.start else (0, 0)
        data = sheet.to_python(skip_empty_area=True)
    except ValidationError:
        raise
    except Exception as exc:  # calamine raises a family of its own besides plain ValueErrors
        # The reader's own words ("ZipError") mean nothing to a user: say what they mean.
        raise _not_a_spreadsheet(path, msg("the file is damaged, or it is not really an Excel workbook")) from exc
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        # calamine reads such a cell as an empty string, which an import would take as no value.
        for (row, column), formula in _formulas_without_values(path).items():
            i, j = row - first_row, column - first_column
            if 0 <= i < len(data) and 0 <= j < len(data[i]) and data[i][j] in ("", None):
                data[i][j] = FormulaWithoutValue(formula)
    return _table(path, data, first_row + 1)


_CELL_REF = re.compile(r"^([A-Z]+)(\d+)$")


def _first_sheet_part(archive: zipfile.ZipFile) -> str:
    """The name inside an .xlsx of its first worksheet, as the workbook lists its sheets."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
          "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
          "p": "http://schemas.openxmlformats.org/package/2006/relationships"}
    book = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    sheet = book.find("m:sheets/m:sheet", ns)
    rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    rel_id = sheet.get(f"{{{ns['r']}}}id") if sheet is not None else None
    for rel in rels.findall("p:Relationship", ns):
        if rel.get("Id") == rel_id:
            target = rel.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
    return "xl/worksheets/sheet1.xml"


def _formulas_without_values(path: Path) -> dict[tuple[int, int], str]:
    """(row, column) from 0 → formula of every cell of the first sheet of an .xlsx that has a formula
    but no stored value. Only a sheet holding formulas is parsed; a part that cannot be read is
    taken to have none (calamine has read the values already)."""
    found: dict[tuple[int, int], str] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            part = _first_sheet_part(archive)
            with archive.open(part) as stream:
                head = stream.read()
            if b"<f" not in head and b":f" not in head:
                return found
            for _event, element in ElementTree.iterparse(io.BytesIO(head)):
                if element.tag.rsplit("}", 1)[-1] != "c":
                    continue
                formula = value = None
                for child in element:
                    name = child.tag.rsplit("}", 1)[-1]
                    if name == "f":
                        formula = child
                    elif name in ("v", "is"):
                        value = child
                # Excel stores a formula's empty text result as an empty value of type "str".
                has_value = value is not None and (value.text or len(value) or element.get("t") == "str")
                if formula is not None and not has_value:
                    match = _CELL_REF.match(element.get("r", ""))
                    if match:
                        column = 0
                        for letter in match.group(1):
                            column = column * 26 + ord(letter) - 64
                        found[(int(match.group(2)) - 1, column - 1)] = "=" + (formula.text or "")
                element.clear()
    except (KeyError, OSError, zipfile.BadZipFile, ElementTree.ParseError):
        return found
    return found


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1


def _mixed(path: Path, line: int, first: str) -> ValidationError:
    return ValidationError("file", msg("{name}: line {line} is not in {first} like the lines before it; the file "
                                       "mixes encodings. Save it again as CSV in UTF-8",
                                       name=path.name, line=line, first=first))


def _decode(path: Path, raw: bytes) -> str:
    """The text of a csv file in one encoding: UTF-8 (with or without BOM) or GBK/GB18030. A file
    whose encoding changes part-way is refused naming the first line that does not fit."""
    if b"\x00" in raw[:4096]:
        raise _not_a_spreadsheet(path, msg("it holds binary data"))
    body = raw[len(codecs.BOM_UTF8):] if raw.startswith(codecs.BOM_UTF8) else raw
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        line_start = body.rfind(b"\n", 0, exc.start) + 1
        # Whole lines of UTF-8 beyond ASCII before the failing one (or a BOM) say the file began in
        # UTF-8: the failing line is where it changes. (A GBK character can pass for a UTF-8 one, so
        # the failing line itself says nothing.)
        if body is not raw or not body[:line_start].isascii():
            raise _mixed(path, _line_of(body, exc.start), "UTF-8") from exc
    try:
        text = body.decode("gb18030")
    except UnicodeDecodeError as exc:
        raise ValidationError("file", msg("{name} cannot be read as text: line {raw} is neither UTF-8 nor GBK. Save "
                                          "it as CSV in UTF-8", name=path.name, raw=_line_of(raw, exc.start))) from exc
    # GB18030 accepts almost any bytes, so UTF-8 lines in a GBK file decode without an error but
    # as the wrong characters: a line that is valid UTF-8 beyond ASCII is such a line.
    for number, line in enumerate(body.split(b"\n"), start=1):
        if not line.isascii() and _is_utf8(line):
            raise _mixed(path, number, "GBK")
    return text


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _read_csv(path: Path) -> Table:
    text = _decode(path, path.read_bytes())
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first_line.count)
    try:
        data = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise _not_a_spreadsheet(path, str(exc)) from exc
    return _table(path, data, 1)


def _table(path: Path, data: list[list[Any]], first_number: int) -> Table:
    start = 0
    while start < len(data) and _blank(data[start]):
        start += 1
    if start == len(data):
        raise _empty(path)
    headers = [cell_text(h) for h in data[start]]
    header_number = first_number + start

    def rows() -> Iterator[tuple[int, list[Any]]]:
        for offset, cells in enumerate(data[start + 1:], start=1):
            first = cells[0] if cells else None
            # A first cell that holds something settles it without looking at the others.
            if (first is not None and (first.__class__ is not str or first.strip())) or not _blank(cells):
                yield header_number + offset, cells

    return Table(path=path, headers=headers, rows=rows(), total=len(data) - start - 1)


def cell_text(value: Any) -> str:
    """A cell as text: numbers Excel made of digits back to their digits (``1234567.0`` → ``1234567``),
    dates as ISO dates, text stripped."""
    if value is None:
        return ""
    if isinstance(value, str):
        return unquoted(value).strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < _EXACT_LIMIT:
            return str(int(value))
        # Excel's own precision: hides binary noise such as 12.299999999999999.
        return format(value, ".15g")
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time(0) else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return str(value).strip()


def unquoted(text: str) -> str:
    """``text`` without the ``'`` that an export puts before text a spreadsheet would run as a
    formula (services.files): a leading ``'`` followed by ``=``, ``+``, ``-``, ``@``, a tab or a
    carriage return is dropped; any other ``'`` is the file's own."""
    if text[:1] == "'" and text[1:2] in _FORMULA_STARTS and len(text) > 1:
        return text[1:]
    return text


def identifier_text(value: Any) -> str:
    """A part number, barcode or other code from a cell. A code that Excel turned into scientific
    notation, or into a number longer than the 15 digits it keeps, has lost digits and is refused
    (DESIGN §11) with a :class:`ValidationError` on field ``value``."""
    if isinstance(value, float | int) and not isinstance(value, bool) and abs(value) >= _EXACT_LIMIT:
        raise ValidationError("value", _LOST_DIGITS)
    text = cell_text(value)
    if _SCIENTIFIC.match(text):
        raise ValidationError("value", _LOST_DIGITS)
    return text


def scientific(text: str) -> bool:
    """Whether ``text`` is a number in scientific notation ("1.23457E+11"), as :func:`identifier_text` refuses."""
    return _SCIENTIFIC.match(text) is not None


_LOST_DIGITS = msg("arrived in scientific notation, so Excel has dropped its last digits; format the column "
                   "as Text in Excel, retype the numbers and save again")
