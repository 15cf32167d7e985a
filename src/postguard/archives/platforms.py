"""The platforms' own archive exports: X/Twitter, Facebook, Instagram.

Each reader streams the export's JSON array (see `jsonstream`), so memory holds one post
however long the account's history. Photos the export ships are attached to their post; a
photo the export names but does not contain is reported by `batch` as not screened. The X
archive is also read as the .zip the platform hands out, without unpacking it (see
`ziparchive`).
"""

from __future__ import annotations

import glob
import html
import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import IO, Any

from ..errors import InputError
from ..model import Post
from .common import IMAGE_EXTS, Item, fix_mojibake, open_binary
from .jsonstream import iter_array
from .ziparchive import SafeZip, ZipMember, is_zip

# -- X / Twitter -------------------------------------------------------------------------

_TWEET_FILES = ("tweets.js", "tweet.js")
_TWEET_MEDIA = ("tweets_media", "tweet_media")


def twitter_files(path: str) -> list[str]:
    """The tweets files of an X archive folder (root or its `data` folder), parts in order."""
    for folder in (os.path.join(path, "data"), path):
        for name in _TWEET_FILES:
            first = os.path.join(folder, name)
            if os.path.isfile(first):
                stem = name[:-3]
                parts = sorted(glob.glob(os.path.join(folder, f"{stem}-part*.js")),
                               key=lambda p: (len(p), p))
                return [first, *parts]
    return []


def _tweet_time(value: Any) -> str | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.strptime(value, "%a %b %d %H:%M:%S %z %Y").isoformat()
    except ValueError:
        return None


def _tweet_post(entry: Any, where: str, media: Callable[[str], Any]) -> Item:
    """One tweet of a tweets file; `media(file_name)` finds `<tweet id>-<name>` in the
    archive's media folder (a path, or a `ZipMember`)."""
    tweet = entry.get("tweet", entry) if isinstance(entry, dict) else None
    if not isinstance(tweet, dict):
        return where, InputError(f"{where}: a tweet entry is not a JSON object")
    pid = str(tweet.get("id_str") or tweet.get("id") or where)
    text = tweet.get("full_text", tweet.get("text", ""))
    if not isinstance(text, str):
        return pid, InputError(f"{where}: tweet {pid} has no text string")
    found = (tweet.get("extended_entities") or tweet.get("entities") or {}).get("media") or []
    images: list[Any] = []
    for m in found if isinstance(found, list) else []:
        if not isinstance(m, dict) or m.get("type", "photo") != "photo":
            continue
        url = str(m.get("media_url_https") or m.get("media_url") or "")
        base = os.path.basename(url)
        if not base:
            continue
        name = f"{pid}-{base}"
        # An id or URL that would step out of the media folder is left as the URL: reported
        # as not screened, never read from elsewhere.
        unsafe = "/" in name or "\\" in name or name.startswith(".")
        images.append(url if unsafe else media(name))
    metadata: dict[str, Any] = {"platform": "x"}
    when = _tweet_time(tweet.get("created_at"))
    if when:
        metadata["scheduled_at"] = when
    # The archive escapes &, < and > as HTML entities; screen the text as it was published.
    return pid, Post(text=html.unescape(text), images=tuple(images), id=pid, metadata=metadata)


def _tweets(fh: IO[bytes], label: str, name: str, media: Callable[[str], Any],
            ) -> Iterator[Item]:
    for n, entry in enumerate(iter_array(fh, label, prefix=True), 1):
        yield _tweet_post(entry, f"{name}#{n}", media)


