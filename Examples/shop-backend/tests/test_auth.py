"""Tests of the login endpoint: they only ever see it succeed."""
from app.auth import app


def test_login_returns_a_token():
    client = app.test_client()
    response = client.post("/login", json={"username": "ada", "password": "correct horse"})
    assert response.status_code == 200


def test_login_page_answers():
    client = app.test_client()
    client.post("/login", json={"username": "ada", "password": "correct horse"})
