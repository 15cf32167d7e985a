"""The HTML report and the review page in a real headless browser (Debian's chromium)."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from chromium import chromium  # noqa: E402  (skips this module without Chromium)
from PIL import Image
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from postguard.batch import run_batch  # noqa: E402

EVIL = "<script>window.pwned=1</script><img src=x onerror=window.pwned=1>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def _visible(driver: Any, css: str) -> list[Any]:
    return [e for e in driver.find_elements(By.CSS_SELECTOR, css) if e.is_displayed()]


def test_html_report_opens_shows_findings_and_filters(browser: Any, tmp_path: Path) -> None:
    policy = tmp_path / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone", "email"]\n')
    photo = tmp_path / "p.png"
    Image.new("RGB", (300, 200), (30, 120, 200)).save(photo)
    posts = [
        {"id": "phone", "text": "Ring 07911 123456 " + EVIL, "images": [str(photo)]},
        {"id": "clean", "text": "A good match today"},
        {"id": "email", "text": "Write to jo.bloggs@gmail.com"},
        {"id": "broken", "text": "x", "images": [str(tmp_path / "missing.jpg")]},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(p) + "\n" for p in posts))
    page = tmp_path / "report.html"
    run_batch([str(src)], str(tmp_path / "o.jsonl"), policy=str(policy), html=str(page))
    html = page.read_text()
    assert "<script>window.pwned" not in html and "&lt;script&gt;" in html
    assert "http://" not in html and "https://" not in html  # nothing to fetch

    browser.get(page.as_uri())
    assert browser.title == "postguard report"
    assert browser.execute_script("return window.pwned === undefined")
    articles = _visible(browser, "article.post")
    ids = [a.find_element(By.CSS_SELECTOR, "h2 .code").text for a in articles]
    assert ids == ["phone", "email", "broken"]  # only posts needing action
    mark = articles[0].find_element(By.CSS_SELECTOR, "mark")
    assert mark.text.startswith("07911 123456")
    assert EVIL in articles[0].find_element(By.CSS_SELECTOR, ".text").text  # shown as text
    thumb = articles[0].find_element(By.CSS_SELECTOR, "figure img")
    assert thumb.get_attribute("src").startswith("data:image/jpeg;base64,")
    assert browser.execute_script("return arguments[0].naturalWidth", thumb) > 0
    assert "missing.jpg" in articles[2].text

    Select(browser.find_element(By.ID, "category")).select_by_value("phone")
    shown = [a.find_element(By.CSS_SELECTOR, "h2 .code").text
             for a in _visible(browser, "article.post")]
    assert shown == ["phone"]
    assert browser.find_element(By.ID, "shown").text == "1 of 3 posts shown"
    Select(browser.find_element(By.ID, "category")).select_by_value("")
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=block]").click()
    shown = [a.find_element(By.CSS_SELECTOR, "h2 .code").text
             for a in _visible(browser, "article.post")]
    assert shown == ["broken"]  # review only


def test_review_page_checks_a_draft(browser: Any, tmp_path: Path) -> None:
    pytest.importorskip("starlette", reason="the server needs the 'serve' extra")
    sys.path.insert(0, os.path.dirname(__file__))
    from test_serve import start_server, stop_server

    policy = tmp_path / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone"]\n')
    photo = tmp_path / "photo.png"
    Image.new("RGB", (80, 60), (200, 200, 200)).save(photo)
    proc, base = start_server(str(policy))
    try:
        browser.get(base + "/")
        draft = "Line one \U0001f600\nRing 07911 123456 " + EVIL
        browser.find_element(By.ID, "text").send_keys(draft)
        browser.find_element(By.ID, "images").send_keys(str(photo))
        browser.find_element(By.ID, "check").click()
        WebDriverWait(browser, 60).until(
            lambda d: d.find_element(By.ID, "status").text in ("done", "")
            and d.find_elements(By.CSS_SELECTOR, "#result .verdict, #result .error"))
        assert browser.find_element(By.CSS_SELECTOR, "#result .verdict").text == "BLOCK"
        mark = browser.find_element(By.CSS_SELECTOR, "#result mark")
        assert mark.text.startswith("07911 123456")  # offsets right after an emoji
        redacted = browser.find_element(By.CSS_SELECTOR, "#result .redacted").text
        assert "07911" not in redacted and "[phone removed]" in redacted
        assert "suggest remove" in browser.find_element(By.CSS_SELECTOR, "ol.findings").text
        photos = browser.find_elements(By.CSS_SELECTOR, "#result img, #result p.error")
        assert len(photos) == 1  # the redacted photo, or why it is not there
        assert browser.execute_script("return window.pwned === undefined")
    finally:
        stop_server(proc)


def test_review_page_says_when_to_escalate(browser: Any, tmp_path: Path) -> None:
    pytest.importorskip("starlette", reason="the server needs the 'serve' extra")
    sys.path.insert(0, os.path.dirname(__file__))
    from test_serve import start_server, stop_server

    policy = tmp_path / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["private_contact"]\n')
    proc, base = start_server(str(policy))
    try:
        for draft, escalates in (("Don't tell your parents, it's our little secret", True),
                                 ("See you all at sports day!", False)):
            browser.get(base + "/")
            browser.find_element(By.ID, "text").send_keys(draft)
            browser.find_element(By.ID, "check").click()
            WebDriverWait(browser, 60).until(
                lambda d: d.find_element(By.ID, "status").text in ("done", "")
                and d.find_elements(By.CSS_SELECTOR, "#result .verdict, #result .error"))
            shown = browser.find_elements(By.CSS_SELECTOR, "#result .escalate")
            assert bool(shown) is escalates
            if escalates:
                assert "safeguarding lead" in shown[0].text
    finally:
        stop_server(proc)


def test_review_page_counts_photos_from_one(browser: Any, tmp_path: Path) -> None:
    """Issue 14, point 9: the review page said 'image:0' beside a message saying 'image 1'
    for a photo it could not read."""
    pytest.importorskip("starlette", reason="the server needs the 'serve' extra")
    sys.path.insert(0, os.path.dirname(__file__))
    from test_serve import start_server, stop_server

    policy = tmp_path / "policy.toml"
    policy.write_text('[detectors]\nenabled = ["phone", "image_text"]\n')
    good = tmp_path / "good.png"
    Image.new("RGB", (80, 60), (200, 200, 200)).save(good)
    broken = tmp_path / "broken.jpg"  # a photo cut short in its pixels: the API answers 200
    Image.effect_noise((300, 200), 60).convert("RGB").save(broken, "JPEG")
    broken.write_bytes(broken.read_bytes()[:3000])
    proc, base = start_server(str(policy))
    try:
        browser.get(base + "/")
        browser.find_element(By.ID, "text").send_keys("Sports day photos")
        browser.find_element(By.ID, "images").send_keys(f"{good}\n{broken}")
        browser.find_element(By.ID, "check").click()
        WebDriverWait(browser, 60).until(
            lambda d: d.find_element(By.ID, "status").text in ("done", "")
            and d.find_elements(By.CSS_SELECTOR, "#result .verdict, #result .error"))
        result = browser.find_element(By.ID, "result").text
        assert browser.find_element(By.CSS_SELECTOR, "#result .verdict").text == "REVIEW"
        assert "image:" not in result  # never the 0-based source
        findings = browser.find_element(By.CSS_SELECTOR, "ol.findings").text
        assert "(review, image 2): image 2" in findings, findings
        errors = [e.text for e in browser.find_elements(By.CSS_SELECTOR, "#result > p.error")]
        assert errors and errors[0].startswith("image 2: image 2"), errors
    finally:
        stop_server(proc)
