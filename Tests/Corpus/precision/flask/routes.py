"""Order endpoints."""

import hashlib
import logging
import random
import subprocess
import time

from flask import Blueprint, abort, current_app, g, jsonify, redirect, render_template, request, send_from_directory, url_for
from werkzeug.utils import secure_filename

from .auth import require_auth
from .db import OrderRepository, get_db

bp = Blueprint("orders", __name__)
logger = logging.getLogger("orders.routes")

SAFE_NEXT_PATHS = {"/orders", "/orders/summary", "/account"}


def _int_arg(name: str, default: int, lo: int, hi: int) -> int:
    raw = request.args.get(name, str(default))
    try:
        value = int(raw)
    except ValueError:
        abort(400)
    if not lo <= value <= hi:
        abort(400)
    return value


@bp.get("/")
@require_auth
def list_orders():
    limit = _int_arg("limit", 20, 1, 100)
    offset = _int_arg("offset", 0, 0, 10_000)
    repo = OrderRepository(get_db())
    orders = repo.list_for_user(g.user_id, limit, offset)
    items = repo.items_for_orders(o["id"] for o in orders)
    for order in orders:
        order["items"] = items.get(order["id"], [])
    body = jsonify({"orders": orders, "count": len(orders)})
    etag = hashlib.md5(body.get_data()).hexdigest()
    body.set_etag(etag)
    return body.make_conditional(request)


@bp.get("/search")
@require_auth
def search_orders():
    prefix = request.args.get("ref", "").strip()
    if not prefix or len(prefix) > 32:
        return jsonify({"error": "ref must be 1-32 characters"}), 400
    rows = OrderRepository(get_db()).search_by_reference_prefix(g.user_id, prefix)
    return jsonify({"orders": rows})


@bp.get("/<int:order_id>/invoice")
@require_auth
def download_invoice(order_id: int):
    order = OrderRepository(get_db()).get(g.user_id, order_id)
    if order is None or not order["invoice_file"]:
        abort(404)
    filename = secure_filename(order["invoice_file"])
    return send_from_directory(current_app.config["UPLOAD_DIR"], filename, as_attachment=True)


@bp.get("/<int:order_id>/receipt")
@require_auth
def receipt(order_id: int):
    order = OrderRepository(get_db()).get(g.user_id, order_id)
    if order is None:
        abort(404)
    return render_template("receipt.html", order=order)


@bp.post("/<int:order_id>/thumbnail")
@require_auth
def regenerate_thumbnail(order_id: int):
    order = OrderRepository(get_db()).get(g.user_id, order_id)
    if order is None or not order["invoice_file"]:
        abort(404)
    source = secure_filename(order["invoice_file"])
    try:
        subprocess.run(
            ["pdftoppm", "-png", "-singlefile", "-r", "72", "--", source, f"thumb-{order_id}"],
            cwd=current_app.config["UPLOAD_DIR"],
            check=True,
            timeout=30,
            capture_output=True,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired):
        logger.error("thumbnail generation failed for order_id=%s", order_id, exc_info=True)
        return jsonify({"error": "thumbnail generation failed"}), 502
    return jsonify({"ok": True})


@bp.get("/continue")
def continue_to():
    target = request.args.get("next", "/orders")
    if target not in SAFE_NEXT_PATHS:
        return redirect(url_for("orders.list_orders"))
    return redirect(target)


def fetch_exchange_rate(session, currency: str, attempts: int = 4) -> float:
    """Retry with exponential backoff and random jitter (jitter is not security relevant)."""
    for attempt in range(attempts):
        try:
            resp = session.get(
                "https://rates.example.com/v1/latest",
                params={"base": "USD", "symbol": currency},
                timeout=5,
            )
            resp.raise_for_status()
            return float(resp.json()["rate"])
        except Exception:
            logger.warning("rate lookup attempt %d failed", attempt + 1, exc_info=True)
            backoff = 0.2 * (2 ** attempt)
            jitter = random.uniform(0, backoff / 2)
            time.sleep(backoff + jitter)
    raise RuntimeError("exchange rate service unavailable")
