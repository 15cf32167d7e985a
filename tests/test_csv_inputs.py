"""Issue 14, points 6 and 7: CSV as Excel saves it (Windows-1252, semicolons), unbalanced
quotes, and folders with files postguard does not read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from postguard.archives import iter_posts
from postguard.cli import main
from postguard.errors import InputError
from postguard.model import Post


def _posts(path: Path) -> list[Post]:
    out = []
    for _, post in iter_posts(str(path)):
        assert isinstance(post, Post), post
        out.append(post)
    return out


@pytest.mark.parametrize(("raw", "texts"), [
    # Windows-1252: a pound sign and curly quotes, as Excel saves a UK sheet.
    (b"id,text\r\n1,Trip costs \xa312\r\n2,\x93Well done\x94 Year 9\r\n",
     ["Trip costs \u00a312", "\u201cWell done\u201d Year 9"]),
    # Semicolons (Excel in much of Europe), with commas inside the text.
    (b"id;text\n1;Hello, world\n2;Ring 07911 123456, please\n",
     ["Hello, world", "Ring 07911 123456, please"]),
    (b"\xef\xbb\xbfid;text;audience\n1;Caf\xc3\xa9 trip;parents\n", ["Caf\u00e9 trip"]),
    # Traps: commas stay the separator; a semicolon inside a comma file is text.
    (b"id,text\n1,Bring: pens; paper; a snack\n", ["Bring: pens; paper; a snack"]),
    (b'id,text\n1,"Two\nlines"\n2,fine\n', ["Two\nlines", "fine"]),
])
def test_excel_csv_is_read(tmp_path: Path, raw: bytes, texts: list[str]) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(raw)
    assert [p.text for p in _posts(path)] == texts


def test_semicolon_metadata_columns(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"id;text;audience\n7;Hi all;students\n")
    (post,) = _posts(path)
    assert post.id == "7" and post.metadata["audience"] == "students"


@pytest.mark.parametrize(("raw", "words"), [
    (b'id,text\n1,"Hello there\n2,second post\n3,third\n',
     "unbalanced quote: the quoted field that starts on line 2 is never closed"),
    (b'id,text\n1,fine\n2,"oops\n3,more\n',
     "unbalanced quote: the quoted field that starts on line 3 is never closed"),
    # a later quote would close it: Python's csv module read rows 1 and 2 as one post
    (b'id,text\n1,"Hello all\n2,"Ring 07911 123456"\n3,bye\n', "broken CSV on line 3"),
])
def test_unbalanced_quote_is_an_error_not_a_merged_post(tmp_path: Path, raw: bytes,
                                                         words: str) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(raw)
    with pytest.raises(InputError, match=words):
        _posts(path)


def test_undecodable_line_is_named_and_no_header_only_csv_is_left(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # 0x81 is not a character in Windows-1252 either: the error names its line (2).
    path = tmp_path / "sheet.csv"
    path.write_bytes(b"id,text\n1,Hello \x81 there\n2,More\n")
    rows, out = tmp_path / "rows.csv", tmp_path / "out.jsonl"
    assert main(["batch", str(path), "--out", str(out), "--csv", str(rows)]) == 2
    err = capsys.readouterr().err
    assert "line 2 is not Windows-1252 text (byte 0x81)" in err
    assert not rows.exists()


def test_rows_before_a_broken_line_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(b'id,text\n1,Fine\n2,"never closed\n3,x\n')
    rows, out = tmp_path / "rows.csv", tmp_path / "out.jsonl"
    assert main(["batch", str(path), "--out", str(out), "--csv", str(rows)]) == 2
    assert [json.loads(x)["id"] for x in out.read_text().splitlines()] == ["1"]
    assert rows.read_text().splitlines()[1].startswith("1,allow")


def test_folder_reports_files_it_does_not_read(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "a.txt").write_text("Sunny sports day")
    (folder / "b.html").write_text("<p>Ring 07911 123456</p>")
    (folder / "c.docx").write_bytes(b"PK\x03\x04")
    from PIL import Image

    Image.new("RGB", (40, 30), (200, 200, 200)).save(folder / "a.jpg")  # a.txt's photo
    (folder / ".hidden.txt").write_text("x")
    (folder / "a.json").write_text('{"audience": "parents"}')  # a.txt's metadata: read
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(folder), "--out", str(out)]) == 2
    assert "2 posts not fully screened" in capsys.readouterr().err
    reports = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["id"] for r in reports] == ["a.txt", "b.html", "c.docx"]
    assert not reports[0]["errors"]
    for r in reports[1:]:
        assert r["verdict"] == "review" and "not read" in r["errors"][0]["message"]


def test_empty_folder_is_an_input_error(tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    assert main(["batch", str(folder), "--out", str(tmp_path / "o.jsonl")]) == 2
    assert "no drafts" in capsys.readouterr().err


@pytest.mark.parametrize("raw", [
    # A comma in unquoted text splits it: the phone number was dropped and the post allowed.
    b"id,text\n1,Trip was great, ring 07911 123456\n2,Fine\n",
    b"id,text\n1,Trip was great; ring 07911 123456, ok\n2,Fine\n",
    b"id;text;audience\n1;Trip; ring 07911 123456;parents\n2;Fine;parents\n",
])
def test_a_row_with_more_fields_than_the_header_is_an_error_not_cut(
        tmp_path: Path, raw: bytes, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(raw)
    out = tmp_path / "out.jsonl"
    assert main(["batch", str(path), "--out", str(out)]) == 2
    reports = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(reports) == 2 and reports[1]["verdict"] == "allow"
    bad = reports[0]
    assert bad["verdict"] == "review" and bad["redacted_text"] == ""
    message = bad["errors"][0]["message"]
    assert "sheet.csv:2" in message and "more fields than the header" in message
    assert "07911" not in message and "07911" not in capsys.readouterr().err


@pytest.mark.parametrize(("raw", "texts"), [
    # Traps: fewer fields than the header (trailing empty cells trimmed) and empty extra
    # cells (a trailing separator) are read as they are.
    (b"id,text,audience\n1,Hello\n", ["Hello"]),
    (b"id,text\n1,Hello,\n2,Bye,,\n", ["Hello", "Bye"]),
    # One column: a comma, a semicolon or a tab in a post is part of it.
    (b"text\nHello, world; all\tof you\n\"Quoted, too\"\n",
     ["Hello, world; all\tof you", "Quoted, too"]),
])
def test_short_rows_and_trailing_separators_are_read(tmp_path: Path, raw: bytes,
                                                     texts: list[str]) -> None:
    path = tmp_path / "sheet.csv"
    path.write_bytes(raw)
    assert [p.text for p in _posts(path)] == texts


def test_windows_1252_after_the_first_megabyte_is_read(tmp_path: Path) -> None:
    """An Excel sheet whose first megabyte is plain ASCII and whose accents come later: the
    file was refused from that line on ("not UTF-8"); the line is read as Windows-1252."""
    path = tmp_path / "sheet.csv"
    rows = b"".join(b"%d,Plain text row number %d\r\n" % (i, i) for i in range(40_000))
    assert len(rows) > 1 << 20
    path.write_bytes(b"id,text\r\n" + rows + b"x,Caf\xe9 trip costs \xa312\r\ny,Caf\xc3\xa9\r\n")
    posts = _posts(path)
    assert len(posts) == 40_002
    assert [p.text for p in posts[-2:]] == ["Caf\u00e9 trip costs \u00a312", "Caf\u00e9"]


@pytest.mark.parametrize("fmt", ["csv", "folder", "facebook", "wordpress"])
def test_standard_input_is_jsonl_only(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    """`... | postguard batch - --input-format csv` said "-: no such file"."""
    assert main(["batch", "-", "--input-format", fmt]) == 2
    err = capsys.readouterr().err
    assert ("standard input (-) is read as JSONL only; save the "
            f"{fmt} input to a file and pass its name") in err
