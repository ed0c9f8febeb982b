"""Order history queries and their endpoint."""
from flask import jsonify

from app.auth import app
from app.db import connection


def recent_orders(since):
    # created_at leads no index: this scans the whole orders table.
    return connection().execute(
        "SELECT id, total_cents FROM orders "
        "WHERE created_at >= %s ORDER BY created_at DESC",
        (since,),
    ).fetchall()


def order_items(order_id):
    # order_items_order_id_idx serves this one.
    return connection().execute(
        "SELECT sku, quantity FROM order_items WHERE order_id = %s", (order_id,)
    ).fetchall()


@app.get("/orders/<int:order_id>/items")
def items(order_id):
    # Served, but the OpenAPI document only describes GET /orders/{id}.
    return jsonify(items=order_items(order_id))
