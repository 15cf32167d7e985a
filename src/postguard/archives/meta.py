"""The Meta exports (Facebook, Instagram): the posts JSON files, their folder or the .zip as
downloaded, streamed one post at a time, text repaired from the exports' Latin-1 escapes, photos
attached."""

from __future__ import annotations

import fnmatch
import functools
import glob
import os
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import IO, Any

from ..errors import InputError
from ..inputs import open_binary
from ..model import Post
from .common import IMAGE_EXTS, Item, fix_mojibake
from .jsonstream import iter_array
from .ziparchive import SafeZip, ZipMember, is_zip

# -- Meta exports (Facebook, Instagram) ----------------------------------------------------

# Where the posts files are, relative to the export's root: the 2023+ layout, the older one,
# and either under one top folder (an export unzipped and zipped again, or its parent).
_FB_PATTERNS = ("your_activity_across_facebook/posts/your_posts*.json",
                "posts/your_posts*.json", "*/your_activity_across_facebook/posts/your_posts*.json",
                "*/posts/your_posts*.json")
_IG_PATTERNS = ("your_instagram_activity/content/posts_*.json", "content/posts_*.json",
                "*/your_instagram_activity/content/posts_*.json", "*/content/posts_*.json")
META_EXPORTS = {"facebook": (_FB_PATTERNS, "Facebook", "posts/your_posts_N.json"),
         "instagram": (_IG_PATTERNS, "Instagram", "content/posts_N.json")}


def _part_order(p: str) -> tuple[int, str]:
    return len(p), p  # your_posts_2 before your_posts_10


def _matching(path: str, patterns: tuple[str, ...]) -> list[str]:
    for pattern in patterns:
        found = sorted(glob.glob(os.path.join(path, pattern)), key=_part_order)
        if found:
            return found
    return []


def _zip_matching(arc: SafeZip, patterns: tuple[str, ...]) -> list[str]:
    """The members matching the first pattern that matches any, as `glob` does in a folder
    (a `*` stays within one folder name)."""
    by_depth: dict[int, list[list[str]]] = {}
    for member in arc.members:
        parts = member.split("/")
        by_depth.setdefault(len(parts), []).append(parts)
    for pattern in patterns:
        want = pattern.split("/")
        found = ["/".join(parts) for parts in by_depth.get(len(want), [])
                 if all(fnmatch.fnmatchcase(p, w) for p, w in zip(parts, want, strict=True))]
        if found:
            return sorted(found, key=_part_order)
    return []


def facebook_files(path: str) -> list[str]:
    return _matching(path, _FB_PATTERNS)


def instagram_files(path: str) -> list[str]:
    return _matching(path, _IG_PATTERNS)


def _repair(value: Any) -> Any:
    if isinstance(value, str):
        return fix_mojibake(value)
    if isinstance(value, list):
        return [_repair(v) for v in value]
    if isinstance(value, dict):
        return {k: _repair(v) for k, v in value.items()}
    return value


def _media_path(json_file: str, uri: str) -> str:
    """A media URI of a Meta export is relative to the export's root: find that root."""
    if uri.lower().startswith(("http://", "https://")) or os.path.isabs(uri):
        return uri
    folder = os.path.dirname(os.path.abspath(json_file))
    first = uri.replace("\\", "/").split("/", 1)[0]
    guess = None
    for _ in range(5):
        candidate = os.path.join(folder, uri)
        if os.path.exists(candidate):
            return candidate
        if guess is None and os.path.isdir(os.path.join(folder, first)):
            guess = candidate
        parent = os.path.dirname(folder)
        if parent == folder:
            break
        folder = parent
    return guess or os.path.join(os.path.dirname(os.path.abspath(json_file)), uri)


def _zip_media(arc: SafeZip, where: str, dirs: set[str], member: str, uri: str) -> Any:
    """`_media_path` inside a .zip: the URI under the posts member's folder or one of its
    parents, up to the archive's root, as a `ZipMember` (one the archive does not hold, or
    that would leave it, reads as "not in the archive" when screened)."""
    if uri.lower().startswith(("http://", "https://")):
        return uri
    folder = member.rpartition("/")[0]
    first = uri.replace("\\", "/").split("/", 1)[0]
    guess = None
    for _ in range(5):
        candidate = f"{folder}/{uri}" if folder else uri
        if candidate in arc.members:
            return ZipMember(where, candidate)
        if guess is None and (f"{folder}/{first}" if folder else first) in dirs:
            guess = candidate
        if not folder:
            break
        folder = folder.rpartition("/")[0]
    return ZipMember(where, guess or f"{member.rpartition('/')[0]}/{uri}".lstrip("/"))


def _iso(ts: Any) -> str | None:
    if isinstance(ts, (int, float)) and not isinstance(ts, bool) and 0 < ts < 1e11:
        return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat()
    return None


def _is_image(uri: str) -> bool:
    return os.path.splitext(uri.split("?", 1)[0])[1].lower() in IMAGE_EXTS


