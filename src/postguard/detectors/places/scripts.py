"""Home addresses written in Chinese, Japanese, Korean and Arabic, for the `address` detector.

- Chinese and Japanese: administrative units, a street and a house number written together
  ("北京市海淀区中关村大街27号", "東京都新宿区西新宿2-8-1", "上海市徐汇区漕溪北路88弄3号");
- Korean: units and a road name with its building number ("서울특별시 강남구 테헤란로 152");
- Arabic: a street word, its name and a number, then maybe a town ("شارع الملك فهد 12، الرياض").

An address counts after a home cue of those languages in the same sentence ("住址：",
"家住", "住所：", "주소:", "العنوان:") or just before one ("... 570 에 살아요"): a
school's or a shop's published address is left alone. Full-width and Arabic-Indic digits
count as digits. Words: `data/scripts.toml` [addresses]. Time is linear in the text: one
scan per pattern, bounded repeats.
"""

from __future__ import annotations

import functools
import re

from ...datafiles import alternation, load_toml

_SENTENCE_END = re.compile(r"[。！？!?\n]|\.(?:\s|$)")
_CUE_WINDOW = 40
_CUE_AFTER = 12  # "... 해운대로 570 에 살아요": a cue just after the address
_SKIP = re.compile(r"[ \t\u3000:：在]*")
_DIGITS = r"[0-9０-９\u0660-\u0669]"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], tuple[re.Pattern[str], ...]]:
    sec = load_toml("scripts.toml")["addresses"]
    cue = re.compile(alternation(sec["home_cues"]))
    han = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
    units = alternation(sec["cjk_units"])
    streets = alternation(sec["cjk_streets"])
    numbers = alternation(sec["cjk_numbers"])
    gap = r"[ \t\u3000]?"  # "漕溪北路 88弄 5号 1203室": a space between the parts
    cjk = re.compile(
        rf"(?:{han}{{1,6}}?(?:{units})){{1,4}}"
        rf"(?:{han}{{0,8}}?(?:{streets})|{han}{{0,6}}?){gap}"
        rf"{_DIGITS}+(?:(?:{numbers})|[-－ー丁]{_DIGITS}+)"
        rf"(?:{gap}[-－ー]?[院楼樓栋棟幢座]?{_DIGITS}+(?:{numbers})?)*")  # "37号院6号楼1单元502"
    hangul = r"[\uac00-\ud7a3]"
    korean = re.compile(
        rf"(?:{hangul}{{1,6}}(?:{alternation(sec['korean_units'])})[ \t]*){{1,4}}"
        rf"{hangul}{{1,10}}(?:{alternation(sec['korean_streets'])})"
        rf"(?:[ \t]*{_DIGITS}+(?:번)?길)?[ \t]*{_DIGITS}+"  # "연남로 12길 34"
        rf"(?:-{_DIGITS}+)?(?:[ \t]*(?:번지|호))?"
        rf"(?:,?[ \t]*{_DIGITS}+동)?(?:[ \t]*{_DIGITS}+호)?")  # ", 102동 1504호": flat
    arabic_word = r"[\u0621-\u064a\u0660-\u0669]+"
    arabic = re.compile(
        rf"(?:{alternation(sec['arabic_streets'])})[ \t]+{arabic_word}"
        rf"(?:[ \t]+{arabic_word}){{0,3}}"
        # then the parts after commas: a street, a building and its number, a town
        rf"(?:[ \t]+{_DIGITS}+)?"
        rf"(?:[ \t]*[،,][ \t]*{arabic_word}(?:[ \t]+{arabic_word}){{0,2}}){{0,4}}"
        rf"(?:[ \t]+{_DIGITS}{{5}})?")
    return cue, (cjk, korean, arabic)


def script_addresses(text: str) -> list[tuple[int, int]]:
    """(start, end) of each home address in Chinese, Japanese, Korean or Arabic after a home
    cue in the same sentence."""
    cue, patterns = _patterns()
    cues = [m.span() for m in cue.finditer(text)]
    if not cues:
        return []
    out: list[tuple[int, int]] = []
    for rx in patterns:
        for m in rx.finditer(text):
            s, e = m.span()
            if rx is patterns[2] and not any(c.isdigit() for c in m.group()) and \
                    "،" not in m.group() and "," not in m.group():
                continue  # an Arabic street alone is no address
            inside = [ce for cs, ce in cues if s <= cs < e]
            if inside:  # "家住北京市...": the address starts after its cue
                skip = _SKIP.match(text, max(inside))
                s = skip.end() if skip is not None else max(inside)
                out.append((s, e))
            elif any(s - _CUE_WINDOW <= ce <= s and not _SENTENCE_END.search(text, ce, s)
                     or e <= cs <= e + _CUE_AFTER and not _SENTENCE_END.search(text, e, cs)
                     for cs, ce in cues):
                out.append((s, e))
    return [(s, e) for s, e in out if e - s >= 6]


__all__ = ["script_addresses"]
