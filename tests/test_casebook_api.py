"""The casebook's HTTP API on SQLite and PostgreSQL: tokens, roles, statuses, 401/403/404/409,
the OpenAPI document, and escalation emails to a local SMTP server."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from casebook_fixtures import LiveServer, db_url, pg_server  # noqa: F401

pytest.importorskip("starlette")
httpx = pytest.importorskip("httpx")

from postguard.casebook import init_schema, open_casebook, throwaway_pg  # noqa: E402
from postguard.policy import Policy  # noqa: E402
from postguard.server import create_app  # noqa: E402

BLOCKED = "Ring me on 07911 123456 after school"
# Grooming from a stranger: escalated by today's detectors (the harm detectors add more).
GROOMING = "are you home alone? send me a pic"
CLEAN = "Well done to everyone who ran in the cross-country today"


class Staff:
    def __init__(self, client: Any, tokens: dict[str, str]) -> None:
        self.client = client
        self.tokens = tokens

    def call(self, who: str | None, method: str, path: str, **kwargs: Any) -> Any:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}
        return self.client.request(method, path, headers=headers, **kwargs)


@pytest.fixture
def smtp() -> Iterator[tuple[int, list[Any]]]:
    from aiosmtpd.controller import Controller
    from aiosmtpd.handlers import Message

    received: list[Any] = []

    class Keep(Message):  # type: ignore[misc]
        def handle_message(self, message: Any) -> None:
            received.append(message)

    port = throwaway_pg.free_port()
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield port, received
    finally:
        controller.stop()


@pytest.fixture
def staff(db_url: str, smtp: tuple[int, list[Any]]) -> Iterator[Staff]:  # noqa: F811
    init_schema(db_url)
    policy = Policy.from_dict({"casebook": {"notify": {
        "smtp_host": "127.0.0.1", "smtp_port": smtp[0], "sender": "postguard@school.example",
        "base_url": "https://casebook.school.example"}}})
    book = open_casebook(db_url, policy)
    tokens = {name: book.add_user(name, role, email=f"{name}@school.example")
              for name, role in (("amy", "designated"), ("bo", "designated"),
                                 ("lead", "dsl"), ("root", "admin"))}
    with LiveServer(create_app(policy, casebook=book)) as server, \
            httpx.Client(base_url=server.url, timeout=60) as client:
        yield Staff(client, tokens)
    book.close()


def test_every_path_but_healthz_needs_a_token(staff: Staff) -> None:
    assert staff.call(None, "GET", "/healthz").status_code == 200
    for method, path in (("GET", "/v1/queue"), ("GET", "/v1/audit"), ("POST", "/v1/items"),
                         ("POST", "/v1/screen"), ("POST", "/v1/redact"),
                         ("GET", "/openapi.json"), ("GET", "/v1/items/" + "0" * 32)):
        for headers in ({}, {"Authorization": "Bearer pgcb_wrong"},
                        {"Authorization": "Basic YW15OnB3"},
                        {"Authorization": "Bearer " + staff.tokens["amy"] + "x"}):
            r = staff.client.request(method, path, headers=headers, json={"text": "x"})
            assert r.status_code == 401, (method, path, headers)
            assert r.json() == {"error": {"code": "unauthorized",
                                          "message": "authentication required"}}
    page = staff.client.get("/", follow_redirects=False)
    assert page.status_code == 303 and page.headers["location"] == "/signin"


def test_file_and_publish_a_blocked_item_with_two_people(staff: Staff) -> None:
    r = staff.call("amy", "POST", "/v1/items", json={"text": BLOCKED, "id": "c1",
                                                      "metadata": {"direction": "inbound"}})
    assert r.status_code == 201
    filed = r.json()
    assert set(filed) == {"item_id", "status", "report"}
    assert filed["status"] == "held" and filed["report"]["verdict"] == "block"
    item_id = filed["item_id"]
    queue = staff.call("bo", "GET", "/v1/queue").json()["items"]
    assert [(i["item_id"], i["status"], i["verdict"]) for i in queue] == [
        (item_id, "held", "block")]
    decide = f"/v1/items/{item_id}/decisions"
    first = staff.call("amy", "POST", decide, json={"decision": "publish", "reason": "ok"})
    assert first.status_code == 200 and first.json()["status"] == "held"
    again = staff.call("amy", "POST", decide, json={"decision": "publish", "reason": "ok"})
    assert again.status_code == 409 and "already voted" in again.json()["error"]["message"]
    admin = staff.call("root", "POST", decide, json={"decision": "publish", "reason": "ok"})
    assert admin.status_code == 403
    second = staff.call("bo", "POST", decide, json={"decision": "publish_redacted",
                                                    "reason": "number removed"})
    assert second.status_code == 200 and second.json()["status"] == "published"
    item = staff.call("lead", "GET", f"/v1/items/{item_id}").json()
    assert item["text"] == BLOCKED and [d["user"] for d in item["decisions"]] == ["amy", "bo"]
    assert staff.call("amy", "GET", "/v1/queue").json()["items"] == []
    after_publish = staff.call("lead", "POST", decide, json={"decision": "hold",
                                                             "reason": "x"})
    assert after_publish.status_code == 409
    entries = staff.call("amy", "GET", "/v1/audit").json()["entries"]
    assert [e["action"] for e in entries][-3:] == ["item_filed", "decision", "decision"]
    assert BLOCKED not in str(entries)


def test_a_clean_item_is_published_at_once(staff: Staff) -> None:
    r = staff.call("amy", "POST", "/v1/items", json={"text": CLEAN})
    assert r.status_code == 201 and r.json()["status"] == "published"
    for response in (r, staff.call(None, "GET", "/healthz"), staff.call(None, "GET", "/v1/queue")):
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-frame-options"] == "DENY"


@pytest.mark.parametrize("body, status, code", [
    ({"decision": "publish"}, 400, "bad_decision"),
    ({"decision": "publish", "reason": "  "}, 422, "unprocessable"),
    ({"decision": "delete", "reason": "x"}, 422, "unprocessable"),
    ({"decision": "remove", "reason": "x", "informed": [1]}, 400, "bad_decision"),
    ("not an object", 400, "bad_json"),
])
def test_bad_decisions(staff: Staff, body: Any, status: int, code: str) -> None:
    item_id = staff.call("amy", "POST", "/v1/items", json={"text": BLOCKED}).json()["item_id"]
    r = staff.call("amy", "POST", f"/v1/items/{item_id}/decisions", json=body)
    assert r.status_code == status and r.json()["error"]["code"] == code


def test_unknown_items_are_404_and_removal_is_final(staff: Staff) -> None:
    for path in ("/v1/items/" + "0" * 32, "/v1/items/nope", "/v1/items/../../etc"):
        assert staff.call("amy", "GET", path).status_code == 404
    r = staff.call("amy", "POST", "/v1/items/" + "0" * 32 + "/decisions",
                   json={"decision": "remove", "reason": "x"})
    assert r.status_code == 404
    item_id = staff.call("amy", "POST", "/v1/items", json={"text": BLOCKED}).json()["item_id"]
    gone = staff.call("amy", "POST", f"/v1/items/{item_id}/decisions",
                      json={"decision": "remove", "reason": "a child's number",
                            "informed": ["the child's parents, by phone"]})
    assert gone.status_code == 200 and gone.json()["status"] == "removed"
    r = staff.call("bo", "POST", f"/v1/items/{item_id}/decisions",
                   json={"decision": "publish", "reason": "x"})
    assert r.status_code == 409 and "removed" in r.json()["error"]["message"]
    assert staff.call("bo", "GET", f"/v1/items/{item_id}").json()["text"] == BLOCKED


def _wait_for(received: list[Any], n: int) -> None:
    deadline = time.monotonic() + 20
    while len(received) < n and time.monotonic() < deadline:
        time.sleep(0.05)


def test_escalation_goes_to_the_lead_with_an_email_without_the_text(
        staff: Staff, smtp: tuple[int, list[Any]]) -> None:
    r = staff.call("amy", "POST", "/v1/items", json={
        "text": GROOMING, "metadata": {"direction": "inbound", "author": "stranger"}})
    filed = r.json()
    assert filed["report"]["escalate"] is True and filed["status"] == "escalated"
    item_id = filed["item_id"]
    assert staff.call("amy", "GET", "/v1/queue").json()["items"] == []
    lead_queue = staff.call("lead", "GET", "/v1/queue").json()["items"]
    assert lead_queue[0]["item_id"] == item_id and lead_queue[0]["status"] == "escalated"
    item = staff.call("lead", "GET", f"/v1/items/{item_id}").json()
    assert "0808 800 5000" in item["reporting_procedure"]
    refused = staff.call("amy", "POST", f"/v1/items/{item_id}/decisions",
                         json={"decision": "hold", "reason": "x"})
    assert refused.status_code == 403
    _wait_for(smtp[1], 1)
    assert len(smtp[1]) == 1
    mail = smtp[1][0]
    body = mail.get_payload(decode=True).decode()
    assert mail["To"] == "lead@school.example" and item_id in mail["Subject"]
    assert "private_contact" in mail["Subject"]
    assert f"https://casebook.school.example/items/{item_id}" in body
    assert "0808 800 5000" in body
    for words in ("home alone", "send me a pic"):
        assert words not in body and words not in mail["Subject"]
    # a designated user escalates a held item: a second email
    held = staff.call("amy", "POST", "/v1/items", json={"text": BLOCKED}).json()["item_id"]
    up = staff.call("amy", "POST", f"/v1/items/{held}/decisions",
                    json={"decision": "escalate", "reason": "worried about this one"})
    assert up.json()["status"] == "escalated"
    _wait_for(smtp[1], 2)
    assert len(smtp[1]) == 2 and held in smtp[1][1]["Subject"]
    assert "07911" not in smtp[1][1].get_payload(decode=True).decode()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        actions = [e["action"] for e in staff.call("lead", "GET", "/v1/audit").json()["entries"]]
        if actions.count("notified") == 2:
            break
        time.sleep(0.05)
    assert actions.count("notified") == 2


def test_openapi_lists_the_casebook(staff: Staff) -> None:
    doc = staff.call("amy", "GET", "/openapi.json").json()
    for path in ("/v1/items", "/v1/queue", "/v1/items/{item_id}",
                 "/v1/items/{item_id}/decisions", "/v1/audit", "/v1/screen", "/v1/redact"):
        assert path in doc["paths"], path
    assert doc["paths"]["/v1/items"]["post"]["responses"]["201"]
    assert "token" in doc["components"]["securitySchemes"]
    assert "Filed" in doc["components"]["schemas"]
    assert "Report" in doc["components"]["schemas"]


def test_the_stateless_endpoints_stay(staff: Staff) -> None:
    r = staff.call("amy", "POST", "/v1/screen", json={"text": BLOCKED})
    assert r.status_code == 200 and r.json()["verdict"] == "block"
    r = staff.call("amy", "POST", "/v1/redact", json={"text": BLOCKED})
    assert r.status_code == 200 and "07911" not in r.json()["redacted_text"]


def test_serve_refuses_an_unreachable_or_uninitialised_casebook(tmp_path: Path) -> None:
    import subprocess
    import sys

    exe = str(Path(sys.executable).with_name("postguard"))
    for url, message in (("postgresql://amy:s3cret@127.0.0.1:1/cb", "cannot connect"),
                         (f"sqlite:///{tmp_path / 'new.db'}", "not initialised")):
        run = subprocess.run([exe, "serve", "--port", "1", "--casebook", url],
                             capture_output=True, text=True, timeout=120, check=False)
        assert run.returncode == 2 and message in run.stderr, run.stderr
        assert "s3cret" not in run.stderr and len(run.stderr.strip().splitlines()) == 1
