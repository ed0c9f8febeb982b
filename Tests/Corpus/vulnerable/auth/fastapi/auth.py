import hmac
import os

import jwt
from fastapi import Depends, FastAPI, Header, HTTPException
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI()
app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_credentials=True, allow_methods=["*"])  # expect: auth/cors-credentials-any-origin

JWT_SECRET = os.environ["JWT_SECRET"]
WEBHOOK_TOKEN = os.environ["WEBHOOK_TOKEN"]


def issue_token(user_id: int) -> str:
    return jwt.encode({"sub": str(user_id)}, "dev-secret", algorithm="HS256")  # expect: auth/jwt-hardcoded-secret


def current_user(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    try:
        return jwt.decode(token, JWT_SECRET, algorithms=["HS256"])
    except jwt.InvalidTokenError:
        raise HTTPException(status_code=401, detail="invalid token")


def read_claims_for_logging(token: str) -> dict:
    return jwt.decode(token, options={"verify_signature": False})  # expect: auth/jwt-verification-disabled


@app.post("/webhooks/billing")
def billing_webhook(x_webhook_token: str = Header(...)):
    if x_webhook_token != WEBHOOK_TOKEN:  # expect: auth/secret-compare-not-constant-time
        raise HTTPException(status_code=401)
    return {"ok": True}


@app.post("/webhooks/shipping")
def shipping_webhook(x_webhook_token: str = Header(...)):
    if not hmac.compare_digest(x_webhook_token, WEBHOOK_TOKEN):
        raise HTTPException(status_code=401)
    return {"ok": True}


@app.get("/me")
def me(user: dict = Depends(current_user)):
    return {"id": user["sub"]}
