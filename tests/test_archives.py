"""Input formats of `postguard batch`: JSONL, CSV, draft folders and platform exports."""

from __future__ import annotations

import io
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from postguard.archives import detect_format, iter_posts, jsonstream, open_input
from postguard.archives.common import fix_mojibake
from postguard.archives.wordpress import html_to_text
from postguard.errors import InputError
from postguard.model import Post


def _photo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (40, 30), (200, 100, 50)).save(path)
    return path


def _posts(path: Path, fmt: str | None = None) -> list[tuple[str, Post | InputError]]:
    return list(iter_posts(str(path), fmt))


# -- X / Twitter -------------------------------------------------------------------------

def _twitter(root: Path) -> Path:
    tweets = [
        {"tweet": {"id_str": "111", "full_text": "Match day &amp; a win! Call 07911 123456",
                   "created_at": "Wed Oct 10 20:19:24 +0000 2018",
                   "extended_entities": {"media": [
                       {"type": "photo", "media_url_https": "https://pbs.twimg.com/media/AbC.jpg"},
                       {"type": "video", "media_url_https": "https://pbs.twimg.com/media/V.jpg"},
                   ]}}},
        {"tweet": {"id_str": "222", "full_text": "No photo here",
                   "entities": {"media": [{"media_url": "http://pbs.twimg.com/media/Gone.png"}]}}},
        {"tweet": {"id_str": "333", "full_text": "plain"}},
    ]
    data = root / "data"
    data.mkdir(parents=True)
    (data / "tweets.js").write_text("window.YTD.tweets.part0 = " + json.dumps(tweets, indent=1),
                                    encoding="utf-8")
    _photo(data / "tweets_media" / "111-AbC.jpg")
    return root


def test_twitter_archive_folder(tmp_path: Path) -> None:
    root = _twitter(tmp_path / "x-archive")
    assert detect_format(str(root)) == "twitter"
    assert detect_format(str(root / "data" / "tweets.js")) == "twitter"
    items = _posts(root)
    assert [pid for pid, _ in items] == ["111", "222", "333"]
    first = items[0][1]
    assert isinstance(first, Post)
    assert first.text == "Match day & a win! Call 07911 123456"  # entities unescaped
    assert first.metadata["platform"] == "x"
    assert first.metadata["scheduled_at"] == "2018-10-10T20:19:24+00:00"
    assert len(first.images) == 1 and os.path.isfile(first.images[0])  # the video is skipped
    second = items[1][1]
    assert isinstance(second, Post) and not os.path.exists(second.images[0])


