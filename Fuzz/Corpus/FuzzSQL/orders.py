"""Order history queries."""
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
