import os
import subprocess

from flask import Blueprint, Markup, jsonify, redirect, render_template, render_template_string, request, send_file, url_for
from werkzeug.utils import secure_filename

from .models import User, db

bp = Blueprint("tools", __name__)
UPLOAD_DIR = "/srv/uploads"


@bp.route("/ping")
def ping():
    host = request.args.get("host", "localhost")
    output = subprocess.check_output(f"ping -c 1 {host}", shell=True)  # expect: input-validation/command-injection-python
    return jsonify(output=output.decode())


@bp.route("/ping-safe")
def ping_safe():
    host = request.args.get("host", "localhost")
    output = subprocess.run(["ping", "-c", "1", host], capture_output=True, check=False)
    return jsonify(output=output.stdout.decode())


@bp.route("/files/<name>")
def download():
    name = request.args["name"]
    return send_file(os.path.join(UPLOAD_DIR, name))  # expect: input-validation/path-traversal-python


@bp.route("/files-safe")
def download_safe():
    name = secure_filename(request.args["name"])
    return send_file(os.path.join(UPLOAD_DIR, name))


@bp.route("/login/done")
def after_login():
    target = request.args.get("next")
    if target:
        return redirect(target)  # expect: input-validation/open-redirect-python
    return redirect(url_for("tools.home"))


@bp.route("/greet")
def greet():
    name = request.args.get("name", "")
    page = "<h1>Hello " + name + "</h1>"
    return render_template_string(page)  # expect: input-validation/ssti-python


@bp.route("/greet-safe")
def greet_safe():
    return render_template("greet.html", name=request.args.get("name", ""))


@bp.route("/bio")
def bio():
    return render_template("bio.html", bio=Markup(request.args["bio"]))  # expect: input-validation/xss-python


@bp.route("/calc")
def calc():
    expr = request.args["expr"]
    return jsonify(result=eval(expr))  # expect: input-validation/code-injection-python


@bp.route("/users", methods=["POST"])
def create_user():
    user = User(**request.get_json())  # expect: input-validation/mass-assignment-python
    db.session.add(user)
    db.session.commit()
    return jsonify(id=user.id), 201
