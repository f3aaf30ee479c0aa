# Copyright 2026 Health Charity Team
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import datetime
import io
import zipfile
from unittest.mock import patch

import openpyxl
import openpyxl.cell.cell as types
import openpyxl.styles.numbers as numbers
import xlsxwriter
from lxml import etree

from odoo.tests import tagged
from odoo.tests.common import TransactionCase
from odoo.tools import DEFAULT_SERVER_DATE_FORMAT, DEFAULT_SERVER_DATETIME_FORMAT

from ..tools import xlsx_reader

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


class CellError(Exception):
    """A cell either reader refuses, comparable between them."""


def openpyxl_rows(content, sheet_name=None):
    """The import's former path (openpyxl read-only, then Odoo's rules per
    cell), which the reader must match: (sheets, sheet, rows)."""
    book = openpyxl.load_workbook(io.BytesIO(content), data_only=True, read_only=True)
    try:
        sheets = book.sheetnames
        sheet_name = sheet_name or sheets[0]
        rows = []
        for rowx, row in enumerate(book[sheet_name].rows, 1):
            values = []
            for colx, cell in enumerate(row, 1):
                value = cell.value
                if value is None:
                    values.append("")
                elif cell.data_type == types.TYPE_ERROR:
                    raise CellError("value", rowx, colx, str(value))
                elif isinstance(value, float):
                    values.append(str(int(value)) if value % 1 == 0 else str(value))
                elif cell.is_date:
                    kind = numbers.is_datetime(cell.number_format)
                    if kind == "datetime":
                        values.append(value.strftime(DEFAULT_SERVER_DATETIME_FORMAT))
                    elif kind == "date":
                        values.append(value.strftime(DEFAULT_SERVER_DATE_FORMAT))
                    else:
                        raise CellError("format", rowx, colx, str(value))
                else:
                    values.append(str(value))
            if any(value.strip() for value in values):
                rows.append(values)
    finally:
        book.close()
    return sheets, sheet_name, rows


def reader_rows(content, sheet_name=None):
    sheets, sheet_name, rows = xlsx_reader.read_rows(content, sheet_name)
    try:
        return sheets, sheet_name, list(rows)
    except xlsx_reader.XlsxCellError as error:
        raise CellError(error.kind, error.row, error.col, str(error.value)) from None


def written(build, **options):
    """A workbook written by xlsxwriter: ``build(workbook)`` fills it."""
    output = io.BytesIO()
    book = xlsxwriter.Workbook(output, dict(options, in_memory=True))
    build(book)
    book.close()
    return output.getvalue()


def hand_written(sheet_data, dimension="", shared="", styles="", workbook_pr=""):
    """A workbook of one sheet whose XML is given as it is: the cases the
    libraries do not write (inline strings, phonetic runs, ISO dates, rows
    without numbers, comments, entities...)."""
    output = io.BytesIO()
    types_ = [
        '<Override PartName="/xl/workbook.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    ]
    rels = [
        f'<Relationship Id="rId1" Type="{RELS}/worksheet" '
        'Target="worksheets/sheet1.xml"/>'
    ]
    with zipfile.ZipFile(output, "w") as archive:
        if shared:
            types_.append(
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
            )
            rels.append(
                f'<Relationship Id="rId2" Type="{RELS}/sharedStrings" '
                'Target="sharedStrings.xml"/>'
            )
            archive.writestr(
                "xl/sharedStrings.xml", f'<sst xmlns="{MAIN}">{shared}</sst>'
            )
        if styles:
            archive.writestr(
                "xl/styles.xml", f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>'
            )
        archive.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types">' + "".join(types_) + "</Types>",
        )
        archive.writestr(
            "xl/_rels/workbook.xml.rels",
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
            'relationships">' + "".join(rels) + "</Relationships>",
        )
        archive.writestr(
            "xl/workbook.xml",
            f'<workbook xmlns="{MAIN}" xmlns:r="{RELS}">{workbook_pr}<sheets>'
            '<sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>',
        )
        dimension = f'<dimension ref="{dimension}"/>' if dimension else ""
        archive.writestr(
            "xl/worksheets/sheet1.xml",
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<worksheet xmlns="{MAIN}" xmlns:r="{RELS}">{dimension}'
            f"<sheetData>{sheet_data}</sheetData></worksheet>",
        )
    return output.getvalue()


