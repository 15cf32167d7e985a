"""Reading a platform's export as the .zip it hands out, without unpacking it to disk.

`SafeZip.open(path)` checks the archive before trusting it:
- the entry count and the size of the central directory come from the end record, before
  `zipfile` reads the directory into memory (`MAX_MEMBERS`, `MAX_DIRECTORY_BYTES`);
- member names that are absolute, hold `..`, backslashes or drive letters (zip-slip) are
  never matched: nothing is written to disk anyway, and they cannot name a file outside;
- a member is read through a bounded stream: its declared size must be under the member's
  limit and not look like a zip bomb (`MAX_RATIO`), and reading stops at that limit whatever
  the header says.
Every failure is one `InputError` naming the archive (and the member).

`ZipMember` is an image source for `Post.images`: it holds only the archive path and the
member name, and reads the bytes when the image detectors ask (`read()`), in whichever
process screens the post. So a batch holds one image at a time, never an archive's worth.
"""

from __future__ import annotations

import atexit
import logging
import os
import struct
import threading
import zipfile
import zlib
from dataclasses import dataclass
from types import TracebackType
from typing import IO, cast

from ..errors import InputError
from ..inputs import open_binary

log = logging.getLogger(__name__)

#: More entries than this is not an export we can list in memory (~500 bytes an entry).
MAX_MEMBERS = 200_000
#: `zipfile` reads the whole central directory at once: refuse a larger one.
MAX_DIRECTORY_BYTES = 128 * 1024 * 1024
#: One text member (a tweets file) decompressed; a 100,000-tweet account writes ~300 MB.
MAX_TEXT_BYTES = 4 * 1024 * 1024 * 1024
#: An image member decompressed (the image loader's own file limit).
MAX_IMAGE_BYTES = 80 * 1024 * 1024
#: A member larger than `RATIO_FLOOR` that decompresses more than this many times its
#: compressed size is a zip bomb, not JSON (which compresses 5-20 times).
MAX_RATIO = 200
RATIO_FLOOR = 16 * 1024 * 1024

ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")

#: What `zipfile` raises on damaged, truncated, encrypted or unsupported members.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError,
              NotImplementedError, ValueError, struct.error)


def is_zip(path: str) -> bool:
    """A file that says it is a .zip, by its name or its first bytes."""
    if path.lower().endswith(".zip"):
        return True
    try:
        with open(path, "rb") as fh:
            return fh.read(4) in ZIP_MAGIC
    except OSError:
        return False


