import os

from flask import Flask, jsonify, make_response, request, session
from flask_cors import CORS
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["WTF_CSRF_ENABLED"] = False  # expect: auth/csrf-protection-disabled
csrf = CSRFProtect(app)
CORS(app, supports_credentials=True)  # expect: auth/cors-credentials-any-origin


@app.route("/login", methods=["POST"])
def login():
    user = authenticate(request.form["email"], request.form["password"])
    if user is None:
        return jsonify(error="invalid credentials"), 401
    resp = make_response(jsonify(id=user.id))
    resp.set_cookie("session_id", user.session_id, httponly=True)  # expect: auth/cookie-without-secure-python
    resp.set_cookie("remember", user.remember_token, secure=True, httponly=False)  # expect: auth/cookie-security-flag-disabled
    resp.set_cookie("theme", request.form.get("theme", "light"), secure=True, samesite="Lax")
    return resp


@csrf.exempt  # expect: auth/csrf-protection-disabled
@app.route("/transfer", methods=["POST"])
def transfer():
    move_funds(session["user_id"], request.form["to"], int(request.form["amount"]))
    return jsonify(ok=True)


def authenticate(email, password):
    return None


def move_funds(user_id, to, amount):
    return None
