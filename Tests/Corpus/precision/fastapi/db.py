"""asyncpg repository with positional parameters ($1, $2, ...)."""

import logging
import ssl
from typing import Optional, Sequence
from uuid import UUID

import asyncpg

logger = logging.getLogger("notes.db")


async def create_pool(dsn: str) -> asyncpg.Pool:
    tls = ssl.create_default_context()
    return await asyncpg.create_pool(dsn, min_size=2, max_size=10, ssl=tls, command_timeout=10)


class UserRepo:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    async def by_email(self, email: str) -> Optional[asyncpg.Record]:
        return await self.pool.fetchrow(
            "SELECT id, email, password_hash, created_at FROM users WHERE email = $1",
            email.lower(),
        )

    async def insert(self, email: str, password_hash: str) -> UUID:
        return await self.pool.fetchval(
            "INSERT INTO users (email, password_hash) VALUES ($1, $2) RETURNING id",
            email.lower(),
            password_hash,
        )

    async def update_password_hash(self, user_id: UUID, password_hash: str) -> None:
        await self.pool.execute(
            "UPDATE users SET password_hash = $1, password_changed_at = now() WHERE id = $2",
            password_hash,
            user_id,
        )


class NoteRepo:
    def __init__(self, pool: asyncpg.Pool):
        self.pool = pool

    async def list(self, owner_id: UUID, tag_prefix: Optional[str], limit: int) -> list[asyncpg.Record]:
        if tag_prefix:
            return await self.pool.fetch(
                "SELECT n.id, n.title, n.updated_at FROM notes n "
                "WHERE n.owner_id = $1 AND EXISTS ("
                "  SELECT 1 FROM note_tags t WHERE t.note_id = n.id AND t.tag LIKE $2 || '%'"
                ") ORDER BY n.updated_at DESC LIMIT $3",
                owner_id,
                tag_prefix.replace("\\", "\\\\").replace("%", r"\%").replace("_", r"\_"),
                limit,
            )
        return await self.pool.fetch(
            "SELECT id, title, updated_at FROM notes WHERE owner_id = $1 ORDER BY updated_at DESC LIMIT $2",
            owner_id,
            limit,
        )

    async def tags_for(self, note_ids: Sequence[UUID]) -> dict[UUID, list[str]]:
        rows = await self.pool.fetch(
            "SELECT note_id, tag FROM note_tags WHERE note_id = ANY($1::uuid[])",
            list(note_ids),
        )
        out: dict[UUID, list[str]] = {}
        for row in rows:
            out.setdefault(row["note_id"], []).append(row["tag"])
        return out

    async def get(self, owner_id: UUID, note_id: UUID) -> Optional[asyncpg.Record]:
        return await self.pool.fetchrow(
            "SELECT id, title, body_ciphertext, body_nonce, updated_at FROM notes WHERE id = $1 AND owner_id = $2",
            note_id,
            owner_id,
        )

    async def create(self, owner_id: UUID, title: str, nonce: bytes, ciphertext: bytes, tags: list[str]) -> UUID:
        async with self.pool.acquire() as conn:
            async with conn.transaction():
                note_id = await conn.fetchval(
                    "INSERT INTO notes (owner_id, title, body_nonce, body_ciphertext) "
                    "VALUES ($1, $2, $3, $4) RETURNING id",
                    owner_id,
                    title,
                    nonce,
                    ciphertext,
                )
                if tags:
                    await conn.executemany(
                        "INSERT INTO note_tags (note_id, tag) VALUES ($1, $2)",
                        [(note_id, tag) for tag in tags],
                    )
        logger.info("note created note_id=%s tag_count=%d", note_id, len(tags))
        return note_id
