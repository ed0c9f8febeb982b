"""Login, registration and token verification."""

import hashlib
import hmac
import logging
import os
import secrets
from datetime import datetime, timedelta, timezone
from functools import wraps

import bcrypt
import jwt
from flask import Blueprint, current_app, g, jsonify, make_response, redirect, request, send_from_directory, url_for
from marshmallow import Schema, ValidationError, fields, validate

from .db import UserRepository, get_db

bp = Blueprint("auth", __name__)
logger = logging.getLogger("orders.auth")

JWT_ALGORITHM = "HS256"
ACCESS_TOKEN_TTL = timedelta(minutes=15)


class RegisterSchema(Schema):
    email = fields.Email(required=True)
    password = fields.String(required=True, validate=validate.Length(min=12, max=128), load_only=True)
    display_name = fields.String(required=True, validate=validate.Length(min=1, max=80))


class LoginSchema(Schema):
    email = fields.Email(required=True)
    password = fields.String(required=True, load_only=True)


def _jwt_key() -> str:
    return current_app.config["SECRET_KEY"]


def issue_access_token(user_id: int) -> str:
    now = datetime.now(timezone.utc)
    claims = {"sub": str(user_id), "iat": now, "exp": now + ACCESS_TOKEN_TTL, "jti": secrets.token_urlsafe(16)}
    return jwt.encode(claims, _jwt_key(), algorithm=JWT_ALGORITHM)


def require_auth(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        header = request.headers.get("Authorization", "")
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer" or not token:
            return jsonify({"error": "unauthorized"}), 401
        try:
            claims = jwt.decode(token, _jwt_key(), algorithms=[JWT_ALGORITHM])
        except jwt.ExpiredSignatureError:
            return jsonify({"error": "token expired"}), 401
        except jwt.InvalidTokenError:
            logger.info("rejected invalid bearer credential for %s", request.path)
            return jsonify({"error": "unauthorized"}), 401
        g.user_id = int(claims["sub"])
        return view(*args, **kwargs)

    return wrapper


@bp.post("/register")
def register():
    try:
        data = RegisterSchema().load(request.get_json(silent=True) or {})
    except ValidationError as err:
        return jsonify({"error": "invalid input", "fields": sorted(err.messages.keys())}), 400

    repo = UserRepository(get_db())
    if repo.find_by_email(data["email"]) is not None:
        return jsonify({"error": "email already registered"}), 409

    password_hash = bcrypt.hashpw(data["password"].encode("utf-8"), bcrypt.gensalt(rounds=12))
    user_id = repo.create(data["email"], password_hash.decode("ascii"), data["display_name"])
    logger.info("registered user_id=%s", user_id)
    return jsonify({"id": user_id}), 201


@bp.post("/login")
def login():
    try:
        data = LoginSchema().load(request.get_json(silent=True) or {})
    except ValidationError:
        return jsonify({"error": "invalid input"}), 400

    repo = UserRepository(get_db())
    user = repo.find_by_email(data["email"])
    if user is None or not user["is_active"]:
        return jsonify({"error": "invalid credentials"}), 401
    if not bcrypt.checkpw(data["password"].encode("utf-8"), user["password_hash"].encode("ascii")):
        logger.warning("failed login for user_id=%s", user["id"])
        return jsonify({"error": "invalid credentials"}), 401

    repo.touch_login(user["id"])
    token_type = "Bearer"
    logger.info("login ok user_id=%s token_type=%s", user["id"], token_type)
    refresh_ttl = 14 * 24 * 3600
    refresh_value = secrets.token_urlsafe(32)
    # The value is 256 random bits, so a fast SHA-256 digest is the right way to store it (no salt/KDF needed).
    repo.create_refresh_session(user["id"], hashlib.sha256(refresh_value.encode("ascii")).hexdigest(), refresh_ttl)
    response = make_response(jsonify({"token_type": token_type, "access_token": issue_access_token(user["id"])}))
    response.set_cookie(
        "refresh_session",
        refresh_value,
        max_age=refresh_ttl,
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return response


@bp.post("/logout")
def logout():
    response = make_response(redirect(url_for("orders.list_orders")))
    response.delete_cookie("refresh_session", secure=True, httponly=True, samesite="Lax")
    return response


def sign_download(user_id: int, filename: str, expires_at: int) -> str:
    message = f"{user_id}:{filename}:{expires_at}".encode("utf-8")
    return hmac.new(_jwt_key().encode("utf-8"), message, hashlib.sha256).hexdigest()


@bp.get("/signed-download")
def signed_download():
    """Short-lived download links e-mailed to users: verified with a constant-time HMAC comparison."""
    try:
        user_id = int(request.args["uid"])
        expires_at = int(request.args["exp"])
    except (KeyError, ValueError):
        return jsonify({"error": "invalid link"}), 400
    filename = request.args.get("file", "")
    received_signature = request.args.get("sig", "")
    expected_signature = sign_download(user_id, filename, expires_at)
    if not hmac.compare_digest(expected_signature, received_signature):
        logger.warning("download link signature mismatch for user_id=%s", user_id)
        return jsonify({"error": "invalid link"}), 403
    if expires_at < int(datetime.now(timezone.utc).timestamp()):
        return jsonify({"error": "link expired"}), 410
    logger.info("signed download user_id=%s", user_id)
    export_dir = os.path.join(current_app.config["UPLOAD_DIR"], "exports", str(user_id))
    return send_from_directory(export_dir, filename, as_attachment=True)
