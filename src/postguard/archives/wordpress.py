"""WordPress export (WXR): posts and pages, their HTML reduced to the text readers see.

The XML is read with `iterparse` and each `<item>` dropped once read, so memory stays flat.
A post's images are its featured image (`_thumbnail_id` -> the attachment's
`wp:attachment_url` / `_wp_attached_file`), then the `<img>` of its HTML. They are looked up
next to the export (`wp-content/uploads/...` or `uploads/...`): when such an uploads folder is
there, a file missing from it is reported missing; without one, an image only on the web is
reported as not screened. Nothing is ever downloaded. A featured image whose attachment is
not in the export is reported unreadable. Attachments usually come after their posts: the
first featured image not seen yet triggers one extra pass that lists every attachment
(id -> file, ~200 bytes each), so posts still stream in file order.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from html.parser import HTMLParser
from typing import Any
from urllib.parse import unquote

from ..errors import InputError
from ..inputs import open_binary
from ..model import Post
from .common import Item, MissingImage, is_remote

SCREENED_TYPES = frozenset({"post", "page"})
_PARAGRAPH = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "figure",
                        "figcaption", "ul", "ol", "section", "article", "pre", "table"})
_LINE = frozenset({"br", "li", "tr"})
_SKIP = frozenset({"script", "style"})


class _TextAndImages(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.images: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self.skip += 1
        elif tag in _PARAGRAPH:
            self.parts.append("\n\n")
        elif tag in _LINE:
            self.parts.append("\n")
        if tag == "img":
            src = dict(attrs).get("src")
            if src:
                self.images.append(src)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP and self.skip:
            self.skip -= 1
        elif tag in _PARAGRAPH:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    def text(self) -> str:
        lines = [" ".join(ln.split()) for ln in "".join(self.parts).split("\n")]
        out: list[str] = []
        for ln in lines:
            if ln or (out and out[-1]):
                out.append(ln)
        return "\n".join(out).strip()


def html_to_text(markup: str) -> tuple[str, list[str]]:
    """The readable text of some post HTML, and the `src` of its images."""
    parser = _TextAndImages()
    parser.feed(markup)
    parser.close()
    return parser.text(), parser.images


_UPLOAD_BASES = ("wp-content/uploads", "uploads", "")
_MARKER = "/wp-content/uploads/"


def _relative(rest: str) -> str | None:
    """An uploads-relative path that stays inside the uploads folder, or None."""
    rest = unquote(rest.split("?", 1)[0].split("#", 1)[0]).replace("\\", "/").lstrip("/")
    if not rest or ".." in rest.split("/") or "\x00" in rest or rest[1:2] == ":":
        return None
    return rest


class _Uploads:
    """Where the uploads of one export are on disk (see the module docstring)."""

    def __init__(self, folder: str) -> None:
        self.folder = folder
        self.roots = [os.path.join(folder, b) for b in _UPLOAD_BASES]
        self.present = [r for r in self.roots[:2] if os.path.isdir(r)]

    def find(self, rel: str) -> str | None:
        for root in self.roots:
            candidate = os.path.join(root, rel)
            if os.path.isfile(candidate):
                return candidate
        return None

    def expected(self, rel: str) -> str | None:
        """The path a missing upload should have had, when the uploads are there."""
        return os.path.join(self.present[0], rel) if self.present else None

    def image(self, src: str) -> str:
        """An `<img src>` as a path: found under the uploads, expected there, or as it is."""
        if _MARKER in src:
            rel = _relative(src.split(_MARKER, 1)[1])
            if rel is not None:
                return self.find(rel) or self.expected(rel) or src
            return src
        if is_remote(src) or os.path.isabs(src):
            return src
        return os.path.join(self.folder, src)

    def attachment(self, att: tuple[str, str]) -> str | None:
        """A featured image's file from its attachment (URL, `_wp_attached_file`)."""
        url, attached = att
        rels = []
        if _MARKER in url:
            rels.append(_relative(url.split(_MARKER, 1)[1]))
        rels.append(_relative(attached))
        clean = [r for r in rels if r]
        for rel in clean:
            found = self.find(rel)
            if found:
                return found
        if clean and self.present:
            return self.expected(clean[0])
        return url or (os.path.join(self.roots[0], clean[0]) if clean else None)


def _local_name(tag: str) -> tuple[str, str]:
    if tag.startswith("{"):
        ns, _, name = tag[1:].partition("}")
        return ns, name
    return "", tag


def _item_fields(item: ET.Element) -> dict[str, str]:
    fields: dict[str, str] = {}
    for child in item:
        ns, name = _local_name(child.tag)
        key = name
        if "wordpress.org/export" in ns:
            key = "wp:" + name
        elif ns.endswith("/content/"):
            key = "content:" + name
        elif "excerpt" in ns:
            key = "excerpt:" + name
        if key not in fields:
            fields[key] = child.text or ""
    return fields


