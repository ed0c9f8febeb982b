from flask import Flask, Blueprint
app = Flask(__name__)
bp = Blueprint("b", __name__, url_prefix="/b")
@app.route("/u/<int:id>", methods=["GET", "PUT"])
def u(id): ...
@bp.post("/x")
def x(): ...
app.register_blueprint(bp, url_prefix="/api")
