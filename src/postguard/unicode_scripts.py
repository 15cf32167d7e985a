"""Character ranges of the scripts other than Latin that the identifier families read (for
regular expression classes): Chinese characters and Korean syllables, shared by the names and
schools families."""

from __future__ import annotations

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HANGUL = r"\uac00-\ud7a3"

__all__ = ["HAN", "HANGUL"]
