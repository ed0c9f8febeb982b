"""Application factory, configuration and error handling for the orders service."""

import logging
import os
import uuid
from datetime import timedelta

from flask import Flask, g, jsonify, request
from flask_cors import CORS
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException

from .db import close_db
from .routes import bp as orders_bp
from .auth import bp as auth_bp

logger = logging.getLogger("orders")

csrf = CSRFProtect()

ALLOWED_ORIGINS = [
    "https://app.example.com",
    "https://admin.example.com",
]


def configure_logging(level_name: str) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(
        logging.Formatter("%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s")
    )

    class RequestIdFilter(logging.Filter):
        def filter(self, record: logging.LogRecord) -> bool:
            try:
                record.request_id = getattr(g, "request_id", "-")
            except RuntimeError:
                record.request_id = "-"
            return True

    handler.addFilter(RequestIdFilter())
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(getattr(logging, level_name.upper(), logging.INFO))


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.update(
        SECRET_KEY=os.environ["FLASK_SECRET_KEY"],
        DATABASE_URL=os.environ["DATABASE_URL"],
        STRIPE_SECRET_KEY=os.environ.get("STRIPE_SECRET_KEY", ""),
        SESSION_COOKIE_SECURE=True,
        SESSION_COOKIE_HTTPONLY=True,
        SESSION_COOKIE_SAMESITE="Lax",
        PERMANENT_SESSION_LIFETIME=timedelta(hours=8),
        MAX_CONTENT_LENGTH=5 * 1024 * 1024,
        UPLOAD_DIR=os.environ.get("UPLOAD_DIR", "/var/lib/orders/uploads"),
    )
    configure_logging(os.environ.get("LOG_LEVEL", "info"))

    csrf.init_app(app)
    CORS(app, origins=ALLOWED_ORIGINS, supports_credentials=True)

    app.register_blueprint(auth_bp, url_prefix="/auth")
    app.register_blueprint(orders_bp, url_prefix="/orders")
    app.teardown_appcontext(close_db)

    @app.before_request
    def assign_request_id() -> None:
        incoming = request.headers.get("X-Request-Id", "")
        g.request_id = incoming if incoming.isalnum() and len(incoming) <= 64 else uuid.uuid4().hex

    @app.after_request
    def security_headers(response):
        response.headers["X-Request-Id"] = g.request_id
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers["Strict-Transport-Security"] = "max-age=31536000; includeSubDomains"
        return response

    @app.errorhandler(HTTPException)
    def handle_http_error(exc: HTTPException):
        return jsonify({"error": exc.name}), exc.code

    @app.errorhandler(Exception)
    def handle_unexpected(exc: Exception):
        logger.exception("unhandled error on %s %s", request.method, request.path)
        return jsonify({"error": "internal error"}), 500

    return app


if __name__ == "__main__":
    create_app().run(
        host=os.environ.get("HOST", "127.0.0.1"),
        port=int(os.environ.get("PORT", "8000")),
        debug=os.environ.get("FLASK_DEBUG") == "1",
    )
