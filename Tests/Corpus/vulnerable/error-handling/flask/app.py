import logging
import os
import traceback

from flask import Flask, jsonify, request
from sqlalchemy.exc import SQLAlchemyError

from .models import Order, db

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["DEBUG"] = True  # expect: error-handling/debug-mode-flask
logger = logging.getLogger(__name__)


@app.route("/orders/<int:order_id>")
def get_order(order_id):
    try:
        order = Order.query.get_or_404(order_id)
        return jsonify(order.to_dict())
    except SQLAlchemyError as e:
        logger.exception("loading order %s failed", order_id)
        return jsonify({"error": str(e)}), 500  # expect: error-handling/exception-in-response-python


@app.route("/orders", methods=["POST"])
def create_order():
    payload = request.get_json(force=True)
    try:
        quantity = int(payload["quantity"])
    except ValueError as e:
        return jsonify(error=str(e)), 400
    try:
        order = Order(sku=payload["sku"], quantity=quantity)
        db.session.add(order)
        db.session.commit()
    except Exception as exc:
        db.session.rollback()
        return jsonify(error="could not create order", trace=traceback.format_exc()), 500  # expect: error-handling/exception-in-response-python
    return jsonify(order.to_dict()), 201


@app.route("/orders/<int:order_id>/cancel", methods=["POST"])
def cancel_order(order_id):
    try:
        Order.cancel(order_id)
    except Exception:
        logger.exception("cancel failed")
        return jsonify(error="internal error"), 500
    return "", 204


def send_receipt(order):
    try:
        order.mail_receipt()
    except Exception:  # expect: error-handling/empty-catch-python
        pass


def parse_page(raw):
    try:
        return int(raw)
    except (TypeError, ValueError):
        return 1


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=5000, debug=True)  # expect: error-handling/debug-mode-flask
