"""The casebook's whole flow in headless Chromium (Debian's chromium, as in
test_html_browser.py): two designated users, one held blocked item, two publish decisions
through the page, published."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from chromium import chromium  # noqa: E402  (skips this module without Chromium)

httpx = pytest.importorskip("httpx")
from casebook_fixtures import LiveServer, db_url, pg_server  # noqa: E402, F401
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from postguard.casebook import init_schema, open_casebook  # noqa: E402
from postguard.server import create_app  # noqa: E402

PASSWORD = "a long enough password"
TEXT = "Well done Year 6! Any questions ring me on 07911 123456 <b>tonight</b>"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as driver:
        yield driver


def sign_in(driver: Any, url: str, name: str) -> None:
    driver.delete_all_cookies()
    driver.get(url + "/")
    assert driver.current_url.endswith("/signin")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    driver.find_element(By.ID, "signin").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.TAG_NAME, "header"))
    assert driver.current_url.rstrip("/") == url
    assert name in driver.find_element(By.TAG_NAME, "header").text


def decide(driver: Any, item_id: str, decision: str, reason: str) -> None:
    driver.find_element(By.CSS_SELECTOR, f'tr[data-item="{item_id}"] a').click()
    Select(driver.find_element(By.ID, "decision")).select_by_value(decision)
    driver.find_element(By.ID, "reason").send_keys(reason)
    driver.find_element(By.ID, "submit-decision").click()
    WebDriverWait(driver, 30).until(lambda d: d.find_elements(By.CSS_SELECTOR,
                                                              "#note, #error"))


def test_two_users_publish_a_held_item(browser: Any, db_url: str) -> None:  # noqa: F811
    init_schema(db_url)
    book = open_casebook(db_url)
    tokens = {n: book.add_user(n, "designated", password=PASSWORD) for n in ("amy", "bo")}
    try:
        with LiveServer(create_app(casebook=book)) as server:
            filed = httpx.post(f"{server.url}/v1/items", json={"text": TEXT}, headers={
                "Authorization": f"Bearer {tokens['amy']}"}, timeout=60).json()
            assert filed["status"] == "held" and filed["report"]["verdict"] == "block"
            item_id = filed["item_id"]

            sign_in(browser, server.url, "amy")
            row = browser.find_element(By.CSS_SELECTOR, f'tr[data-item="{item_id}"]')
            assert "held" in row.text and "block" in row.text and "phone" in row.text
            decide(browser, item_id, "publish", "the number is the school office's")
            assert browser.find_element(By.ID, "status").text == "held"
            assert "two-person" in browser.find_element(By.ID, "note").text
            marks = browser.find_elements(By.CSS_SELECTOR, "#text mark")
            assert [m.text for m in marks] == ["07911 123456"]
            assert "<b>tonight</b>" in browser.find_element(By.ID, "text").text
            assert "07911" not in browser.find_element(By.ID, "redacted").text
            browser.find_element(By.ID, "signout").click()
            WebDriverWait(browser, 30).until(lambda d: d.current_url.endswith("/signin"))

            sign_in(browser, server.url, "bo")
            row = browser.find_element(By.CSS_SELECTOR, f'tr[data-item="{item_id}"]')
            assert "amy: publish" in row.text
            decide(browser, item_id, "publish", "agreed with amy")
            assert browser.find_element(By.ID, "status").text == "published"
            history = browser.find_element(By.ID, "history").text
            assert "amy" in history and "bo" in history and "agreed with amy" in history
            browser.get(server.url + "/")
            assert browser.find_elements(By.ID, "empty")
            browser.get(server.url + "/audit")
            assert "intact" in browser.find_element(By.ID, "verify").text
        assert book.item(item_id)["status"] == "published"
        assert book.verify().ok
    finally:
        book.close()
