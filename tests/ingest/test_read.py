"""Reading uploads: encodings, delimiters, title rows, line numbers, XLSX cells."""

from __future__ import annotations

import io
import random
from datetime import date, datetime, time, timedelta

import openpyxl
import pytest

from ingest import fastcsv
from ingest.decode import decode_bytes
from ingest.fastcsv import read_body
from ingest.model import IngestError, RawTable
from ingest.read import read_upload, sniff_delimiter
from ingest.records import build_table, text_rows
from ingest.xlsx_cells import cell_text, number_text


def rows(table) -> list[list[str | None]]:
    return table.frame.astype(object).where(table.frame.notna(), None).values.tolist()


@pytest.mark.parametrize(
    ("raw", "text", "encoding"),
    [
        ("工号,姓名\n".encode("gbk"), "工号,姓名\n", "gb18030"),
        ("工号,姓名\n".encode("utf-8-sig"), "工号,姓名\n", "utf-8-sig"),
        ("工号,姓名\n".encode("utf-16"), "工号,姓名\n", "utf-16"),
        (b"\xfe\xff" + "工号\n".encode("utf-16-be"), "工号\n", "utf-16"),
        ("工号,姓名\r\n1,张三\r\n".encode(), "工号,姓名\n1,张三\n", "utf-8"),
        (b"a,b\r1,2\r", "a,b\n1,2\n", "utf-8"),
        ("员工,部门\n".encode("gb18030"), "员工,部门\n", "gb18030"),
    ],
)
def test_decode_bytes(raw: bytes, text: str, encoding: str) -> None:
    assert decode_bytes(raw) == (text, encoding)


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"", "empty_file"),
        (b"  \r\n\n\t", "empty_file"),
        ("\n \n".encode("utf-8-sig"), "empty_file"),
        (b"abc\xff\xfe\xff", "unreadable_encoding"),
        (b"a,b\n\x80\n", "unreadable_encoding"),
    ],
)
def test_decode_errors(raw: bytes, code: str) -> None:
    with pytest.raises(IngestError) as info:
        decode_bytes(raw)
    assert info.value.code == code


def test_gbk_title_row_and_blank_lines() -> None:
    raw = "2025年7月客服绩效报表\n\n工号,姓名,满意度\n00123,NA,85%\n\n,,\n00456,李四,null\n"
    table = read_upload(raw.encode("gbk"), "report.csv")
    assert table.encoding == "gb18030"
    assert table.header_line == 3
    assert list(table.frame.columns) == ["工号", "姓名", "满意度"]
    assert rows(table) == [["00123", "NA", "85%"], ["00456", "李四", "null"]]
    assert table.lines.tolist() == [4, 7]
    assert table.delimiter == ","
    assert table.notes == ["Line 1 is above the header and was skipped: 2025年7月客服绩效报表"]


@pytest.mark.parametrize("delimiter", [";", "\t", "|", ","])
def test_delimiters(delimiter: str) -> None:
    text = delimiter.join(["工号", "姓名", "值"]) + "\n" + delimiter.join(["1", "张, 三", "12,5"])
    if delimiter == ",":
        text = '工号,姓名,值\n1,"张, 三","12,5"'
    table = read_upload(text.encode(), "x.txt")
    assert table.delimiter == delimiter
    assert rows(table) == [["1", "张, 三", "12,5"]]


def test_sniffer_ignores_title_row_with_commas() -> None:
    text = "报表,2025年7月\nid;name;value\n1;a;2\n2;b;3\n3;c;4\n"
    assert sniff_delimiter(text) == ";"


def test_quoted_newlines_keep_start_lines() -> None:
    text = 'id,notes,x\n1,"first\nsecond\nthird",a\n2,plain,b\n\n3,"x\r\ny",c\n'
    table = read_upload(text.encode(), "c.csv")
    assert rows(table) == [["1", "first\nsecond\nthird", "a"], ["2", "plain", "b"],
                           ["3", "x\ny", "c"]]
    assert table.lines.tolist() == [2, 5, 7]


