import os
import secrets

import bcrypt
import pytest

os.environ.setdefault("FLASK_SECRET_KEY", secrets.token_hex(32))
os.environ.setdefault("DATABASE_URL", "postgresql://localhost/orders_test")

from orders.app import create_app  # noqa: E402


@pytest.fixture
def client():
    app = create_app()
    app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
    with app.test_client() as c:
        yield c


def test_password_hash_roundtrip():
    hashed = bcrypt.hashpw(b"correct horse battery staple", bcrypt.gensalt(rounds=4))
    assert bcrypt.checkpw(b"correct horse battery staple", hashed)
    assert not bcrypt.checkpw(b"wrong guess", hashed)


def test_login_requires_body(client):
    resp = client.post("/auth/login", json={})
    assert resp.status_code == 400
    assert resp.get_json() == {"error": "invalid input"}


def test_orders_require_bearer(client):
    resp = client.get("/orders/")
    assert resp.status_code == 401


def test_continue_rejects_external_redirect(client):
    resp = client.get("/orders/continue?next=https://evil.example.net/")
    assert resp.status_code == 302
    assert resp.headers["Location"].endswith("/orders/")
