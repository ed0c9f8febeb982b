from django.http import HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST


@csrf_exempt  # expect: auth/csrf-protection-disabled
@require_POST
def update_email(request):
    request.user.email = request.POST["email"]
    request.user.save()
    return JsonResponse({"ok": True})


@require_POST
def update_name(request):
    request.user.first_name = request.POST["first_name"]
    request.user.save()
    return HttpResponse(status=204)