# cell styles of the hand-written workbooks: 1 a date, 2 a date and time
# (builtin 22), 3 a time, 4 a custom Persian-locale date, 5 a number
STYLES = (
    '<numFmts count="3"><numFmt numFmtId="164" formatCode="[$-fa-IR]yyyy/mm/dd"/>'
    '<numFmt numFmtId="165" formatCode="hh:mm"/>'
    '<numFmt numFmtId="166" formatCode="#,##0.00"/></numFmts>'
    '<fonts count="1"><font/></fonts><fills count="1"><fill><patternFill '
    'patternType="none"/></fill></fills><borders count="1"><border/></borders>'
    '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="6">'
    '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="165"/>'
    '<xf numFmtId="164"/><xf numFmtId="166"/></cellXfs>'
)


@tagged("post_install", "-at_install")
class TestXlsxReader(TransactionCase):
    """The import's XLSX reader gives the rows of strings the openpyxl path
    gave, value for value, on workbooks written by xlsxwriter (both modes),
    by openpyxl and by hand. A plain ``TransactionCase``: the reader needs
    no records, only the import dialog's test needs the registry."""

    def assertSameRows(self, content, sheet_name=None):
        """Both readers agree (rows, or the cell they refuse); the reader's
        rows are returned."""
        try:
            expected = openpyxl_rows(content, sheet_name)
        except CellError as error:
            with self.assertRaises(CellError) as caught:
                reader_rows(content, sheet_name)
            self.assertEqual(caught.exception.args, error.args)
            raise
        got = reader_rows(content, sheet_name)
        self.assertEqual(got, expected)
        return got[2]

    def _gifts(self, book):
        sheet = book.add_worksheet("هدایا")
        date = book.add_format({"num_format": "yyyy-mm-dd"})
        stamp = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        custom = book.add_format({"num_format": "dd/mm/yyyy"})
        bold = book.add_format({"bold": True})
        sheet.write_row(0, 0, ["Donor", "Date", "Quantity", "Unit value", "Note"])
        sheet.write_string(1, 0, "علی رضایی")
        sheet.write_datetime(1, 1, datetime.date(2025, 5, 1), date)
        sheet.write_number(1, 2, 2)
        sheet.write_number(1, 3, 1500000.0)
        sheet.write_boolean(1, 4, True)
        # row 3 left blank, row 4 sparse
        sheet.write_datetime(3, 1, datetime.datetime(2025, 5, 1, 10, 30), stamp)
        sheet.write_number(3, 3, 2.5)
        sheet.write_formula(4, 0, '="a"&"b"', None, "ab")
        sheet.write_rich_string(4, 1, bold, "Medical ", "Equipment")
        sheet.write_datetime(4, 2, datetime.date(1999, 12, 31), custom)
        sheet.write_boolean(4, 3, False)
        sheet.write_string(4, 4, "  ")
        sheet.write_string(5, 4, "۱۴۰۴/۰۹/۰۶")

    GIFTS = [
        ["Donor", "Date", "Quantity", "Unit value", "Note"],
        ["علی رضایی", "2025-05-01", "2", "1500000", "True"],
        ["", "2025-05-01 10:30:00", "", "2.5", ""],
        ["ab", "Medical Equipment", "1999-12-31", "False", "  "],
        ["", "", "", "", "۱۴۰۴/۰۹/۰۶"],
    ]

    def test_xlsxwriter_workbooks(self):
        """Shared strings (default mode), the row-by-row mode, the 1904 date
        system: dates, dates and times, a custom date format, integers,
        floats, booleans, a formula's string result, rich text, Persian,
        a blank row left out and a sparse one padded."""
        for options in ({}, {"constant_memory": True}, {"date_1904": True}):
            with self.subTest(options=options):
                content = written(self._gifts, **options)
                self.assertEqual(self.assertSameRows(content), self.GIFTS)
                # the XML read a few bytes at a time: rows and strings cut
                # across reads are read whole
                for size in (7, 100, 333):
                    with patch.object(xlsx_reader, "_CHUNK", size):
                        self.assertEqual(self.assertSameRows(content), self.GIFTS)
        # the 1904 system stores another serial for the same day
        content = written(self._gifts, date_1904=True)
        sheet = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")
        self.assertIn(b"<v>44316</v>", sheet)  # 2025-05-01 counted from 1904

    def test_openpyxl_workbook_and_sheets(self):
        """Several sheets: the first by default, any by name, in the
        workbook's order; a name that is no sheet is refused by both."""
        book = openpyxl.Workbook()
        first = book.active
        first.title = "Gifts"
        first.append(["Donor", "Quantity", "Date"])
        first.append(["Alvand Pharma Co.", 3, datetime.datetime(2025, 5, 1, 8, 0)])
        first.cell(row=2, column=3).number_format = "yyyy-mm-dd hh:mm"
        first.cell(row=5, column=2, value=0.1)
        second = book.create_sheet("واحدها")
        second.append(["بیمارستان بعثت", True, -7])
        book.create_sheet("Empty", 0)  # first in the workbook's order
        output = io.BytesIO()
        book.save(output)
        content = output.getvalue()
        self.assertEqual(self.assertSameRows(content), [])
        _sheets, name, _rows = reader_rows(content)
        self.assertEqual(name, "Empty")
        self.assertEqual(
            self.assertSameRows(content, "Gifts"),
            [
                ["Donor", "Quantity", "Date"],
                ["Alvand Pharma Co.", "3", "2025-05-01 08:00:00"],
                ["", "0.1", ""],
            ],
        )
        self.assertEqual(
            self.assertSameRows(content, "واحدها"), [["بیمارستان بعثت", "True", "-7"]]
        )
        self.assertEqual(reader_rows(content)[0], ["Empty", "Gifts", "واحدها"])
        with self.assertRaises(KeyError):
            openpyxl_rows(content, "Units")
        with self.assertRaises(KeyError):
            reader_rows(content, "Units")

    def test_hand_written_strings(self):
        """Rich text and phonetic runs in shared strings, kept spaces,
        inline strings, ``x005F_`` as openpyxl unescapes it, entities."""
        shared = (
            "<si><t>plain</t></si>"
            '<si><r><rPr><b/></rPr><t xml:space="preserve">Medical </t></r>'
            "<r><t>Equipment</t></r></si>"
            '<si><t>داروخانه</t><rPh sb="0" eb="1"><t>phonetic</t></rPh></si>'
            '<si><t xml:space="preserve">  two  </t></si>'
            "<si><t>a_x005F_x000D_b</t></si>"
        )
        cells = (
            '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
            '<c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c>'
            '<c r="E1" t="s"><v>4</v></c></row>'
            '<row r="2"><c r="A2" t="inlineStr"><is><t>inline</t></is></c>'
            '<c r="B2" t="inlineStr"><is><r><t xml:space="preserve">run </t></r>'
            '<r><t>two</t></r><rPh sb="0" eb="1"><t>x</t></rPh></is></c>'
            '<c r="C2" t="inlineStr"><is><t>x005F_kept</t></is></c>'
            '<c r="D2" t="str"><v>Tom &amp; Jerry</v></c></row>'
        )
        content = hand_written(cells, "A1:E2", shared)
        self.assertEqual(
            self.assertSameRows(content),
            [
                ["plain", "Medical Equipment", "داروخانه", "  two  ", "a_x000D_b"],
                ["inline", "run two", "x005F_kept", "Tom & Jerry", ""],
            ],
        )

    def test_hand_written_numbers_and_dates(self):
        """openpyxl's number rules, dates by the style's number format
        (builtin and custom), ISO dates, the 1904 system."""
        cells = (
            '<row r="1"><c r="A1"><v>1E3</v></c><c r="B1"><v>007</v></c>'
            '<c r="C1"><v>-0.0</v></c><c r="D1"><v>1.25e-5</v></c>'
            '<c r="E1" s="5"><v>3.0</v></c><c r="F1"><v>12345678901234567890</v></c>'
            '<c r="G1" t="b"><v>0</v></c></row>'
            '<row r="2"><c r="A2" s="1"><v>45778</v></c>'
            '<c r="B2" s="2"><v>45778.5</v></c>'
            '<c r="C2" s="4"><v>45778.25</v></c><c r="D2" s="1"><v>59</v></c>'
            '<c r="E2" s="1"><v>61</v></c><c r="F2" t="d" s="2">'
            "<v>2025-05-01T10:20:30</v></c></row>"
        )
        content = hand_written(cells, "A1:G2", styles=STYLES)
        self.assertEqual(
            self.assertSameRows(content),
            [
                ["1000", "7", "0", "1.25e-05", "3", "12345678901234567890", "False"],
                [
                    "2025-05-01",
                    "2025-05-01 12:00:00",
                    "2025-05-01",  # [$-fa-IR]yyyy/mm/dd is a date format
                    "1900-02-28",
                    "1900-03-01",
                    "2025-05-01 10:20:30",
                    "",
                ],
            ],
        )
        content = hand_written(
            '<row r="1"><c r="A1" s="1"><v>44316</v></c></row>',
            "A1",
            styles=STYLES,
            workbook_pr='<workbookPr date1904="1"/>',
        )
        self.assertEqual(self.assertSameRows(content), [["2025-05-01"]])

    def test_hand_written_rows(self):
        """Missing cells and rows, rows and cells without numbers, a row
        number repeated, rows padded to the dimension (or, without one, to
        their last cell), rows beyond the dimension read too, and XML
        written otherwise (spaces, comments, other attribute orders) read
        as lxml reads it."""
        cells = (
            '<row r="2"><c r="C2"><v>1</v></c></row>'
            "<row><c><v>2</v></c><c/><c><v>3</v></c></row>"
            '<row r="2"><c r="A2"><v>9</v></c></row>'
            '<row r="5" spans="1:4"/>'
            '<row r="6"><c r="B6" t="s" s="0"><v>0</v></c></row>'
        )
        shared = "<si><t>x</t></si>"
        self.assertEqual(
            self.assertSameRows(hand_written(cells, "A1:D6", shared)),
            [["", "", "1", ""], ["2", "", "3", ""], ["", "x", "", ""]],
        )
        self.assertEqual(
            self.assertSameRows(hand_written(cells, "", shared)),
            [["", "", "1"], ["2", "", "3"], ["", "x"]],
        )
        # a dimension too small (a writer's mistake): nothing is lost,
        # where openpyxl's read-only mode read the first row only
        self.assertEqual(
            reader_rows(hand_written(cells, "A1:B3", shared))[2],
            [["", "", "1"], ["2", "", "3"], ["", "x"]],
        )
        self.assertEqual(
            openpyxl_rows(hand_written(cells, "A1:B3", shared))[2], [["2", ""]]
        )
        # indented XML and other attribute orders: those rows go to lxml
        pretty = (
            '\n  <row r="1">\n    <c r="A1" t="s">\n      <v>0</v>\n    </c>\n'
            '    <c t="n" r="B1"><v>4</v></c>\n  </row>\n'
            '  <row r="2"><c r="A2"><v>5</v></c></row>\n'
        )
        self.assertEqual(
            self.assertSameRows(hand_written(pretty, "A1:B2", shared)),
            [["x", "4"], ["5", ""]],
        )
        # a comment: lxml reads the rest of the sheet
        commented = (
            '<row r="1"><c r="A1"><v>1</v></c></row><!-- a comment -->'
            '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><v>2</v></c></row>'
        )
        self.assertEqual(
            self.assertSameRows(hand_written(commented, "A1:B2", shared)),
            [["1", ""], ["x", "2"]],
        )

    def test_error_cells(self):
        """An error cell (a formula's #DIV/0!) and a date in a time format
        are refused, at their row and column, even where the dimension
        leaves them out."""

        def build(book):
            sheet = book.add_worksheet()
            sheet.write_row(0, 0, ["a", "b"])
            sheet.write_formula(2, 1, "=1/0", None, "#DIV/0!")
            sheet.write_formula(2, 2, "=NA()", None, "#N/A")

        with self.assertRaises(CellError) as caught:
            self.assertSameRows(written(build))
        self.assertEqual(caught.exception.args, ("value", 3, 2, "#DIV/0!"))
        # XML that is not well-formed is refused as lxml refuses it
        content = hand_written('<row r="1"><c r="A1"><v>1</v></row>', "A1")
        with self.assertRaises(etree.XMLSyntaxError):
            reader_rows(content)
        content = hand_written(
            '<row r="1"><c r="A1"><v>1</v></c><c r="B1" s="3"><v>45778.5</v></c></row>',
            "A1:B1",
            styles=STYLES,
        )
        with self.assertRaises(CellError) as caught:
            self.assertSameRows(content)
        self.assertEqual(caught.exception.args, ("format", 1, 2, "2025-05-01 12:00:00"))
        content = hand_written(
            '<row r="1"><c r="A1"><v>1</v></c><c r="C1" t="e"><v>#N/A</v></c></row>',
            "A1:B1",
        )
        # beyond the dimension, read (and refused) too
        with self.assertRaises(CellError) as caught:
            reader_rows(content)
        self.assertEqual(caught.exception.args, ("value", 1, 3, "#N/A"))

    def test_estimate_rows(self):
        """The last row as the sheet's dimension says, per sheet; nothing
        known without a dimension, a sheet or a workbook."""

        def build(book):
            sheet = book.add_worksheet("Gifts")
            for row in range(120):
                sheet.write_row(row, 0, [f"Item {row}", row])
            book.add_worksheet("Units").write(4, 2, "x")

        for options in ({}, {"constant_memory": True}):
            content = written(build, **options)
            self.assertEqual(xlsx_reader.estimate_rows(content), 120)
            self.assertEqual(xlsx_reader.estimate_rows(content, "Units"), 5)
            self.assertIsNone(xlsx_reader.estimate_rows(content, "Other"))
        self.assertIsNone(xlsx_reader.estimate_rows(hand_written('<row r="3"/>')))
        self.assertIsNone(xlsx_reader.estimate_rows(b"Donor,Date\n"))

    def test_import_dialog(self):
        """The import dialog reads a contributions workbook with the reader:
        the sheets named in the options, the error cell's message in the
        user's language."""
        content = written(self._gifts)
        wizard = self.env["base_import.import"].create(
            {
                "res_model": "hc.contribution",
                "file": content,
                "file_type": "application/vnd.openxmlformats-officedocument."
                "spreadsheetml.sheet",
                "file_name": "gifts.xlsx",
            }
        )
        options = {}
        self.assertEqual(wizard._read_xlsx(options), (len(self.GIFTS), self.GIFTS))
        self.assertEqual(options, {"sheets": ["هدایا"], "sheet": "هدایا"})
        options = {"has_headers": True}
        self.assertEqual(wizard._hc_estimate_rows(["donor_id"], options), 5)
        # a sheet whose dimension says less than it holds, rows of several
        # widths: every row read, every row as wide as the widest
        wizard.file = hand_written(
            '<row r="1"><c r="A1"><v>1</v></c></row>'
            '<row r="2"><c r="A2"><v>2</v></c><c r="C2"><v>3</v></c></row>'
            '<row r="3"><c r="B3"><v>4</v></c></row>',
            "A1",
        )
        self.assertEqual(
            wizard._read_xlsx({}),
            (3, [["1", "", ""], ["2", "", "3"], ["", "4", ""]]),
        )
        wizard.file = hand_written(
            '<row r="1"><c r="A1"><v>1</v></c></row>'
            '<row r="2"><c r="B2" t="e"><v>#REF!</v></c></row>',
            "A1:B2",
        )
        with self.assertRaisesRegex(ValueError, "row 2, column 2: #REF!"):
            wizard._read_xlsx({})
        self.env["res.lang"]._activate_lang("fa_IR")
        with self.assertRaises(ValueError) as caught:
            wizard.with_context(lang="fa_IR")._read_xlsx({})
        self.assertIn("#REF!", str(caught.exception))
        self.assertNotIn("Invalid cell value", str(caught.exception))