def _postmeta(item: ET.Element) -> dict[str, str]:
    """The `<wp:postmeta>` of an item as {key: value} (the first value of each key)."""
    meta: dict[str, str] = {}
    for child in item:
        if _local_name(child.tag)[1] != "postmeta":
            continue
        key = value = ""
        for part in child:
            name = _local_name(part.tag)[1]
            if name == "meta_key":
                key = (part.text or "").strip()
            elif name == "meta_value":
                value = (part.text or "").strip()
        if key and key not in meta:
            meta[key] = value
    return meta


#: An attachment's (wp:attachment_url, _wp_attached_file), by its wp:post_id.
Attachments = dict[str, tuple[str, str]]


def _attachment(fields: dict[str, str], item: ET.Element) -> tuple[str, tuple[str, str]] | None:
    if fields.get("wp:post_type") != "attachment":
        return None
    pid = fields.get("wp:post_id", "").strip()
    if not pid:
        return None
    url = fields.get("wp:attachment_url", "").strip()
    return pid, (url, _postmeta(item).get("_wp_attached_file", ""))


def _featured(meta: dict[str, str], where: str, name: str, uploads: _Uploads,
              lookup: Callable[[str], tuple[str, str] | None]) -> str | MissingImage | None:
    tid = meta.get("_thumbnail_id", "").strip()
    if not tid or not tid.isdigit() or int(tid) <= 0:
        return None
    att = lookup(tid)
    found = uploads.attachment(att) if att is not None else None
    if found is None:
        return MissingImage(f"{name}: {where} featured image",
                            f"attachment {tid} is not in this export")
    return found


def _post(fields: dict[str, str], item: ET.Element, where: str, name: str,
          uploads: _Uploads, lookup: Callable[[str], tuple[str, str] | None]) -> Item | None:
    kind = fields.get("wp:post_type", "post")
    if kind not in SCREENED_TYPES:
        return None
    pid = fields.get("wp:post_id", "").strip() or where
    body, srcs = html_to_text(fields.get("content:encoded", ""))
    excerpt, _ = html_to_text(fields.get("excerpt:encoded", ""))
    title = fields.get("title", "").strip()
    text = "\n\n".join(p for p in (title, excerpt, body) if p)
    metadata: dict[str, Any] = {"platform": "wordpress", "status": fields.get("wp:status", "")}
    gmt = fields.get("wp:post_date_gmt", "").strip()
    if gmt and not gmt.startswith("0000"):
        metadata["scheduled_at"] = gmt.replace(" ", "T") + "+00:00"
    featured = _featured(_postmeta(item), f"post {pid}", name, uploads, lookup)
    images: list[Any] = [featured] if featured is not None else []
    images.extend(uploads.image(s) for s in srcs)
    return pid, Post(text=text, images=tuple(dict.fromkeys(images)), id=pid,
                     metadata=metadata)


def _items(path: str) -> Iterator[ET.Element]:
    """Each `<item>` of a WXR file, dropped from the tree once the caller is done with it."""
    with open_binary(path) as fh:
        parent: ET.Element | None = None
        try:
            for event, elem in ET.iterparse(fh, events=("start", "end")):
                if event == "start":
                    if _local_name(elem.tag)[1] == "channel":
                        parent = elem
                    continue
                if _local_name(elem.tag)[1] != "item":
                    continue
                yield elem
                elem.clear()
                if parent is not None:
                    parent.remove(elem)
        except ET.ParseError as exc:
            raise InputError(f"{path}: broken WordPress export (XML error: {exc})",
                             source=path) from None
        if parent is None:
            raise InputError(f"{path}: no <channel> found; is it a WordPress export (WXR)?",
                             source=path)


def _all_attachments(path: str) -> Attachments:
    found: Attachments = {}
    for item in _items(path):
        got = _attachment(_item_fields(item), item)
        if got is not None:
            found.setdefault(*got)
    return found


def iter_wordpress(path: str) -> Iterator[Item]:
    """Each post and page of a WXR file, drafts included, in file order."""
    uploads = _Uploads(os.path.dirname(os.path.abspath(path)))
    name = os.path.basename(path)
    seen: Attachments = {}
    listed = False

    def lookup(tid: str) -> tuple[str, str] | None:
        nonlocal listed
        if tid not in seen and not listed:
            listed = True  # the attachment comes later in the file: list them all once
            for key, value in _all_attachments(path).items():
                seen.setdefault(key, value)
        return seen.get(tid)

    for n, item in enumerate(_items(path), 1):
        fields = _item_fields(item)
        att = _attachment(fields, item)
        if att is not None:
            seen.setdefault(*att)
            continue
        result = _post(fields, item, f"{name}#{n}", name, uploads, lookup)
        if result is not None:
            yield result
