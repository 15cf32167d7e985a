"""The project's own input formats: JSONL, CSV, a folder of draft files, one draft file."""

from __future__ import annotations

import codecs
import csv
import itertools
import json
import logging
import os
import re
import sys
from collections.abc import Iterator
from typing import Any, NamedTuple

from ..errors import InputError
from ..inputs import MAX_POST_BYTES, decode, guess_id, open_binary, post_from_record, read_text
from ..model import Post
from .common import IMAGE_EXTS, Item, local_image

log = logging.getLogger(__name__)

DRAFT_EXTS = (".txt", ".md", ".markdown", ".text")
TEXT_COLUMNS = ("text", "message", "content", "body", "post", "caption", "full_text")
IMAGE_COLUMNS = ("images", "image", "media", "photos", "photo")
METADATA_COLUMNS = ("account", "audience", "scheduled_at", "platform", "consent")


class RawLine(NamedTuple):
    """A JSONL line not parsed yet: batch workers parse it, so the reading process only
    splits lines (see `parse_line`)."""

    data: bytes
    where: str
    base: str


def parse_line(raw: RawLine) -> Item:
    """(id, Post) for one JSONL line, or (id, InputError) when it is malformed: the id it
    names when that can be read, else "<file>:<line>". Relative image paths are looked up
    in the working folder, then next to the file."""
    where = raw.where
    try:
        post = post_from_record(json.loads(decode(raw.data, where)), where, where)
    except InputError as exc:
        return guess_id(raw.data, where), exc
    except (json.JSONDecodeError, RecursionError) as exc:
        msg = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
        return guess_id(raw.data, where), InputError(f"{where}: not valid JSON ({msg})")
    if post.images:
        imgs = tuple(local_image(raw.base, i) if isinstance(i, str) else i for i in post.images)
        post = Post(text=post.text, images=imgs, id=post.id, metadata=post.metadata)
    return post.id or where, post


def iter_jsonl_raw(path: str) -> Iterator[tuple[str, RawLine]]:
    """("<file>:<line>", RawLine) for each non-blank line, for `parse_line` to parse."""
    base = os.path.dirname(os.path.abspath(path)) if path != "-" else os.getcwd()
    name = os.path.basename(path) if path != "-" else "<stdin>"
    fh = sys.stdin.buffer if path == "-" else open_binary(path)
    with fh:
        for lineno, line in enumerate(fh, 1):
            if line.strip():
                where = f"{name}:{lineno}"
                yield where, RawLine(line, where, base)


def iter_jsonl_posts(path: str) -> Iterator[Item]:
    """JSONL: one JSON object a line, {"id", "text", "images", "metadata"}."""
    for _, raw in iter_jsonl_raw(path):
        yield parse_line(raw)


def _split_images(value: str) -> list[str]:
    value = value.strip()
    if not value:
        return []
    if value.startswith("["):
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            parsed = None
        if isinstance(parsed, list) and all(isinstance(v, str) for v in parsed):
            return parsed
    return [p.strip() for p in re.split(r"[;|\n]", value) if p.strip()]