def iter_twitter(path: str) -> Iterator[Item]:
    """An X/Twitter archive: the .zip the platform hands out, its unzipped folder, its
    `data` folder, or a `tweets.js` file."""
    if os.path.isfile(path) and is_zip(path):
        yield from _iter_twitter_zip(path)
        return
    files = twitter_files(path) if os.path.isdir(path) else [path]
    if not files:
        raise InputError(f"{path}: no data/tweets.js in this folder; is it an X archive?",
                         source=path)
    folder = os.path.dirname(os.path.abspath(files[0]))
    media_dirs = [os.path.join(folder, d) for d in _TWEET_MEDIA
                  if os.path.isdir(os.path.join(folder, d))] or [
        os.path.join(folder, _TWEET_MEDIA[0])]

    def media(name: str) -> str:
        candidates = [os.path.join(d, name) for d in media_dirs]
        return next((c for c in candidates if os.path.isfile(c)), candidates[0])

    for file in files:
        with open_binary(file) as fh:
            yield from _tweets(fh, file, os.path.basename(file), media)


# -- X / Twitter as the downloaded .zip ------------------------------------------------------

_PART = re.compile(r"(tweets?)-part(\d{1,6})\.js")


def twitter_zip_files(arc: SafeZip) -> tuple[list[str], list[str]]:
    """(the tweets members in order, the media folders to look in) of an X archive .zip:
    `data/tweets.js` (older: `tweet.js`) and its `-partN.js` parts, at the root, in `data/`,
    or under one top folder (an archive unzipped and zipped again)."""
    best: tuple[int, int, str, str] | None = None  # (depth, older name, folder, file name)
    for member in arc.members:
        folder, _, file = member.rpartition("/")
        if file not in _TWEET_FILES:
            continue
        dirs = folder.split("/") if folder else []
        if len(dirs) > 2 or (len(dirs) == 2 and dirs[1] != "data"):
            continue
        in_data = dirs[-1:] == ["data"]
        # data/ first, then the root, then the same under one top folder.
        rank = 2 * (len(dirs) - in_data) + (not in_data)
        key = (rank, _TWEET_FILES.index(file), folder, file)
        if best is None or key < best:
            best = key
    if best is None:
        return [], []
    _, _, folder, file = best
    prefix = folder + "/" if folder else ""
    stem = file[:-3]
    parts: list[tuple[int, str]] = []
    for member in arc.members:
        if member.startswith(prefix) and "/" not in member[len(prefix):]:
            m = _PART.fullmatch(member[len(prefix):])
            if m and m.group(1) == stem:
                parts.append((int(m.group(2)), member))
    files = [prefix + file, *(member for _, member in sorted(parts))]
    media = [prefix + d + "/" for d in _TWEET_MEDIA]
    return files, media


def open_twitter_zip(path: str) -> tuple[SafeZip, list[str], list[str]]:
    """The archive, its tweets members and media folders; raises the one-line error when
    it is not a readable X archive."""
    arc = SafeZip.open(path)
    files, media = twitter_zip_files(arc)
    if not files:
        arc.close()
        raise InputError(f"{path}: a .zip without data/tweets.js; is it an X archive? (other "
                         "exports: unzip them and pass the folder)", source=path)
    return arc, files, media


def _iter_twitter_zip(path: str) -> Iterator[Item]:
    """Tweets are streamed from their members; each photo stays in the archive as a
    `ZipMember` that is read when that tweet is screened (one the archive does not hold
    reports "not in the archive" then, like a missing file)."""
    arc, files, media_dirs = open_twitter_zip(path)
    where = os.path.abspath(path)
    present = [d for d in media_dirs if any(m.startswith(d) for m in arc.members)] or \
        media_dirs[:1]

    def media(name: str) -> ZipMember:
        found = next((d + name for d in present if d + name in arc.members), None)
        return ZipMember(where, found or present[0] + name)

    with arc:
        for member in files:
            stream = arc.open_member(member)
            try:
                yield from _tweets(stream, f"{arc.name}:{member}",
                                   member.rpartition("/")[2], media)
            finally:
                stream.close()


# -- Meta exports (Facebook, Instagram) ----------------------------------------------------

_FB_PATTERNS = ("your_activity_across_facebook/posts/your_posts*.json",
                "posts/your_posts*.json", "*/posts/your_posts*.json")
_IG_PATTERNS = ("your_instagram_activity/content/posts_*.json", "content/posts_*.json",
                "*/content/posts_*.json")


