import random
import secrets
import ssl

import requests
from Crypto.Cipher import AES, DES
from flask import Blueprint, jsonify, request

bp = Blueprint("account", __name__)

LEGACY_KEY = b"8bytekey"


def generate_reset_code():
    return f"{random.randint(0, 999999):06d}"  # expect: sensitive-data/insecure-random-python


def generate_api_key():
    return secrets.token_urlsafe(32)


def encrypt_legacy(payload: bytes) -> bytes:
    cipher = DES.new(LEGACY_KEY, DES.MODE_ECB)  # expect: sensitive-data/weak-cipher-python
    return cipher.encrypt(payload)


def encrypt_card_ref(key: bytes, ref: bytes) -> bytes:
    cipher = AES.new(key, AES.MODE_ECB)  # expect: sensitive-data/weak-cipher-python
    return cipher.encrypt(ref)


def encrypt_profile(key: bytes, data: bytes):
    cipher = AES.new(key, AES.MODE_GCM)
    return cipher.encrypt_and_digest(data)


@bp.post("/password-reset")
def password_reset():
    email = request.json["email"]
    token = "".join(random.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=32))  # expect: sensitive-data/insecure-random-python
    delay = random.uniform(0.1, 0.3)
    requests.post(
        "https://mailer.internal/send",
        json={"to": email, "token": token},
        verify=False,  # expect: sensitive-data/tls-verification-disabled-python
        timeout=5,
    )
    return jsonify({"ok": True, "retry_in": delay})


def fetch_partner_status():
    ctx = ssl.create_default_context()
    ctx.check_hostname = False  # expect: sensitive-data/tls-verification-disabled-python
    ctx.verify_mode = ssl.CERT_NONE  # expect: sensitive-data/tls-verification-disabled-python
    return ctx


def fetch_public_status():
    return requests.get("https://status.example.com/api", timeout=5).json()
