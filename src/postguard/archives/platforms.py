"""The platforms' own archive exports: X/Twitter, Facebook, Instagram.

Each reader streams the export's JSON array (see `jsonstream`), so memory holds one post
however long the account's history. Photos the export ships are attached to their post; a
photo the export names but does not contain is reported by `batch` as not screened. Each
export is also read as the .zip the platform hands out, without unpacking it (see
`ziparchive`): the same parsing over the members, photos read from the zip when screened.
"""

from __future__ import annotations

import fnmatch
import functools
import glob
import html
import os
import re
from collections.abc import Callable, Iterator
from datetime import datetime, timezone
from typing import IO, Any

from ..errors import InputError
from ..inputs import open_binary
from ..model import Post
from .common import IMAGE_EXTS, Item, fix_mojibake
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


# -- Meta exports (Facebook, Instagram) ----------------------------------------------------

# Where the posts files are, relative to the export's root: the 2023+ layout, the older one,
# and either under one top folder (an export unzipped and zipped again, or its parent).
_FB_PATTERNS = ("your_activity_across_facebook/posts/your_posts*.json",
                "posts/your_posts*.json", "*/your_activity_across_facebook/posts/your_posts*.json",
                "*/posts/your_posts*.json")
_IG_PATTERNS = ("your_instagram_activity/content/posts_*.json", "content/posts_*.json",
                "*/your_instagram_activity/content/posts_*.json", "*/content/posts_*.json")
_META = {"facebook": (_FB_PATTERNS, "Facebook", "posts/your_posts_N.json"),
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
    patterns, title, _ = _META[kind]
    files = _matching(path, patterns) if os.path.isdir(path) else [path]
    if not files:
        raise InputError(f"{path}: no {title} posts file found in this folder", source=path)
    for file in files:
        with open_binary(file) as fh:
            yield from _meta_posts(fh, file, os.path.basename(file),
                                   functools.partial(_media_path, file), kind)


def meta_zip_files(arc: SafeZip, kind: str) -> list[str]:
    """The posts members of a Facebook or Instagram export .zip, parts in order."""
    return _zip_matching(arc, _META[kind][0])


def open_meta_zip(path: str, kind: str) -> tuple[SafeZip, list[str]]:
    """The archive and its posts members; raises the one-line error when it is not a
    readable export of that kind."""
    arc = SafeZip.open(path)
    files = meta_zip_files(arc, kind)
    if not files:
        arc.close()
        _, title, where = _META[kind]
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


def zip_format(path: str) -> str:
    """Which platform's export a .zip is (twitter, facebook or instagram); raises the
    one-line error naming the archive when it is broken or none of them."""
    with SafeZip.open(path) as arc:
        if twitter_zip_files(arc)[0]:
            return "twitter"
        for kind in _META:
            if meta_zip_files(arc, kind):
                return kind
    raise InputError(f"{path}: a .zip without data/tweets.js, posts/your_posts_N.json or "
                     "content/posts_N.json; is it an X, Facebook or Instagram export?",
                     source=path)


def check_zip(path: str, kind: str) -> None:
    """Stop before the run when a .zip given as `kind` is broken or not that export."""
    if kind == "twitter":
        open_twitter_zip(path)[0].close()
    elif kind in _META:
        open_meta_zip(path, kind)[0].close()


def iter_facebook(path: str) -> Iterator[Item]:
    """A Facebook export: the .zip as downloaded, its folder, or a `your_posts_N.json` file.
    Text is repaired from the Latin-1 escapes the export writes; `data[].post` and photo
    descriptions are screened, `attachments[].data[].media.uri` photos attached."""
    return _iter_meta(path, "facebook")


def iter_instagram(path: str) -> Iterator[Item]:
    """An Instagram export: the .zip as downloaded, its folder, or a `posts_N.json` file
    (captions and photos)."""
    return _iter_meta(path, "instagram")
