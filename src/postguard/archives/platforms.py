"""The platforms' own archive exports: X/Twitter, Facebook, Instagram.

Each reader streams the export's JSON array (see `jsonstream`), so memory holds one post
however long the account's history. Photos the export ships are attached to their post; a
photo the export names but does not contain is reported by `batch` as not screened. Each
export is also read as the .zip the platform hands out, without unpacking it (see
`ziparchive`): the same parsing over the members, photos read from the zip when screened.
"""

from __future__ import annotations

from ..errors import InputError
from .meta import (
    META_EXPORTS,
    facebook_files,
    instagram_files,
    iter_facebook,
    iter_instagram,
    meta_zip_files,
    open_meta_zip,
)
from .twitter import iter_twitter, open_twitter_zip, twitter_files, twitter_zip_files
from .ziparchive import SafeZip

__all__ = ["check_zip", "facebook_files", "instagram_files", "iter_facebook", "iter_instagram",
           "iter_twitter", "twitter_files", "zip_format"]


def zip_format(path: str) -> str:
    """Which platform's export a .zip is (twitter, facebook or instagram); raises the
    one-line error naming the archive when it is broken or none of them."""
    with SafeZip.open(path) as arc:
        if twitter_zip_files(arc)[0]:
            return "twitter"
        for kind in META_EXPORTS:
            if meta_zip_files(arc, kind):
                return kind
    raise InputError(f"{path}: a .zip without data/tweets.js, posts/your_posts_N.json or "
                     "content/posts_N.json; is it an X, Facebook or Instagram export?",
                     source=path)


def check_zip(path: str, kind: str) -> None:
    """Stop before the run when a .zip given as `kind` is broken or not that export."""
    if kind == "twitter":
        open_twitter_zip(path)[0].close()
    elif kind in META_EXPORTS:
        open_meta_zip(path, kind)[0].close()
