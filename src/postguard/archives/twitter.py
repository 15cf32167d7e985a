"""The X/Twitter archive export: `tweets.js` (and its `-partN` files), its folder or the .zip
as downloaded, streamed one tweet at a time, photos from its media folder attached."""

from __future__ import annotations

import glob
import html
import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import IO, Any

from ..errors import InputError
from ..inputs import open_binary
from ..model import Post
from .common import Item
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
        raise InputError(f"{path}: a .zip without data/tweets.js; is it an X archive?",
                         source=path)
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