def test_ragged_rows_and_header_names() -> None:
    # (a header written twice is refused: tests/store/test_bad_input.py)
    text = "value,amount,,姓名\n1,2,3,4,5,6\n7\n8,9,10,11,\n"
    table = read_upload(text.encode(), "r.csv")
    assert list(table.frame.columns) == ["value", "amount", "column_3", "姓名", "column_5",
                                         "column_6"]
    assert rows(table) == [
        ["1", "2", "3", "4", "5", "6"],
        ["7", None, None, None, None, None],
        ["8", "9", "10", "11", None, None],
    ]
    assert table.lines.tolist() == [2, 3, 4]


def test_cells_stay_text_exactly() -> None:
    text = "工号,姓名,备注\n  00123 , NA ,null\n007,N/A,  \n"
    table = read_upload(text.encode(), "t.csv")
    assert rows(table) == [["00123", "NA", "null"], ["007", "N/A", None]]


@pytest.mark.parametrize(
    ("raw", "name", "code"),
    [
        (b"id,name\n", "a.csv", "no_rows"),
        (b"id,name\n\n,\n", "a.csv", "no_rows"),
        (b"", "a.csv", "empty_file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "old.xls", "xls_not_supported"),
        (b"<html><table></table></html>", "export.xls", "xls_not_supported"),
        (b"PK\x03\x04garbage", "a.xlsx", "bad_workbook"),
    ],
)
def test_file_errors(raw: bytes, name: str, code: str) -> None:
    with pytest.raises(IngestError) as info:
        read_upload(raw, name)
    assert info.value.code == code


def test_tab_text_named_xls_is_read() -> None:
    table = read_upload("工号\t姓名\n1\t张三\n".encode("gbk"), "export.xls")
    assert rows(table) == [["1", "张三"]]


def _workbook_bytes() -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "绩效"
    ws.append(["2025年7月客服绩效报表"])
    ws.append([])
    ws.append(["工号", "日期", "登录时长", "平均处理时长(秒)", "满意度", "销售额", "高潜", "周期"])
    ws.append(["00123", datetime(2025, 7, 5), time(8, 30, 5), timedelta(seconds=95.5), 0.85,
               1234.0, True, datetime(2025, 7, 5, 14, 30)])
    ws["E4"].number_format = "0%"
    ws.append([456, date(2025, 7, 6), None, 0.1 + 0.2, 0.9, 12.5, False, None])
    ws["E5"].number_format = "0.0%"
    other = wb.create_sheet("Other")
    other.append(["工号", "姓名"])
    other.append(["E9", "王五"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize("name", ["report.xlsx", "report.csv", "report.xls"])
def test_xlsx_cells_and_lines(name: str) -> None:
    table = read_upload(_workbook_bytes(), name)
    assert (table.encoding, table.sheet, table.header_line) == ("xlsx", "绩效", 3)
    assert table.lines.tolist() == [4, 5]
    assert rows(table) == [
        ["00123", "2025-07-05", "08:30:05", "95.5", "85%", "1234", "true",
         "2025-07-05 14:30:00"],
        ["456", "2025-07-06", None, "0.3", "90%", "12.5", "false", None],
    ]
    assert table.notes == ["Line 1 is above the header and was skipped: 2025年7月客服绩效报表"]


def test_xlsx_sheet_choice() -> None:
    table = read_upload(_workbook_bytes(), "r.xlsx", sheet="Other")
    assert table.sheet == "Other"
    assert rows(table) == [["E9", "王五"]]
    with pytest.raises(IngestError) as info:
        read_upload(_workbook_bytes(), "r.xlsx", sheet="Nope")
    assert info.value.code == "no_such_sheet"
    assert info.value.params == {"sheet": "Nope", "sheets": "绩效, Other"}


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [
        (12.0, "General", "12"),
        (0.1 + 0.2, "General", "0.3"),
        (1e-7, "General", "0.0000001"),
        (123456789012.0, "General", "123456789012"),
        (-3.25, "General", "-3.25"),
        (0.853, "0.0%", "85.3%"),
        (7, "General", "7"),
        (True, "General", "true"),
        (datetime(2025, 1, 2), "yyyy-mm-dd", "2025-01-02"),
        (datetime(2025, 1, 2, 9, 5, 7), "General", "2025-01-02 09:05:07"),
        (date(2025, 1, 2), "General", "2025-01-02"),
        (time(1, 2, 3), "h:mm:ss", "01:02:03"),
        (timedelta(hours=1, seconds=1), "[h]:mm:ss", "3601"),
        ("  text ", "General", "text"),
        ("   ", "General", None),
        (None, "General", None),
    ],
)
def test_cell_text(value: object, fmt: str, text: str | None) -> None:
    assert cell_text(value, fmt) == text


def test_number_text_never_scientific() -> None:
    assert number_text(1.5e-5) == "0.000015"
    assert "e" not in number_text(2.5e16)


# --- Big files: pyarrow reads the body; the result must equal the csv module's, line numbers
# included, and anything pyarrow cannot vouch for is read the csv module's way.

def _slow(raw: bytes) -> RawTable:
    """The reference: every record read by the csv module."""
    text, encoding = decode_bytes(raw)
    delimiter = sniff_delimiter(text)
    records, lines, _ = text_rows(text, delimiter)
    return build_table(records, lines, encoding=encoding, delimiter=delimiter)


def _big_text(n: int = 300, *, sep: str = ",", extra: str = "") -> str:
    rng = random.Random(42)
    spaces = ["", " ", "\u3000", "\xa0", "\t"]
    out = ["2025年7月客服绩效报表", "", sep.join(["工号", "姓名", "团队", "满意度"])]
    for i in range(n):
        pad = rng.choice(spaces)
        cells = [f"E{i:04d}", pad + rng.choice(["张三", "李四", "Wang Wu", "合计"]) + pad,
                 rng.choice(["客服一组", "", "  "]), f"{rng.uniform(50, 100):.2f}"]
        out.append(sep.join(cells))
        if i % 37 == 5:
            out.append(rng.choice(["", sep * 3]))
    return "\n".join(out) + "\n" + extra


def _same(table: RawTable, expected: RawTable) -> None:
    assert list(table.frame.columns) == list(expected.frame.columns)
    assert rows(table) == rows(expected)
    assert table.lines.tolist() == expected.lines.tolist()
    assert (table.header_line, table.notes, table.encoding, table.delimiter) == (
        expected.header_line, expected.notes, expected.encoding, expected.delimiter)


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        (_big_text(), "utf-8"),
        (_big_text(), "utf-8-sig"),
        (_big_text(), "gb18030"),
        (_big_text().replace("\n", "\r\n"), "utf-8"),  # Windows line ends, blank lines
        (_big_text().replace("\n", "\r\n"), "utf-8-sig"),  # as Excel saves "CSV UTF-8"
        (_big_text().replace("\n", "\r\n") + 'E9999,"two\r\nlines",x,1\r\n', "utf-8"),
        (_big_text(extra='E9999,"a\rb",x,1\n'), "utf-8"),  # a lone CR: a line end too
        (_big_text(extra="E9999,a,b,1\rE9998,c,d,2\n"), "utf-8"),
        (_big_text(sep=";"), "utf-8"),
        (_big_text(sep="\t"), "gb18030"),
        (_big_text().replace("\n", ",\n"), "utf-8"),  # a trailing delimiter on every line
        (_big_text().replace("Wang Wu", '"Wang, ""Wu"""'), "utf-8"),
        (_big_text().replace("Wang Wu", 'Wang "Wu'), "utf-8"),  # a quote inside: literal
        (_big_text().replace("Wang Wu", '"Wang"Wu '), "utf-8"),
        (_big_text().replace("Wang Wu", '"Wang'), "utf-8"),  # never closed
        (_big_text(extra='E9999,"two\nlines",客服一组,1\nE9998,x,y,2\n'), "utf-8"),
        (_big_text(extra="E9999,ragged\nE9998,x,y,2\n"), "utf-8"),
        (_big_text(extra="E9999,a,b,1,extra\n"), "utf-8"),
    ],
)
def test_big_file_reads_like_the_csv_module(text: str, codec: str) -> None:
    raw = text.encode(codec)
    _same(read_upload(raw, "big.csv"), _slow(raw))