def iter_csv(path: str) -> Iterator[Item]:
    """CSV with a header: `id`, `text` (or message/content/body/caption), `images` (paths
    split by `;` or `|`, or a JSON list), `metadata` (a JSON object) and the metadata columns
    account, audience, scheduled_at, platform, consent. UTF-8, or Windows-1252 (what Excel
    saves in the UK) when the start of the file is not UTF-8; comma, semicolon or tab
    separated, read from the header line. A quote that is never closed is an error, not
    rows merged into one post; a row with more fields than the header (text holding an
    unquoted separator) is an error item, never a post cut short."""
    name = os.path.basename(path)
    base = os.path.dirname(os.path.abspath(path))
    csv.field_size_limit(MAX_POST_BYTES)
    lines = _csv_lines(path)
    first = next(lines, None)
    if first is None:
        return
    delimiter = "\t" if path.lower().endswith(".tsv") else _delimiter(first)
    reader = csv.reader(itertools.chain([first], lines), delimiter=delimiter, strict=True)
    start = 1
    try:
        header = next(reader, None)
        if header is None:
            return
        cols = {h.strip().lower(): i for i, h in enumerate(header)}
        text_col = next((cols[c] for c in TEXT_COLUMNS if c in cols), None)
        if text_col is None:
            raise InputError(
                f"{path}: no text column (found: {', '.join(sorted(cols)) or 'none'}); "
                f"name one of: {', '.join(TEXT_COLUMNS)}", source=path)
        img_col = next((cols[c] for c in IMAGE_COLUMNS if c in cols), None)
        start = reader.line_num + 1
        for row in reader:
            if any(cell.strip() for cell in row):
                where = f"{name}:{reader.line_num}"
                if any(cell.strip() for cell in row[len(header):]):
                    # Never cut: the cells past the header may hold the rest of the text.
                    pid = _cell(row, cols.get("id")).strip() or where
                    yield pid, InputError(
                        f"{where}: more fields than the header ({len(row)}, not {len(header)}): "
                        "not screened; put a field that holds the separator "
                        f"({_SEPARATORS.get(delimiter, delimiter)}) in double quotes",
                        source=where)
                    start = reader.line_num + 1
                    continue
                yield _csv_row(row, cols, text_col, img_col, where, base)
            start = reader.line_num + 1
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise InputError(f"{path}: unbalanced quote: the quoted field that starts on "
                             f"line {start} is never closed (check its quotes)",
                             source=path) from None
        raise InputError(f"{path}: broken CSV on line {reader.line_num} ({exc})",
                         source=path) from None


