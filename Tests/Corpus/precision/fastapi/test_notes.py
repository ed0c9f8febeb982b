import base64
import os
import uuid

from argon2 import PasswordHasher

os.environ.setdefault("NOTES_DATABASE_DSN", "postgresql://localhost/notes_test")
os.environ.setdefault("NOTES_JWT_SECRET", os.urandom(32).hex())
os.environ.setdefault("NOTES_ENCRYPTION_KEY_B64", base64.b64encode(os.urandom(32)).decode())

from notes.routers.notes import NoteIn, decrypt_body, encrypt_body  # noqa: E402


def test_encrypt_roundtrip_uses_fresh_nonce():
    owner = uuid.uuid4()
    nonce_a, ct_a = encrypt_body(owner, "hello")
    nonce_b, ct_b = encrypt_body(owner, "hello")
    assert nonce_a != nonce_b
    assert ct_a != ct_b
    assert decrypt_body(owner, nonce_a, ct_a) == "hello"


def test_tags_are_normalised():
    note = NoteIn(title="t", body="b", tags=["Work", "side-project"])
    assert note.tags == ["work", "side-project"]


def test_argon2_verify():
    hasher = PasswordHasher()
    encoded = hasher.hash("long enough passphrase")
    assert hasher.verify(encoded, "long enough passphrase")
