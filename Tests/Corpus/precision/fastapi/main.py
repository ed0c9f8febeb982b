"""Notes API: FastAPI app wiring, settings and error handlers."""

import logging
import uuid
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse
from pydantic import SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict
from starlette.exceptions import HTTPException as StarletteHTTPException

from .db import create_pool
from .routers import auth, notes

logger = logging.getLogger("notes")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="NOTES_", env_file=".env")

    database_dsn: str
    jwt_secret: SecretStr
    encryption_key_b64: SecretStr
    cors_origins: list[str] = ["https://notes.example.com"]
    debug: bool = False
    log_level: str = "INFO"


settings = Settings()


@asynccontextmanager
async def lifespan(app: FastAPI):
    logging.basicConfig(
        level=settings.log_level,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    app.state.pool = await create_pool(settings.database_dsn)
    logger.info("database pool ready, size=%d", app.state.pool.get_size())
    try:
        yield
    finally:
        await app.state.pool.close()


app = FastAPI(title="Notes", lifespan=lifespan, debug=settings.debug)

app.add_middleware(
    CORSMiddleware,
    allow_origins=settings.cors_origins,
    allow_credentials=True,
    allow_methods=["GET", "POST", "PATCH", "DELETE"],
    allow_headers=["Authorization", "Content-Type"],
)


@app.middleware("http")
async def request_id_middleware(request: Request, call_next):
    request_id = request.headers.get("x-request-id") or uuid.uuid4().hex
    request.state.request_id = request_id[:64]
    response = await call_next(request)
    response.headers["X-Request-Id"] = request.state.request_id
    return response


@app.exception_handler(RequestValidationError)
async def validation_handler(request: Request, exc: RequestValidationError):
    fields = [".".join(str(p) for p in err["loc"][1:]) for err in exc.errors()]
    return JSONResponse(status_code=422, content={"error": "validation failed", "fields": fields})


@app.exception_handler(StarletteHTTPException)
async def http_handler(request: Request, exc: StarletteHTTPException):
    return JSONResponse(status_code=exc.status_code, content={"error": exc.detail})


@app.exception_handler(Exception)
async def unhandled_handler(request: Request, exc: Exception):
    logger.error(
        "unhandled error request_id=%s path=%s",
        getattr(request.state, "request_id", "-"),
        request.url.path,
        exc_info=exc,
    )
    return JSONResponse(status_code=500, content={"error": "internal error"})


app.include_router(auth.router, prefix="/auth", tags=["auth"])
app.include_router(notes.router, prefix="/notes", tags=["notes"])
