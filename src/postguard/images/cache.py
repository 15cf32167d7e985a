"""One decoded image and one OCR result per attachment, shared by the image detectors.

The image detectors of one Screener share an `ImageCache` (see `detectors/images.py`): each
attachment of the post being screened is decoded once and OCR'd once, whichever detectors ask
for it. The cache holds one post per thread: screening the next post drops the last one.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Any

from ..model import Post

if TYPE_CHECKING:  # Pillow and the OCR back end load on the first image, not at start-up
    from .load import ImageLoadError, LoadedImage
    from .ocr import OcrText


class ImageCache:
    def __init__(self) -> None:
        self._local = threading.local()

    def _state(self, post: Post) -> dict[str, Any]:
        st: dict[str, Any] = self._local.__dict__
        if st.get("post") is not post:
            st.clear()
            st.update(post=post, images={}, ocr={}, claimed=set())
        return st

    def image(self, post: Post, index: int) -> LoadedImage | ImageLoadError:
        from .load import ImageLoadError, load_image

        images: dict[int, LoadedImage | ImageLoadError] = self._state(post)["images"]
        if index not in images:
            try:
                images[index] = load_image(post.images[index], index)
            except ImageLoadError as exc:
                images[index] = exc
        return images[index]

    def ocr(self, post: Post, img: LoadedImage) -> OcrText:
        from .ocr import recognise

        cache: dict[tuple[int, float | None], OcrText | Exception] = self._state(post)["ocr"]
        key = (img.index, img.time)  # a video's frames share its index
        if key not in cache:
            try:
                cache[key] = recognise(img.gray)
            except Exception as exc:  # remembered, so a failure is not retried per detector
                cache[key] = exc
        got = cache[key]
        if isinstance(got, Exception):
            raise got
        return got

    def claim(self, post: Post, key: object) -> bool:
        """True the first time `key` is claimed for this post (report an error only once)."""
        claimed: set[object] = self._state(post)["claimed"]
        if key in claimed:
            return False
        claimed.add(key)
        return True

    def release(self) -> None:
        self._local.__dict__.clear()
