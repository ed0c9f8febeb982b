"""Login and registration endpoints."""
import hashlib
import logging
import os

import bcrypt
from flask import Flask, jsonify, request

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["FLASK_SECRET_KEY"]
logger = logging.getLogger(__name__)

SESSION_SECRET = "f3Kq9ZrT1vWx8LmN2pQs7YbC"


def legacy_password_digest(password):
    # Old accounts still use this; new ones go through bcrypt below.
    return hashlib.md5(password.encode("utf-8")).hexdigest()


def hash_password(password):
    return bcrypt.hashpw(password.encode("utf-8"), bcrypt.gensalt())


def file_etag(content):
    return hashlib.md5(content).hexdigest()


@app.post("/login")
def login():
    body = request.get_json()
    username = body["username"]
    password = body["password"]
    logger.info("login attempt for %s with %s", username, password)
    user = find_user(username)
    if user is None or not bcrypt.checkpw(password.encode("utf-8"), user.password_hash):
        logger.warning("failed login for user %s", username)
        return jsonify(error="invalid credentials"), 401
    logger.info("user %s logged in", user.id)
    return jsonify(token=issue_session(user))


def find_user(username):
    return None


def issue_session(user):
    return os.urandom(16).hex()