def _facebook_post(entry: Any, where: str, media_of: Callable[[str], Any]) -> Item:
    if not isinstance(entry, dict):
        return where, InputError(f"{where}: a post entry is not a JSON object")
    entry = _repair(entry)
    texts: list[str] = []
    images: list[Any] = []
    for d in entry.get("data") or []:
        if isinstance(d, dict) and isinstance(d.get("post"), str):
            texts.append(d["post"])
    for att in entry.get("attachments") or []:
        for d in (att.get("data") or []) if isinstance(att, dict) else []:
            media = d.get("media") if isinstance(d, dict) else None
            if not isinstance(media, dict):
                continue
            uri = media.get("uri")
            if isinstance(uri, str) and _is_image(uri):
                images.append(media_of(uri))
            if isinstance(media.get("description"), str) and media["description"] not in texts:
                texts.append(media["description"])
    metadata: dict[str, Any] = {"platform": "facebook"}
    when = _iso(entry.get("timestamp"))
    if when:
        metadata["scheduled_at"] = when
    return where, Post(text="\n\n".join(texts), images=tuple(images), id=where,
                       metadata=metadata)


def _instagram_post(entry: Any, where: str, media_of: Callable[[str], Any]) -> Item:
    if not isinstance(entry, dict):
        return where, InputError(f"{where}: a post entry is not a JSON object")
    entry = _repair(entry)
    media = [m for m in entry.get("media") or [] if isinstance(m, dict)]
    text = entry.get("title") if isinstance(entry.get("title"), str) else ""
    if not text and media and isinstance(media[0].get("title"), str):
        text = media[0]["title"]
    images = tuple(media_of(m["uri"]) for m in media
                   if isinstance(m.get("uri"), str) and _is_image(m["uri"]))
    metadata: dict[str, Any] = {"platform": "instagram"}
    when = _iso(entry.get("creation_timestamp")
                or (media[0].get("creation_timestamp") if media else None))
    if when:
        metadata["scheduled_at"] = when
    return where, Post(text=text, images=images, id=where, metadata=metadata)


_BUILD = {"facebook": _facebook_post, "instagram": _instagram_post}


def _meta_posts(fh: IO[bytes], label: str, name: str, media_of: Callable[[str], Any],
                kind: str) -> Iterator[Item]:
    """The posts of one posts file (a file, or a member of a .zip), streamed; ids are
    `<file name>#N` either way."""
    build = _BUILD[kind]
    for n, entry in enumerate(iter_array(fh, label, wrapped=True), 1):
        yield build(entry, f"{name}#{n}", media_of)


def _iter_meta(path: str, kind: str) -> Iterator[Item]:
    if os.path.isfile(path) and is_zip(path):
        yield from _iter_meta_zip(path, kind)
        return
    patterns, title, _ = META_EXPORTS[kind]
    files = _matching(path, patterns) if os.path.isdir(path) else [path]
    if not files:
        raise InputError(f"{path}: no {title} posts file found in this folder", source=path)
    for file in files:
        with open_binary(file) as fh:
            yield from _meta_posts(fh, file, os.path.basename(file),
                                   functools.partial(_media_path, file), kind)


def meta_zip_files(arc: SafeZip, kind: str) -> list[str]:
    """The posts members of a Facebook or Instagram export .zip, parts in order."""
    return _zip_matching(arc, META_EXPORTS[kind][0])


def open_meta_zip(path: str, kind: str) -> tuple[SafeZip, list[str]]:
    """The archive and its posts members; raises the one-line error when it is not a
    readable export of that kind."""
    arc = SafeZip.open(path)
    files = meta_zip_files(arc, kind)
    if not files:
        arc.close()
        _, title, where = META_EXPORTS[kind]
        article = "an" if title[0] in "AEIOU" else "a"
        raise InputError(f"{path}: a .zip without {where}; is it {article} {title} export?",
                         source=path)
    return arc, files


def _iter_meta_zip(path: str, kind: str) -> Iterator[Item]:
    """Posts are streamed from their members; each photo stays in the archive as a
    `ZipMember`, read when its post is screened (as for the X archive)."""
    arc, files = open_meta_zip(path, kind)
    where = os.path.abspath(path)
    dirs: set[str] = set()  # every folder of the archive, for `_zip_media`'s guess
    for m in arc.members:
        i = m.rfind("/")
        while i > 0 and m[:i] not in dirs:
            dirs.add(m[:i])
            i = m.rfind("/", 0, i)
    with arc:
        for member in files:
            stream = arc.open_member(member)
            try:
                yield from _meta_posts(stream, f"{arc.name}:{member}", member.rpartition("/")[2],
                                       functools.partial(_zip_media, arc, where, dirs, member),
                                       kind)
            finally:
                stream.close()


def iter_facebook(path: str) -> Iterator[Item]:
    """A Facebook export: the .zip as downloaded, its folder, or a `your_posts_N.json` file.
    Text is repaired from the Latin-1 escapes the export writes; `data[].post` and photo
    descriptions are screened, `attachments[].data[].media.uri` photos attached."""
    return _iter_meta(path, "facebook")


def iter_instagram(path: str) -> Iterator[Item]:
    """An Instagram export: the .zip as downloaded, its folder, or a `posts_N.json` file
    (captions and photos)."""
    return _iter_meta(path, "instagram")
