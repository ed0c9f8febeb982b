import os

from django.conf import settings
from django.http import FileResponse, HttpResponse, HttpResponseRedirect, JsonResponse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe

from .models import Profile


def logout_view(request):
    next_url = request.GET.get("next", "/")
    return HttpResponseRedirect(next_url)  # expect: input-validation/open-redirect-python


def login_done(request):
    next_url = request.GET.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = "/"
    return HttpResponseRedirect(next_url)


def hello(request):
    name = request.GET.get("name", "")
    return HttpResponse(f"<h1>Hello {name}</h1>")  # expect: input-validation/xss-python


def hello_safe(request):
    return HttpResponse(format_html("<h1>Hello {}</h1>", request.GET.get("name", "")))


def signature(request):
    sig = mark_safe(request.POST["signature"])  # expect: input-validation/xss-python
    return JsonResponse({"preview": str(sig)})


def report(request):
    path = os.path.join(settings.MEDIA_ROOT, "reports", request.GET["file"])
    return FileResponse(open(path, "rb"))  # expect: input-validation/path-traversal-python


def report_by_id(request):
    report_id = int(request.GET["id"])
    return FileResponse(open(os.path.join(settings.MEDIA_ROOT, f"{report_id}.pdf"), "rb"))


def create_profile(request):
    profile = Profile.objects.create(**request.POST.dict())  # expect: input-validation/mass-assignment-python
    return JsonResponse({"id": profile.id})


def archive(request):
    folder = request.POST["folder"]
    os.system("tar czf /tmp/archive.tgz " + folder)  # expect: input-validation/command-injection-python
    return JsonResponse({"ok": True})
