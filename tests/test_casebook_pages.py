"""The casebook's pages over HTTP on SQLite and PostgreSQL: sign-in with hashed passwords,
sessions, CSRF, security headers, lockout, the queue, an item, the decision form, the audit
view, and post text that is never markup."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import pytest
from casebook_fixtures import LiveServer, db_url, pg_server  # noqa: F401

httpx = pytest.importorskip("httpx")

from postguard.casebook import init_schema, open_casebook  # noqa: E402
from postguard.policy import Policy  # noqa: E402
from postguard.server import create_app  # noqa: E402

PASSWORD = "correct horse battery"
EVIL = "Ring 07911 123456 <script>window.pwned=1</script><img src=x onerror=alert(1)>"


@pytest.fixture
def site(db_url: str) -> Iterator[tuple[str, dict[str, str]]]:  # noqa: F811
    init_schema(db_url)
    policy = Policy.from_dict({"casebook": {"lockout_after": 3}})
    book = open_casebook(db_url, policy)
    tokens = {name: book.add_user(name, role, password=PASSWORD)
              for name, role in (("amy", "designated"), ("bo", "designated"))}
    with LiveServer(create_app(policy, casebook=book)) as server:
        yield server.url, tokens
    for client in _clients:
        client.close()
    _clients.clear()
    book.close()


_clients: list[Any] = []


def new_client(url: str, **kwargs: Any) -> Any:
    client = httpx.Client(base_url=url, timeout=60, **kwargs)
    _clients.append(client)
    return client


def csrf_of(page: str) -> str:
    found = re.search(r'name="csrf" value="([^"]+)"', page)
    assert found, "no CSRF token in the form"
    return found.group(1)


def sign_in(url: str, name: str, password: str = PASSWORD) -> tuple[Any, Any]:
    client = new_client(url)
    form = client.get("/signin")
    r = client.post("/signin", data={"name": name, "password": password,
                                     "csrf": csrf_of(form.text)})
    return client, r


def test_sign_in_queue_item_decide_and_sign_out(site: tuple[str, dict[str, str]]) -> None:
    url, tokens = site
    filed = httpx.post(f"{url}/v1/items", json={"text": EVIL},
                       headers={"Authorization": f"Bearer {tokens['amy']}"}).json()
    item_id = filed["item_id"]
    client, r = sign_in(url, "amy")
    assert r.status_code == 303 and r.headers["location"] == "/"
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=strict" in cookie.replace("Strict", "strict")
    queue = client.get("/")
    assert queue.status_code == 200 and item_id in queue.text and "held" in queue.text
    for header, value in (("x-frame-options", "DENY"), ("x-content-type-options", "nosniff"),
                          ("referrer-policy", "no-referrer"), ("cache-control", "no-store")):
        assert queue.headers[header] == value
    assert "script-src" not in queue.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in queue.headers["content-security-policy"]
    page = client.get(f"/items/{item_id}")
    assert page.status_code == 200
    assert "<script>window" not in page.text and "&lt;script&gt;" in page.text
    assert '<mark title="phone">07911 123456</mark>' in page.text
    assert "[phone removed]" in page.text or "removed]" in page.text
    token = csrf_of(page.text)
    no_csrf = client.post(f"/items/{item_id}/decide", data={"decision": "publish",
                                                            "reason": "fine"})
    assert no_csrf.status_code == 403
    voted = client.post(f"/items/{item_id}/decide", data={
        "decision": "publish", "reason": "checked the number is the office line",
        "csrf": token})
    assert voted.status_code == 200 and "two-person" in voted.text
    again = client.post(f"/items/{item_id}/decide", data={
        "decision": "publish", "reason": "again", "csrf": token})
    assert again.status_code == 409 and "already voted" in again.text
    audit = client.get("/audit")
    assert "audit log intact" in audit.text and "decision" in audit.text
    # the session works on the JSON API too; a POST needs the CSRF header
    assert client.get("/v1/queue").status_code == 200
    assert client.post(f"/v1/items/{item_id}/decisions",
                       json={"decision": "hold", "reason": "x"}).status_code == 403
    out = client.post("/signout", data={"csrf": token})
    assert out.status_code == 303
    assert client.get("/", follow_redirects=False).status_code == 303
    assert client.get("/v1/queue").status_code == 401
    bo, _ = sign_in(url, "bo")
    page = bo.get(f"/items/{item_id}")
    done = bo.post(f"/items/{item_id}/decide", data={
        "decision": "publish", "reason": "agree", "informed": "the author; by email",
        "csrf": csrf_of(page.text)})
    assert done.status_code == 200 and 'id="status">published<' in done.text
    assert "the author" in done.text and "by email" in done.text


@pytest.mark.parametrize("name, password", [("amy", "wrong password!"),
                                            ("nobody", PASSWORD), ("amy", "")])
def test_wrong_sign_ins_say_nothing_about_who_exists(site: tuple[str, dict[str, str]],
                                                     name: str, password: str) -> None:
    client, r = sign_in(site[0], name, password)
    assert r.status_code == 401 and "wrong name or password" in r.text
    assert "pg_session" not in r.headers.get("set-cookie", "")


def test_lockout_after_repeated_failures(site: tuple[str, dict[str, str]]) -> None:
    url, _ = site
    for _ in range(3):
        assert sign_in(url, "amy", "not the password")[1].status_code == 401
    _, r = sign_in(url, "amy")
    assert r.status_code == 401 and "locked" in r.text
    assert sign_in(url, "bo")[1].status_code == 303  # only that account


def test_sign_in_needs_the_form_token(site: tuple[str, dict[str, str]]) -> None:
    r = httpx.post(f"{site[0]}/signin", data={"name": "amy", "password": PASSWORD,
                                               "csrf": "forged"})
    assert r.status_code == 403 and "pg_session" not in r.headers.get("set-cookie", "")


def test_unknown_items_and_forged_sessions(site: tuple[str, dict[str, str]]) -> None:
    url, _ = site
    client, _ = sign_in(url, "amy")
    assert client.get("/items/" + "0" * 32).status_code == 404
    forged = new_client(url, cookies={"pg_session": "forged"})
    assert forged.get("/", follow_redirects=False).status_code == 303
    assert forged.get("/v1/queue").status_code == 401


def test_photos_are_shown_with_their_boxes(site: tuple[str, dict[str, str]]) -> None:
    import base64
    import io as _io

    from PIL import Image

    from postguard.casebook import html

    buf = _io.BytesIO()
    Image.new("RGB", (120, 80), (30, 120, 200)).save(buf, "PNG")
    url, tokens = site
    filed = httpx.post(f"{url}/v1/items", headers={"Authorization": f"Bearer {tokens['amy']}"},
                       json={"text": "Ring 07911 123456",
                             "images": [base64.b64encode(buf.getvalue()).decode()]},
                       timeout=60).json()
    client, _ = sign_in(url, "amy")
    page = client.get(f"/items/{filed['item_id']}").text
    assert f'<image href="/items/{filed["item_id"]}/images/0" width="120" height="80"/>' in page
    image = client.get(f"/items/{filed['item_id']}/images/0")
    assert image.content == buf.getvalue() and image.headers["content-type"] == "image/png"
    assert client.get(f"/items/{filed['item_id']}/images/1").status_code == 404
    assert httpx.get(f"{url}/items/{filed['item_id']}/images/0").status_code == 303
    svg = html._photo("a" * 32, 0, (120, 80), [
        {"source": "image:0", "box": [10, 20, 50, 40], "category": "phone"},
        {"source": "image:1", "box": [1, 1, 2, 2], "category": "email"},
        {"source": "text", "box": None, "category": "phone"}])
    assert svg.count("<rect") == 1 and 'x="10" y="20" width="40" height="20"' in svg
