"""WordPress export (WXR): posts and pages, their HTML reduced to the text readers see.

The XML is read with `iterparse` and each `<item>` dropped once read, so memory stays flat.
Images in a post's HTML are looked up next to the export (`wp-content/uploads/...` or
`uploads/...`); an image only on the web is reported as not screened, never downloaded.
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from ..errors import InputError
from ..model import Post
from .common import Item, is_remote, open_binary

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


def _local(folder: str, src: str) -> str:
    marker = "/wp-content/uploads/"
    if marker in src:
        rest = src.split(marker, 1)[1].split("?", 1)[0]
        for base in ("wp-content/uploads", "uploads", ""):
            candidate = os.path.join(folder, base, rest)
            if os.path.isfile(candidate):
                return candidate
        return src
    if is_remote(src) or os.path.isabs(src):
        return src
    return os.path.join(folder, src)


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


def _post(fields: dict[str, str], where: str, folder: str) -> Item | None:
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
    images = tuple(dict.fromkeys(_local(folder, s) for s in srcs))
    return pid, Post(text=text, images=images, id=pid, metadata=metadata)


def iter_wordpress(path: str) -> Iterator[Item]:
    """Each post and page of a WXR file, drafts included, in file order."""
    folder = os.path.dirname(os.path.abspath(path))
    name = os.path.basename(path)
    n = 0
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
                n += 1
                result = _post(_item_fields(elem), f"{name}#{n}", folder)
                elem.clear()
                if parent is not None:
                    parent.remove(elem)
                if result is not None:
                    yield result
        except ET.ParseError as exc:
            raise InputError(f"{path}: broken WordPress export (XML error: {exc})",
                             source=path) from None
        if parent is None:
            raise InputError(f"{path}: no <channel> found; is it a WordPress export (WXR)?",
                             source=path)
