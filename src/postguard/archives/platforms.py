"""The platforms' own archive exports: X/Twitter, Facebook, Instagram.

Each reader streams the export's JSON array (see `jsonstream`), so memory holds one post
however long the account's history. Photos the export ships are attached to their post; a
photo the export names but does not contain is reported by `batch` as not screened.
"""

from __future__ import annotations

import glob
import html
import os
from collections.abc import Iterator
from datetime import datetime, timezone
from typing import Any

from ..errors import InputError
from ..model import Post
from .common import IMAGE_EXTS, Item, fix_mojibake, open_binary
from .jsonstream import iter_array

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


def _tweet_post(entry: Any, where: str, media_dirs: list[str]) -> Item:
    tweet = entry.get("tweet", entry) if isinstance(entry, dict) else None
    if not isinstance(tweet, dict):
        return where, InputError(f"{where}: a tweet entry is not a JSON object")
    pid = str(tweet.get("id_str") or tweet.get("id") or where)
    text = tweet.get("full_text", tweet.get("text", ""))
    if not isinstance(text, str):
        return pid, InputError(f"{where}: tweet {pid} has no text string")
    media = (tweet.get("extended_entities") or tweet.get("entities") or {}).get("media") or []
    images: list[str] = []
    for m in media if isinstance(media, list) else []:
        if not isinstance(m, dict) or m.get("type", "photo") != "photo":
            continue
        url = m.get("media_url_https") or m.get("media_url") or ""
        base = os.path.basename(str(url))
        if not base:
            continue
        candidates = [os.path.join(d, f"{pid}-{base}") for d in media_dirs]
        found = next((c for c in candidates if os.path.isfile(c)), None)
        images.append(found or (candidates[0] if candidates else str(url)))
    metadata: dict[str, Any] = {"platform": "x"}
    when = _tweet_time(tweet.get("created_at"))
    if when:
        metadata["scheduled_at"] = when
    # The archive escapes &, < and > as HTML entities; screen the text as it was published.
    return pid, Post(text=html.unescape(text), images=tuple(images), id=pid, metadata=metadata)


def iter_twitter(path: str) -> Iterator[Item]:
    """An X/Twitter archive: its folder, its `data` folder, or a `tweets.js` file."""
    files = twitter_files(path) if os.path.isdir(path) else [path]
    if not files:
        raise InputError(f"{path}: no data/tweets.js in this folder; is it an X archive?",
                         source=path)
    folder = os.path.dirname(os.path.abspath(files[0]))
    media_dirs = [os.path.join(folder, d) for d in _TWEET_MEDIA
                  if os.path.isdir(os.path.join(folder, d))] or [
        os.path.join(folder, _TWEET_MEDIA[0])]
    for file in files:
        name = os.path.basename(file)
        with open_binary(file) as fh:
            for n, entry in enumerate(iter_array(fh, file, prefix=True), 1):
                yield _tweet_post(entry, f"{name}#{n}", media_dirs)


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
