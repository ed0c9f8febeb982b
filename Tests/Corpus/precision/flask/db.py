"""Thin repository layer over psycopg2 with parameterized queries only."""

import logging
from typing import Iterable, Optional

import psycopg2
import psycopg2.extras
from flask import current_app, g

logger = logging.getLogger("orders.db")


def get_db():
    if "db" not in g:
        g.db = psycopg2.connect(
            current_app.config["DATABASE_URL"],
            cursor_factory=psycopg2.extras.RealDictCursor,
            sslmode="verify-full",
        )
    return g.db


def close_db(_exc: Optional[BaseException] = None) -> None:
    conn = g.pop("db", None)
    if conn is not None:
        conn.close()


class UserRepository:
    def __init__(self, conn):
        self.conn = conn

    def find_by_email(self, email: str) -> Optional[dict]:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT id, email, password_hash, display_name, is_active "
                "FROM users WHERE email = %s",
                (email.lower(),),
            )
            return cur.fetchone()

    def create(self, email: str, password_hash: str, display_name: str) -> int:
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO users (email, password_hash, display_name) "
                "VALUES (%s, %s, %s) RETURNING id",
                (email.lower(), password_hash, display_name),
            )
            user_id = cur.fetchone()["id"]
        self.conn.commit()
        return user_id

    def create_refresh_session(self, user_id: int, refresh_digest: str, ttl_seconds: int) -> None:
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO refresh_sessions (user_id, refresh_digest, expires_at) "
                "VALUES (%s, %s, now() + make_interval(secs => %s))",
                (user_id, refresh_digest, ttl_seconds),
            )
        self.conn.commit()

    def touch_login(self, user_id: int) -> None:
        with self.conn.cursor() as cur:
            cur.execute("UPDATE users SET last_login_at = now() WHERE id = %s", (user_id,))
        self.conn.commit()


class OrderRepository:
    def __init__(self, conn):
        self.conn = conn

    def list_for_user(self, user_id: int, limit: int, offset: int) -> list:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT id, status, total_cents, currency, created_at "
                "FROM orders WHERE user_id = %s ORDER BY created_at DESC LIMIT %s OFFSET %s",
                (user_id, limit, offset),
            )
            return cur.fetchall()

    def search_by_reference_prefix(self, user_id: int, prefix: str) -> list:
        escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT id, reference, status FROM orders "
                "WHERE user_id = %s AND reference LIKE %s ESCAPE '\\' LIMIT 50",
                (user_id, escaped + "%"),
            )
            return cur.fetchall()

    def items_for_orders(self, order_ids: Iterable[int]) -> dict:
        ids = list(order_ids)
        if not ids:
            return {}
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT order_id, sku, quantity, unit_price_cents "
                "FROM order_items WHERE order_id = ANY(%s)",
                (ids,),
            )
            grouped: dict = {}
            for row in cur.fetchall():
                grouped.setdefault(row["order_id"], []).append(row)
        logger.debug("loaded items for %d orders", len(ids))
        return grouped

    def get(self, user_id: int, order_id: int) -> Optional[dict]:
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT id, status, total_cents, currency, invoice_file "
                "FROM orders WHERE id = %(order_id)s AND user_id = %(user_id)s",
                {"order_id": order_id, "user_id": user_id},
            )
            return cur.fetchone()
