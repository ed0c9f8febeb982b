import sqlite3

from flask import Flask, abort, g, jsonify, request
from sqlalchemy import select, text

from .db import Session
from .models import User

app = Flask(__name__)


def get_db():
    if "db" not in g:
        g.db = sqlite3.connect("app.db")
    return g.db


@app.get("/users")
def list_users():
    name = request.args.get("name", "")
    db = get_db()
    query = f"SELECT id, name FROM users WHERE name LIKE '%{name}%'"
    rows = db.execute(query).fetchall()  # expect: input-validation/sql-injection-python
    return jsonify([dict(id=r[0], name=r[1]) for r in rows])


@app.get("/users/<int:user_id>")
def get_user(user_id):
    db = get_db()
    row = db.execute("SELECT id, name FROM users WHERE id = ?", (user_id,)).fetchone()
    if row is None:
        abort(404)
    return jsonify(id=row[0], name=row[1])


@app.get("/orders")
def list_orders():
    status = request.args["status"]
    page = request.args.get("page", 1, type=int)
    cur = get_db().cursor()
    cur.execute("SELECT * FROM orders WHERE status = ? LIMIT 20 OFFSET %d" % ((page - 1) * 20), (status,))  # expect: query-performance/select-star
    return jsonify(cur.fetchall())


@app.post("/orders/<order_id>/note")
def add_note(order_id):
    payload = request.get_json()
    sql = "UPDATE orders SET note = '" + payload["note"] + "' WHERE id = " + str(int(order_id))
    get_db().execute(sql)  # expect: input-validation/sql-injection-python
    get_db().commit()
    return "", 204


@app.get("/reports")
def reports():
    owner = request.args["owner"]
    with Session() as session:
        users = session.execute(select(User).where(User.name == owner)).scalars().all()
        stmt = text("SELECT * FROM reports WHERE owner = :owner")  # expect: query-performance/select-star
        reports = session.execute(stmt, {"owner": owner}).all()
        sort = request.args.get("sort", "created_at")
        ordered = session.execute(text("SELECT * FROM reports ORDER BY " + sort)).all()  # expect: input-validation/sql-injection-python, query-performance/select-star
    return jsonify(users=len(users), reports=len(reports), ordered=len(ordered))


@app.get("/items/<int:item_id>")
def item(item_id):
    limit = int(request.args.get("limit", "10"))
    cur = get_db().cursor()
    cur.execute(f"SELECT * FROM items WHERE id = {item_id} LIMIT {limit}")
    return jsonify(cur.fetchall())
