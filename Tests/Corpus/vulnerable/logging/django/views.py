import logging

from django.http import JsonResponse
from django.views.decorators.http import require_POST

from .models import Profile

logger = logging.getLogger(__name__)


@require_POST
def signup(request):
    logger.info("signup request %s", request.POST)  # expect: logging/request-logged-python
    logger.debug("signup headers: %s", request.headers)  # expect: logging/request-logged-python
    email = request.POST.get("email", "")
    profile = Profile.objects.create(email=email, phone=request.POST.get("phone", ""))
    logger.info("new profile %s for %s", profile.id, email)  # expect: logging/pii-in-log-python
    logger.debug("new profile email %s", profile.email)
    logger.info("profile %s created, email_verified=%s", profile.id, profile.email_verified)
    return JsonResponse({"id": profile.id})


def webhook(request):
    auth = request.headers.get("Authorization", "")
    logger.warning(f"webhook auth header {request.headers.get('Authorization')}")  # expect: logging/request-logged-python
    if not auth.startswith("Bearer "):
        logger.warning("webhook rejected, request id %s", request.headers.get("X-Request-Id"))
        return JsonResponse({"error": "unauthorized"}, status=401)
    logger.info("webhook %s %s", request.method, request.path)
    return JsonResponse({"ok": True})


def update_address(request, profile_id):
    profile = Profile.objects.get(pk=profile_id)
    profile.shipping_address = request.POST["shipping_address"]
    profile.save()
    logger.info("address changed to %s", profile.shipping_address)  # expect: logging/pii-in-log-python
    logger.info("profile %s address updated", profile.id)
    return JsonResponse({"ok": True})
