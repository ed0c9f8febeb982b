"""Notes router. Note bodies are encrypted at rest with AES-GCM."""

import base64
import hashlib
import logging
import os
from datetime import datetime
from typing import Annotated
from uuid import UUID

import httpx
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from pydantic import BaseModel, Field, field_validator

from ..db import NoteRepo
from ..main import settings
from .auth import current_user_id

router = APIRouter()
logger = logging.getLogger("notes.api")


def _aead() -> AESGCM:
    key = base64.b64decode(settings.encryption_key_b64.get_secret_value())
    if len(key) != 32:
        raise RuntimeError("NOTES_ENCRYPTION_KEY_B64 must decode to 32 bytes")
    return AESGCM(key)


def encrypt_body(owner_id: UUID, plaintext: str) -> tuple[bytes, bytes]:
    nonce = os.urandom(12)
    return nonce, _aead().encrypt(nonce, plaintext.encode("utf-8"), owner_id.bytes)


def decrypt_body(owner_id: UUID, nonce: bytes, ciphertext: bytes) -> str:
    return _aead().decrypt(nonce, ciphertext, owner_id.bytes).decode("utf-8")


class NoteIn(BaseModel):
    title: str = Field(min_length=1, max_length=200)
    body: str = Field(max_length=100_000)
    tags: list[str] = Field(default_factory=list, max_length=20)

    @field_validator("tags")
    @classmethod
    def tags_are_slugs(cls, value: list[str]) -> list[str]:
        for tag in value:
            if not tag.replace("-", "").isalnum() or len(tag) > 32:
                raise ValueError("tags must be short slugs")
        return [t.lower() for t in value]


class NoteSummary(BaseModel):
    id: UUID
    title: str
    updated_at: datetime
    tags: list[str]


def notes_repo(request: Request) -> NoteRepo:
    return NoteRepo(request.app.state.pool)


@router.get("", response_model=list[NoteSummary])
async def list_notes(
    user_id: Annotated[UUID, Depends(current_user_id)],
    repo: Annotated[NoteRepo, Depends(notes_repo)],
    tag: Annotated[str | None, Query(max_length=32, pattern=r"^[a-z0-9-]+$")] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
):
    rows = await repo.list(user_id, tag, limit)
    tags = await repo.tags_for([r["id"] for r in rows])
    return [NoteSummary(id=r["id"], title=r["title"], updated_at=r["updated_at"], tags=tags.get(r["id"], [])) for r in rows]


@router.post("", status_code=201)
async def create_note(
    note: NoteIn,
    user_id: Annotated[UUID, Depends(current_user_id)],
    repo: Annotated[NoteRepo, Depends(notes_repo)],
):
    nonce, ciphertext = encrypt_body(user_id, note.body)
    note_id = await repo.create(user_id, note.title, nonce, ciphertext, note.tags)
    return {"id": str(note_id)}


@router.get("/{note_id}")
async def get_note(
    note_id: UUID,
    request: Request,
    response: Response,
    user_id: Annotated[UUID, Depends(current_user_id)],
    repo: Annotated[NoteRepo, Depends(notes_repo)],
):
    row = await repo.get(user_id, note_id)
    if row is None:
        raise HTTPException(status_code=404, detail="not found")
    body = decrypt_body(user_id, row["body_nonce"], row["body_ciphertext"])
    etag = '"' + hashlib.sha256(row["body_ciphertext"]).hexdigest()[:32] + '"'
    if request.headers.get("if-none-match") == etag:
        return Response(status_code=304)
    response.headers["ETag"] = etag
    return {"id": str(row["id"]), "title": row["title"], "body": body}


@router.post("/{note_id}/share-preview")
async def share_preview(
    note_id: UUID,
    user_id: Annotated[UUID, Depends(current_user_id)],
    repo: Annotated[NoteRepo, Depends(notes_repo)],
):
    row = await repo.get(user_id, note_id)
    if row is None:
        raise HTTPException(status_code=404, detail="not found")
    try:
        async with httpx.AsyncClient(timeout=5.0, verify=True) as client:
            resp = await client.post(
                "https://preview.internal.example.com/render",
                json={"title": row["title"]},
            )
            resp.raise_for_status()
    except httpx.HTTPError:
        logger.exception("preview service failed for note_id=%s", note_id)
        raise HTTPException(status_code=502, detail="preview unavailable")
    return {"preview_url": resp.json()["url"]}