def test_quoted_newline_in_a_big_file_keeps_real_line_numbers() -> None:
    text = _big_text(extra='E9999,"two\nlines",客服一组,1\nE9998,x,y,2\n')
    table = read_upload(text.encode(), "big.csv")
    last = text.count("\n")
    assert table.lines.tolist()[-2:] == [last - 2, last]
    assert rows(table)[-2] == ["E9999", "two\nlines", "客服一组", "1"]


@pytest.mark.parametrize(
    ("body", "lines", "last"),
    [
        (b"a,b\nc,d\n\n,\ne,f", [5, 6, 9], ["e", "f"]),  # blank, all-empty lines skipped
        (b'a,"b, c"\n"d ""q""",e\n', [5, 6], ['d "q"', "e"]),
        (b"a,b\r\n\r\nc,d\r\n", [5, 7], ["c", "d"]),
        (b'a,"b\r\nc"\r\nd,e\r\n', None, None),  # a record over two lines: numbers unknown
        (b'a,"b\nc"\nd,e\n', None, None),
        (b"a,b\nc\n", None, None),  # ragged
        (b"a,b\n\xff\xfe,c\n", None, None),  # not UTF-8
    ],
)
def test_read_body_vouches_only_for_one_record_per_line(
        body: bytes, lines: list[int] | None, last: list[str] | None) -> None:
    got = read_body(body, ",", first_line=5, width=2)
    assert (None if got is None else got[1].tolist()) == lines
    assert (None if got is None else got[0].iloc[-1].tolist()) == last