def _matching(path: str, patterns: tuple[str, ...]) -> list[str]:
    for pattern in patterns:
        found = sorted(glob.glob(os.path.join(path, pattern)), key=lambda p: (len(p), p))
        if found:
            return found
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


def _iso(ts: Any) -> str | None:
    if isinstance(ts, (int, float)) and not isinstance(ts, bool) and 0 < ts < 1e11:
        return datetime.fromtimestamp(ts, tz=timezone.utc).isoformat()
    return None


def _is_image(uri: str) -> bool:
    return os.path.splitext(uri.split("?", 1)[0])[1].lower() in IMAGE_EXTS


def _facebook_post(entry: Any, where: str, file: str) -> Item:
    if not isinstance(entry, dict):
        return where, InputError(f"{where}: a post entry is not a JSON object")
    entry = _repair(entry)
    texts: list[str] = []
    images: list[str] = []
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
                images.append(_media_path(file, uri))
            if isinstance(media.get("description"), str) and media["description"] not in texts:
                texts.append(media["description"])
    metadata: dict[str, Any] = {"platform": "facebook"}
    when = _iso(entry.get("timestamp"))
    if when:
        metadata["scheduled_at"] = when
    return where, Post(text="\n\n".join(texts), images=tuple(images), id=where,
                       metadata=metadata)


def _instagram_post(entry: Any, where: str, file: str) -> Item:
    if not isinstance(entry, dict):
        return where, InputError(f"{where}: a post entry is not a JSON object")
    entry = _repair(entry)
    media = [m for m in entry.get("media") or [] if isinstance(m, dict)]
    text = entry.get("title") if isinstance(entry.get("title"), str) else ""
    if not text and media and isinstance(media[0].get("title"), str):
        text = media[0]["title"]
    images = tuple(_media_path(file, m["uri"]) for m in media
                   if isinstance(m.get("uri"), str) and _is_image(m["uri"]))
    metadata: dict[str, Any] = {"platform": "instagram"}
    when = _iso(entry.get("creation_timestamp")
                or (media[0].get("creation_timestamp") if media else None))
    if when:
        metadata["scheduled_at"] = when
    return where, Post(text=text, images=images, id=where, metadata=metadata)


def _iter_meta(path: str, finder: Any, kind: str, build: Any) -> Iterator[Item]:
    files = finder(path) if os.path.isdir(path) else [path]
    if not files:
        raise InputError(f"{path}: no {kind} posts file found in this folder", source=path)
    for file in files:
        name = os.path.basename(file)
        with open_binary(file) as fh:
            for n, entry in enumerate(_entries(fh, file), 1):
                yield build(entry, f"{name}#{n}", file)


def _entries(fh: Any, file: str) -> Iterator[Any]:
    first = fh.read(64).lstrip()
    fh.seek(0)
    if first.startswith(b"{"):
        # Some export versions wrap the list in an object: {"some_key_v2": [...]}.
        import json

        try:
            obj = json.load(fh)
        except (ValueError, RecursionError):
            raise InputError(f"{file}: broken export (invalid JSON)", source=file) from None
        lists = [v for v in obj.values() if isinstance(v, list)] if isinstance(obj, dict) else []
        if not lists:
            raise InputError(f"{file}: broken export (no list of posts)", source=file)
        yield from lists[0]
    else:
        yield from iter_array(fh, file)


def iter_facebook(path: str) -> Iterator[Item]:
    """A Facebook export: its folder, or a `your_posts_N.json` file. Text is repaired from
    the Latin-1 escapes the export writes; `data[].post` and photo descriptions are
    screened, `attachments[].data[].media.uri` photos attached."""
    return _iter_meta(path, facebook_files, "Facebook", _facebook_post)


def iter_instagram(path: str) -> Iterator[Item]:
    """An Instagram export: its folder, or a `posts_N.json` file (captions and photos)."""
    return _iter_meta(path, instagram_files, "Instagram", _instagram_post)