def test_twitter_parts_are_read_in_order(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name, pid in (("tweets.js", "1"), ("tweets-part1.js", "2"), ("tweets-part2.js", "3")):
        part = name.split(".")[0].replace("-", "")
        (data / name).write_text(f"window.YTD.{part}.part0 = [{{\"tweet\": "
                                 f"{{\"id_str\": \"{pid}\", \"full_text\": \"t\"}}}}]")
    assert [pid for pid, _ in _posts(tmp_path)] == ["1", "2", "3"]


# -- Meta exports -------------------------------------------------------------------------

def _latin1_escaped(s: str) -> str:
    """What Meta's exports do: UTF-8 bytes written as \\u00XX escapes."""
    return s.encode("utf-8").decode("latin-1")


def test_facebook_export_repairs_text_and_finds_photos(tmp_path: Path) -> None:
    posts_dir = tmp_path / "your_activity_across_facebook" / "posts"
    posts_dir.mkdir(parents=True)
    uri = "your_activity_across_facebook/posts/media/Album_1/photo1.jpg"
    _photo(tmp_path / uri)
    entries = [
        {"timestamp": 1600000000, "data": [{"post": _latin1_escaped("Café trip 🎉 — Zoë")}],
         "attachments": [{"data": [{"media": {"uri": uri, "description": "On the pier"}}]}],
         "title": "Staff Name updated their status."},
        {"timestamp": 1600000100, "data": [{"update_timestamp": 1}]},
    ]
    f = posts_dir / "your_posts__check_ins__photos_and_videos_1.json"
    f.write_text(json.dumps(entries), encoding="ascii")  # \u00c3 escapes, as exported
    assert detect_format(str(tmp_path)) == "facebook"
    assert detect_format(str(f)) == "facebook"
    items = _posts(tmp_path)
    assert len(items) == 2
    post = items[0][1]
    assert isinstance(post, Post)
    assert post.text == "Café trip 🎉 — Zoë\n\nOn the pier"
    assert post.images == (str(tmp_path / uri),)
    assert post.metadata["scheduled_at"].startswith("2020-09-13T12:26:40")
    assert items[1][1].text == "" and items[0][0] != items[1][0]  # type: ignore[union-attr]


@pytest.mark.parametrize(("raw", "fixed"), [
    ("CafÃ©", "Café"), ("plain ascii", "plain ascii"),
    ("already fine: café", "already fine: café"),  # not mis-encoded: left alone
    ("ð\x9f\x8e\x89", "🎉"),
])
def test_fix_mojibake(raw: str, fixed: str) -> None:
    assert fix_mojibake(raw) == fixed


def test_instagram_export(tmp_path: Path) -> None:
    content = tmp_path / "your_instagram_activity" / "content"
    content.mkdir(parents=True)
    _photo(tmp_path / "media" / "posts" / "202101" / "a.jpg")
    entries = [
        {"media": [{"uri": "media/posts/202101/a.jpg", "creation_timestamp": 1610000000,
                    "title": _latin1_escaped("Sports day ☀️")},
                   {"uri": "media/posts/202101/clip.mp4", "title": ""}]},
        {"media": [{"uri": "media/posts/202101/missing.jpg", "title": ""}], "title": "Two"},
    ]
    (content / "posts_1.json").write_text(json.dumps(entries))
    assert detect_format(str(tmp_path)) == "instagram"
    assert detect_format(str(content / "posts_1.json")) == "instagram"
    items = _posts(tmp_path)
    first, second = (p for _, p in items)
    assert isinstance(first, Post) and isinstance(second, Post)
    assert first.text == "Sports day ☀️" and len(first.images) == 2  # the video is screened
    assert os.path.isfile(first.images[0]) and first.images[1].endswith("clip.mp4")
    assert second.text == "Two" and not os.path.exists(second.images[0])
    assert first.metadata["platform"] == "instagram"


# -- WordPress ----------------------------------------------------------------------------

_WXR = """<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
 xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>Club blog</title>
<item><title>Open day</title>
<content:encoded><![CDATA[<p>Come along &amp; meet us.</p><p>Ring 07911 123456<br/>today
<img src="https://club.example/wp-content/uploads/2021/05/banner.jpg" alt="b"></p>
<script>var x = "hidden";</script>]]></content:encoded>
<wp:post_id>42</wp:post_id><wp:post_date_gmt>2021-05-01 18:30:00</wp:post_date_gmt>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>
<item><title>photo</title><wp:post_id>43</wp:post_id><wp:post_type>attachment</wp:post_type>
</item>
<item><title>About</title><content:encoded><![CDATA[<img src="https://elsewhere.example/a.png">]]>
</content:encoded><wp:post_id>44</wp:post_id><wp:status>draft</wp:status>
<wp:post_type>page</wp:post_type></item>
</channel></rss>
"""


def test_wordpress_export(tmp_path: Path) -> None:
    xml = tmp_path / "club.WordPress.2021.xml"
    xml.write_text(_WXR, encoding="utf-8")
    local = _photo(tmp_path / "wp-content" / "uploads" / "2021" / "05" / "banner.jpg")
    assert detect_format(str(xml)) == "wordpress"
    items = _posts(xml)
    assert [pid for pid, _ in items] == ["42", "44"]  # the attachment is not a post
    post = items[0][1]
    assert isinstance(post, Post)
    assert post.text == "Open day\n\nCome along & meet us.\n\nRing 07911 123456\ntoday"
    assert post.images == (str(local),)
    assert post.metadata["scheduled_at"] == "2021-05-01T18:30:00+00:00"
    page = items[1][1]
    assert isinstance(page, Post) and page.images == ("https://elsewhere.example/a.png",)
    assert page.metadata["status"] == "draft"


def test_wordpress_broken_xml_names_the_file(tmp_path: Path) -> None:
    xml = tmp_path / "cut.xml"
    xml.write_text(_WXR[: len(_WXR) // 2], encoding="utf-8")
    with pytest.raises(InputError, match="cut.xml: broken WordPress export"):
        _posts(xml)


@pytest.mark.parametrize(("markup", "text", "images"), [
    ("<p>a</p><p>b</p>", "a\n\nb", []),
    ("a<br>b<br/>c", "a\nb\nc", []),
    ("  lots   of\n  space ", "lots of\nspace", []),  # WordPress: a newline is a break
    ("x &lt;script&gt; y", "x <script> y", []),
    ("<style>p{}</style>hi<img src='i.png'>", "hi", ["i.png"]),
    ("<ul><li>one</li><li>two</li></ul>", "one\ntwo", []),
])
def test_html_to_text(markup: str, text: str, images: list[str]) -> None:
    assert html_to_text(markup) == (text, images)


# -- CSV, drafts, JSONL -------------------------------------------------------------------

def test_csv(tmp_path: Path) -> None:
    _photo(tmp_path / "img" / "a.jpg")
    f = tmp_path / "posts.csv"
    f.write_text('id,Text,images,audience,metadata\n'
                 'c1,"two\nlines, with comma",img/a.jpg;img/b.jpg,children,"{""account"": '
                 '""personal""}"\n'
                 ',no id,,,\n'
                 'c3,bad meta,,,{not json\n', encoding="utf-8")
    items = _posts(f)
    assert [pid for pid, _ in items] == ["c1", "posts.csv:4", "c3"]
    first = items[0][1]
    assert isinstance(first, Post)
    assert first.text == "two\nlines, with comma"
    assert first.images == (str(tmp_path / "img" / "a.jpg"), str(tmp_path / "img" / "b.jpg"))
    assert first.metadata == {"audience": "children", "account": "personal"}
    assert isinstance(items[2][1], InputError)


def test_csv_without_text_column_is_a_file_error(tmp_path: Path) -> None:
    f = tmp_path / "x.csv"
    f.write_text("id,words\n1,hello\n")
    with pytest.raises(InputError, match="x.csv: no text column"):
        _posts(f)


def test_folder_of_drafts(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "a.md").write_text("first ![p](pics/x.png)", encoding="utf-8")
    _photo(tmp_path / "pics" / "x.png")
    _photo(tmp_path / "b.jpg")
    _photo(tmp_path / "b.2.png")
    _photo(tmp_path / "bb.jpg")  # another draft's name: not b's
    (tmp_path / "b.json").write_text('{"audience": "children"}')
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_bytes(b"caf\xe9")  # not UTF-8
    (tmp_path / ".hidden.txt").write_text("skip")
    assert detect_format(str(tmp_path)) == "folder"
    items = _posts(tmp_path)
    # A photo no draft reads is reported after the drafts (issue 14), not skipped silently.
    assert [pid for pid, _ in items] == ["a.md", "b.txt", "sub/c.txt", "bb.jpg"]
    assert isinstance(items[3][1], InputError) and "not read" in str(items[3][1])
    a, b, c = (p for _, p in items[:3])
    assert isinstance(a, Post) and a.images == (str(tmp_path / "pics" / "x.png"),)
    assert isinstance(b, Post) and [os.path.basename(i) for i in b.images] == ["b.2.png", "b.jpg"]
    assert b.metadata == {"audience": "children"}
    assert isinstance(c, InputError) and "not UTF-8" in str(c)


def test_jsonl_images_are_found_next_to_the_file(tmp_path: Path) -> None:
    _photo(tmp_path / "p.jpg")
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "1", "text": "t", "images": ["p.jpg"]}\n')
    post = _posts(f)[0][1]
    assert isinstance(post, Post) and post.images == (str(tmp_path / "p.jpg"),)


@pytest.mark.parametrize(("name", "content", "fmt"), [
    ("a.jsonl", '{"id": 1}\n', "jsonl"),
    ("a.ndjson", '{"id": 1}\n', "jsonl"),
    ("a.csv", "id,text\n", "csv"),
    ("a.txt", "draft", "draft"),
    ("a.md", "draft", "draft"),
    ("a.json", '{"id": 1, "text": "x"}\n{"id": 2}\n', "jsonl"),
    ("a.json", '[{"timestamp": 1, "data": []}]', "facebook"),
    ("a.json", '[{"media": [{"uri": "a.jpg"}]}]', "instagram"),
    ("tweets.js", "window.YTD.tweets.part0 = []", "twitter"),
    ("noext", '{"id": 1}', "jsonl"),
])
def test_detect_format(tmp_path: Path, name: str, content: str, fmt: str) -> None:
    f = tmp_path / name
    f.write_text(content)
    assert detect_format(str(f)) == fmt


@pytest.mark.parametrize(("name", "content", "message"), [
    ("a.json", '[{"unknown": 1}]', "cannot tell which export"),
    ("a.xml", "<?xml version='1.0'?><root/>", "not a WordPress export"),
    ("a.bin", "\x00\x01", "cannot tell the format"),
])
def test_detect_format_errors(tmp_path: Path, name: str, content: str, message: str) -> None:
    f = tmp_path / name
    f.write_text(content)
    with pytest.raises(InputError, match=message):
        detect_format(str(f))


def test_missing_input_is_one_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        open_input(str(tmp_path / "nope.jsonl"))


# -- the streaming JSON array reader --------------------------------------------------------

_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
    lambda children: st.lists(children, max_size=3)
    | st.dictionaries(st.text(max_size=5), children, max_size=3),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None)
@given(values=st.lists(_json_values, max_size=6), indent=st.sampled_from([None, 1]))
def test_iter_array_matches_json_load(values: list[object], indent: int | None) -> None:
    data = json.dumps(values, indent=indent, ensure_ascii=False).encode("utf-8")
    old = jsonstream._CHUNK
    jsonstream._CHUNK = 7  # tiny chunks: every element crosses a boundary
    try:
        assert list(jsonstream.iter_array(io.BytesIO(data), "t.json")) == values
    finally:
        jsonstream._CHUNK = old


@pytest.mark.parametrize(("data", "good", "message"), [
    (b'[{"a": 1}, {"b": 2}, {"c": ', 2, "file ends inside the array|invalid JSON"),
    (b'[{"a": 1} {"b": 2}]', 1, "expected ','"),
    (b'{"a": 1}', 0, "expected a JSON array"),
    (b'[1, 2] trailing', 2, "unexpected data"),
    (b'[1, 2', 2, "file ends inside the array"),
])
def test_iter_array_broken(data: bytes, good: int, message: str) -> None:
    seen: list[object] = []
    with pytest.raises(InputError, match=message):
        seen.extend(jsonstream.iter_array(io.BytesIO(data), "t.json"))
    assert len(seen) == good  # what came before the break is kept


@pytest.mark.parametrize("line", [
    '{"id": "a", "text": "hi", "images": ["x.jpg"], "metadata": {"audience": "children"}}',
    '{"id": 7, "text": null}', '{"text": "no id"}', '{"id": "t", "text": 5}',
    '{"id": "j", "text": "x"', "[1, 2]", '"just a string"', "{oops", '{"images": "one.jpg"}',
    '{"id": "deep", "text": ' + "[" * 5000 + "]" * 5000 + "}",
])
def test_jsonl_lines_parse_as_inputs_iter_jsonl_does(tmp_path: Path, line: str) -> None:
    from postguard.inputs import iter_jsonl

    f = tmp_path / "in.jsonl"
    f.write_text("\n" + line + "\n")
    ours, theirs = _posts(f)[0], next(iter_jsonl(str(f)))
    assert ours[0] == theirs[0]
    if isinstance(theirs[1], InputError):
        assert isinstance(ours[1], InputError) and str(ours[1]) == str(theirs[1])
    else:
        assert isinstance(ours[1], Post)
        assert (ours[1].text, ours[1].id, dict(ours[1].metadata)) == (
            theirs[1].text, theirs[1].id, dict(theirs[1].metadata))