@pytest.mark.parametrize("block", [1, 3, 4 << 20])
@pytest.mark.parametrize("start", [0, 2, 13, 14])
def test_newlines_are_counted_across_blocks(monkeypatch, block: int, start: int) -> None:
    monkeypatch.setattr(fastcsv, "_COUNT_BLOCK", block)
    data = b"a,b\nc,d\r\n\n\ne,f"
    assert fastcsv._newlines(data, start) == data.count(b"\n", start)


def test_ten_megabyte_field_is_read() -> None:
    # The csv module stops at 131,072 characters per field unless told otherwise.
    big = "很长的备注" * 700_000  # 10.5 MB of UTF-8
    for raw in (f"工号,备注\nE1,{big}\nE2,short\n".encode(),
                f'工号,备注\nE1,"{big}\n{big}"\nE2,short\n'.encode()):
        table = read_upload(raw, "notes.csv")
        assert table.frame.shape == (2, 2)
        assert len(table.frame.iloc[0, 1]) >= len(big)
        assert table.lines.tolist()[-1] == raw.count(b"\n")


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 40,
         "unreadable_encoding"),
        (b"id,name\n" + b"\x00" * 5000, "unreadable_encoding"),
        (b"id,name\n1,a\x00b\n" * 100, "unreadable_encoding"),
        (b"", "empty_file"),
        (b"\n" * 1000, "empty_file"),
        (b"id,name\n", "no_rows"),
        ("工号,姓名,团队\n".encode() + b"\n" * 100 + b",,\n" * 100, "no_rows"),
        (b"x" * 10_000_000, "no_rows"),
    ],
)
def test_hostile_files_give_a_clear_error(raw: bytes, code: str) -> None:
    with pytest.raises(IngestError) as info:
        read_upload(raw, "data.csv")
    assert info.value.code == code
    assert info.value.message("en")
    assert info.value.message("zh")


def test_trim_check_knows_every_space_str_strip_knows() -> None:
    import pyarrow as pa

    from ingest.fastcsv import _may_need_trim

    def column(*cells: str | None) -> pa.ChunkedArray:
        return pa.chunked_array([pa.array(["pad", *cells], pa.large_string()).slice(1)])

    spaces = [chr(c) for c in range(0x3001) if chr(c).isspace()]  # none above U+3000
    assert len(spaces) == 29
    for space in spaces:
        for cell in (space + "x", "x" + space, "中" + space, space + "中"):
            assert _may_need_trim(column("ab", cell, None)), (hex(ord(space)), cell)
    assert not _may_need_trim(column("E001", "2025-01-06", None, "12.5", "张三 李四"))
