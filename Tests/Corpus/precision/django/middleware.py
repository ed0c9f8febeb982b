"""Request-id propagation and JSON error responses for the API namespace."""

import hashlib
import logging
import secrets

from django.core.cache import cache
from django.http import JsonResponse

logger = logging.getLogger("catalog.middleware")


class RequestIdMiddleware:
    header = "HTTP_X_REQUEST_ID"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.META.get(self.header, "")
        request.request_id = incoming if 8 <= len(incoming) <= 64 and incoming.isalnum() else secrets.token_hex(8)
        response = self.get_response(request)
        response["X-Request-Id"] = request.request_id
        return response

    def process_exception(self, request, exception):
        if not request.path.startswith("/api/"):
            return None
        logger.error(
            "unhandled exception request_id=%s path=%s",
            getattr(request, "request_id", "-"),
            request.path,
            exc_info=exception,
        )
        return JsonResponse({"error": "internal error", "request_id": request.request_id}, status=500)


def cached_catalog_page(page_number: int, filters: dict, build):
    """Cache rendered catalog pages; the digest is only a cache key, not a secret."""
    raw = f"{page_number}:{sorted(filters.items())}".encode("utf-8")
    cache_key = "catalog:" + hashlib.sha1(raw).hexdigest()
    result = cache.get(cache_key)
    if result is None:
        result = build()
        cache.set(cache_key, result, timeout=300)
    return result
