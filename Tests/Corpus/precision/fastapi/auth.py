"""Authentication router: argon2 password hashing and HS256 JWTs."""

import logging
import secrets
from datetime import datetime, timedelta, timezone
from typing import Annotated
from uuid import UUID

import jwt
from argon2 import PasswordHasher
from argon2.exceptions import VerificationError, VerifyMismatchError
from fastapi import APIRouter, Depends, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, EmailStr, Field

from ..db import UserRepo
from ..main import settings

router = APIRouter()
logger = logging.getLogger("notes.auth")
password_hasher = PasswordHasher(time_cost=3, memory_cost=64 * 1024, parallelism=2)
bearer = HTTPBearer(auto_error=False)

ALGORITHMS = ["HS256"]


class Credentials(BaseModel):
    email: EmailStr
    password: str = Field(min_length=12, max_length=128)


class TokenResponse(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


def users(request: Request) -> UserRepo:
    return UserRepo(request.app.state.pool)


def _sign(user_id: UUID, ttl: timedelta) -> str:
    now = datetime.now(timezone.utc)
    payload = {"sub": str(user_id), "iat": now, "exp": now + ttl, "jti": secrets.token_urlsafe(12)}
    return jwt.encode(payload, settings.jwt_secret.get_secret_value(), algorithm="HS256")


async def current_user_id(
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> UUID:
    if creds is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="not authenticated")
    try:
        claims = jwt.decode(
            creds.credentials,
            settings.jwt_secret.get_secret_value(),
            algorithms=ALGORITHMS,
            options={"require": ["exp", "sub"]},
        )
    except jwt.PyJWTError:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="not authenticated")
    return UUID(claims["sub"])


@router.post("/register", status_code=status.HTTP_201_CREATED)
async def register(body: Credentials, repo: Annotated[UserRepo, Depends(users)]) -> dict:
    if await repo.by_email(body.email) is not None:
        raise HTTPException(status_code=status.HTTP_409_CONFLICT, detail="email already registered")
    user_id = await repo.insert(body.email, password_hasher.hash(body.password))
    logger.info("user registered user_id=%s", user_id)
    return {"id": str(user_id)}


@router.post("/login", response_model=TokenResponse)
async def login(body: Credentials, repo: Annotated[UserRepo, Depends(users)]):
    user = await repo.by_email(body.email)
    if user is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="invalid credentials")
    try:
        password_hasher.verify(user["password_hash"], body.password)
    except (VerifyMismatchError, VerificationError):
        logger.warning("login failed user_id=%s", user["id"])
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="invalid credentials")

    if password_hasher.check_needs_rehash(user["password_hash"]):
        await repo.update_password_hash(user["id"], password_hasher.hash(body.password))
        logger.info("password hash parameters upgraded for user_id=%s", user["id"])

    ttl = timedelta(minutes=30)
    logger.info("login ok user_id=%s", user["id"])
    return TokenResponse(access_token=_sign(user["id"], ttl), expires_in=int(ttl.total_seconds()))