def safe_name(name: str) -> bool:
    """A member name that stays inside the archive's own folder when unpacked."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    if len(name) > 1 and name[1] == ":":  # C:evil.js
        return False
    return ".." not in name.split("/")


def _directory_size(fh: IO[bytes]) -> tuple[int, int] | None:
    """(entries, central directory bytes) from the end record, or None when there is none
    (zipfile then says what is wrong)."""
    fh.seek(0, os.SEEK_END)
    size = fh.tell()
    tail_len = min(size, 22 + 0xFFFF)
    fh.seek(size - tail_len)
    tail = fh.read(tail_len)
    i = tail.rfind(b"PK\x05\x06")
    if i < 0 or len(tail) - i < 22:
        return None
    entries, cd_size = struct.unpack("<H4xI", tail[i + 10:i + 20])
    if (entries == 0xFFFF or cd_size == 0xFFFFFFFF) and i >= 20 and \
            tail[i - 20:i - 16] == b"PK\x06\x07":
        (offset,) = struct.unpack("<Q", tail[i - 12:i - 4])
        fh.seek(offset)
        record = fh.read(56)
        if len(record) == 56 and record[:4] == b"PK\x06\x06":
            entries, cd_size = struct.unpack("<QQ", record[32:48])
    return entries, cd_size


class _Bounded:
    """A member's stream that stops past `limit` bytes and turns zip errors into one
    `InputError` naming the archive and the member."""

    def __init__(self, fh: IO[bytes], limit: int, label: str, source: str) -> None:
        self.fh = fh
        self.limit = limit
        self.label = label
        self.source = source
        self.count = 0

    def read(self, size: int = -1) -> bytes:
        want = self.limit + 1 - self.count if size < 0 else min(size, self.limit + 1 - self.count)
        try:
            data = self.fh.read(max(want, 0))
        except ZIP_ERRORS as exc:
            raise InputError(f"{self.label}: broken .zip member ({_why(exc)})",
                             source=self.source) from None
        self.count += len(data)
        if self.count > self.limit:
            raise InputError(f"{self.label}: decompresses to more than {_size(self.limit)}; "
                             "refused (zip bomb?)", source=self.source)
        return data

    def close(self) -> None:
        self.fh.close()


def _size(n: int) -> str:
    for unit, scale in (("GB", 2**30), ("MB", 2**20), ("KB", 2**10)):
        if n >= scale:
            return f"{n / scale:.3g} {unit}"
    return f"{n} bytes"


def _why(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class SafeZip:
    """An archive opened for reading with the checks of the module docstring."""

    def __init__(self, path: str, zf: zipfile.ZipFile) -> None:
        self.path = path
        self.name = path  # as the user gave it, for messages
        self.zf = zf
        infos = zf.infolist()
        self.members = {i.filename: i for i in infos
                        if not i.is_dir() and safe_name(i.filename)}
        unsafe = sum(1 for i in infos if not safe_name(i.filename))
        if unsafe:
            log.warning("%s: %d member names leave the archive's folder (zip-slip); ignored",
                        self.name, unsafe)

    @classmethod
    def open(cls, path: str) -> SafeZip:
        name = path
        fh = open_binary(path)  # owned by the ZipFile below
        try:
            sizes = _directory_size(fh)
            if sizes is None:
                raise InputError(f"{name}: not a .zip archive, or a truncated one (no "
                                 "end-of-archive record); download it again", source=path)
            entries, cd_size = sizes
            if entries > MAX_MEMBERS or cd_size > MAX_DIRECTORY_BYTES:
                limit = _size(MAX_DIRECTORY_BYTES)
                raise InputError(f"{name}: {entries:,} entries ({_size(cd_size)} of directory);"
                                 f" at most {MAX_MEMBERS:,} entries and {limit} are read: "
                                 "unzip it and pass the folder", source=path)
            fh.seek(0)
            zf = zipfile.ZipFile(fh)
            if len(zf.infolist()) > MAX_MEMBERS:
                raise InputError(f"{name}: more than {MAX_MEMBERS:,} entries; unzip it and "
                                 "pass the folder", source=path)
            return cls(path, zf)
        except InputError:
            fh.close()
            raise
        except ZIP_ERRORS as exc:
            fh.close()
            raise InputError(f"{name}: broken or truncated .zip ({_why(exc)})",
                             source=path) from None

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(self, t: type[BaseException] | None, v: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        fp = self.zf.fp
        self.zf.close()
        if fp is not None:
            fp.close()

    def check(self, member: str, limit: int) -> zipfile.ZipInfo:
        """The member's entry, if its declared sizes are within bounds."""
        info = self.members.get(member)
        label = f"{self.name}:{member}"
        if info is None:
            raise InputError(f"{label}: not in the archive", source=self.path)
        if info.file_size > limit:
            raise InputError(f"{label}: {_size(info.file_size)} decompressed, more than "
                             f"{_size(limit)}; refused (zip bomb?)", source=self.path)
        if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(
                info.compress_size, 1):
            raise InputError(f"{label}: compressed {info.file_size // max(info.compress_size, 1)}"
                             " times; refused (zip bomb?)", source=self.path)
        return info

    def open_member(self, member: str, limit: int | None = None) -> IO[bytes]:
        """A bounded binary stream of one member (see `_Bounded`); `limit` defaults to
        `MAX_TEXT_BYTES`."""
        limit = MAX_TEXT_BYTES if limit is None else limit
        info = self.check(member, limit)
        label = f"{self.name}:{member}"
        try:
            fh = self.zf.open(info)
        except ZIP_ERRORS as exc:
            raise InputError(f"{label}: cannot open ({_why(exc)})", source=self.path) from None
        return cast(IO[bytes], _Bounded(fh, limit, label, self.path))

    def read_member(self, member: str, limit: int) -> bytes:
        stream = self.open_member(member, limit)
        try:
            return stream.read()
        finally:
            stream.close()


# -- lazily read images --------------------------------------------------------------------

_cache_lock = threading.RLock()
_cache: dict[str, tuple[tuple[int, int, int], SafeZip]] = {}
_cache_pid = os.getpid()
_CACHE_SIZE = 4


def _archive(path: str) -> SafeZip:
    """This process's open copy of an archive (a worker opens its own: a handle shared
    with the parent over fork would share its file position)."""
    global _cache_pid
    st = os.stat(path)
    sig = (os.getpid(), st.st_size, st.st_mtime_ns)
    with _cache_lock:
        if _cache_pid != os.getpid():
            _cache.clear()  # the parent's handles: not ours to use or close
            _cache_pid = os.getpid()
        hit = _cache.get(path)
        if hit is not None and hit[0] == sig:
            return hit[1]
        if hit is not None:
            del _cache[path]
            hit[1].close()
        while len(_cache) >= _CACHE_SIZE:
            _cache.pop(next(iter(_cache)))[1].close()
        arc = SafeZip.open(path)
        _cache[path] = (sig, arc)
        return arc


def close_archives() -> None:
    """Close this process's open archives (a batch calls it when it ends; so does exit)."""
    with _cache_lock:
        if _cache_pid == os.getpid():
            for _, arc in _cache.values():
                arc.close()
        _cache.clear()


atexit.register(close_archives)


@dataclass(frozen=True, slots=True)
class ZipMember:
    """An image inside an archive, read only when it is screened (see the module
    docstring). `read()` returns the whole image each time it is called."""

    archive: str
    member: str

    @property
    def name(self) -> str:
        return f"{os.path.basename(self.archive)}:{self.member}"

    def __str__(self) -> str:
        return self.name

    def read(self, size: int = -1) -> bytes:
        from ..images.load import ImageLoadError

        try:
            with _cache_lock:  # one reader of a shared handle at a time
                return _archive(self.archive).read_member(self.member, MAX_IMAGE_BYTES)
        except InputError as exc:
            raise ImageLoadError(str(exc), source=self.name) from None
        except OSError as exc:
            raise ImageLoadError(f"{self.name}: cannot read ({exc.strerror})",
                                 source=self.name) from None


__all__ = ["MAX_IMAGE_BYTES", "MAX_MEMBERS", "MAX_TEXT_BYTES", "SafeZip", "ZipMember",
           "is_zip", "safe_name"]