def _csv_lines(path: str) -> Iterator[str]:
    """The file's lines, decoded: UTF-8 (a BOM is dropped), or Windows-1252 when the first
    megabyte is not UTF-8; a later line that is not UTF-8 is read as Windows-1252 too. A line
    that is neither is an error naming it."""
    with open_binary(path) as fh:
        head = fh.read(1 << 20)
        encoding, label = "utf-8", "UTF-8"
        try:
            codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        except UnicodeDecodeError:
            encoding, label = "cp1252", "Windows-1252"
            log.info("%s: not UTF-8; read as Windows-1252", path)
        fh.seek(0)
        for lineno, raw in enumerate(fh, 1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            try:
                yield raw.decode(encoding)
                continue
            except UnicodeDecodeError as exc:
                error = exc
            if encoding == "utf-8":  # accents past the first megabyte, as Excel saves them
                try:
                    line = raw.decode("cp1252")
                except UnicodeDecodeError:
                    pass
                else:
                    log.info("%s: line %d is not UTF-8; read as Windows-1252", path, lineno)
                    yield line
                    continue
            raise InputError(
                f"{path}: line {lineno} is not {label} text (byte 0x{raw[error.start]:02x}); "
                "save the CSV as UTF-8", source=path)


#: The "separator" of a one-column file: a control character no text holds, so a comma in a
#: post is part of it.
_ONE_COLUMN = "\x1f"
_SEPARATORS = {",": "a comma", ";": "a semicolon", "\t": "a tab"}



def _delimiter(header: str) -> str:
    """Comma, semicolon or tab: whichever the header line has most of (comma on a tie); a
    header of one column ("text") has none, and its rows are read whole."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else _ONE_COLUMN


def _cell(row: list[str], i: int | None) -> str:
    return row[i] if i is not None and i < len(row) else ""


def _csv_row(row: list[str], cols: dict[str, int], text_col: int, img_col: int | None,
             where: str, base: str) -> Item:
    pid = _cell(row, cols.get("id")).strip() or where
    metadata: dict[str, Any] = {}
    raw_meta = _cell(row, cols.get("metadata")).strip()
    if raw_meta:
        try:
            parsed = json.loads(raw_meta)
        except json.JSONDecodeError:
            return pid, InputError(f"{where}: 'metadata' is not valid JSON")
        if not isinstance(parsed, dict):
            return pid, InputError(f"{where}: 'metadata' must be a JSON object")
        metadata.update(parsed)
    for key in METADATA_COLUMNS:
        value = _cell(row, cols.get(key)).strip()
        if value:
            metadata[key] = value
    images = tuple(local_image(base, p) for p in _split_images(_cell(row, img_col)))
    return pid, Post(text=_cell(row, text_col), images=images, id=pid, metadata=metadata)


_MD_IMAGE = re.compile(r"!\[[^\]\n]{0,500}\]\(\s*<?([^)\s>]{1,1000})>?(?:\s+\"[^\"\n]*\")?\s*\)")


def draft_post(path: str, pid: str) -> Item:
    """One draft file: its text, photos named like it (`draft.jpg`, `draft.1.png`,
    `draft_2.jpg`), images a Markdown draft links to, and `draft.json` as metadata."""
    try:
        text = read_text(path)
    except InputError as exc:
        return pid, exc
    folder = os.path.dirname(os.path.abspath(path))
    stem = os.path.splitext(os.path.basename(path))[0]
    images: list[str] = []
    try:
        siblings = sorted(os.listdir(folder))
    except OSError:
        siblings = []
    pattern = re.compile(re.escape(stem) + r"(?:[._-]\d{1,4})?(\.[A-Za-z0-9]+)$")
    for f in siblings:
        m = pattern.fullmatch(f)
        if m and m.group(1).lower() in IMAGE_EXTS:
            images.append(os.path.join(folder, f))
    if path.lower().endswith((".md", ".markdown")):
        for m in _MD_IMAGE.finditer(text):
            ref = m.group(1)
            resolved = local_image(folder, ref)
            if resolved not in images:
                images.append(resolved)
    metadata: dict[str, Any] = {}
    sidecar = os.path.join(folder, stem + ".json")
    if os.path.isfile(sidecar):
        try:
            parsed = json.loads(read_text(sidecar))
        except (InputError, json.JSONDecodeError):
            return pid, InputError(f"{sidecar}: metadata is not valid JSON", source=sidecar)
        if not isinstance(parsed, dict):
            return pid, InputError(f"{sidecar}: metadata must be a JSON object", source=sidecar)
        metadata = parsed
    return pid, Post(text=text, images=tuple(images), id=pid, metadata=metadata)


def iter_draft(path: str) -> Iterator[Item]:
    yield draft_post(path, path)


def iter_folder(path: str) -> Iterator[Item]:
    """Every draft file (.txt, .md) under a folder, in sorted order; the id is the path
    relative to the folder. Hidden files and folders are skipped. Any other file that no
    draft reads (as its photo or its metadata) is an error item, so a `.docx` or `.html` is
    reported, not skipped without a word; a folder with no file to read is an input error."""
    if not os.path.isdir(path):
        raise InputError(f"{path}: not a folder", source=path)
    found = 0
    used: set[str] = set()
    others: list[str] = []  # reported after the walk: a draft may name a photo anywhere
    for root, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for f in sorted(files):
            if f.startswith("."):
                continue
            full = os.path.join(root, f)
            if not f.lower().endswith(DRAFT_EXTS):
                others.append(full)
                continue
            rel = os.path.relpath(full, path).replace(os.sep, "/")
            item = draft_post(full, rel)
            if isinstance(item[1], Post):
                used.update(os.path.abspath(i) for i in item[1].images if isinstance(i, str))
            used.add(os.path.abspath(os.path.splitext(full)[0] + ".json"))
            found += 1
            yield item
    for full in others:
        if os.path.abspath(full) in used:
            continue
        rel = os.path.relpath(full, path).replace(os.sep, "/")
        found += 1
        yield rel, InputError(
            f"{rel}: not read: postguard reads drafts saved as .txt or .md (and the photos "
            "they name or that are named like them); save it as text to screen it",
            source=rel)
    if not found:
        raise InputError(f"{path}: no drafts in this folder (postguard reads .txt and .md "
                         "files)", source=path)
