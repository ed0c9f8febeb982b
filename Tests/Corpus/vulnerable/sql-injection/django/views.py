from django.db import connection
from django.http import JsonResponse
from django.views import View

from .models import Article, Comment


def search(request):
    term = request.GET.get("q", "")
    articles = Article.objects.filter(title__icontains=term)
    raw = Article.objects.raw("SELECT * FROM blog_article WHERE title = %s", [term])  # expect: query-performance/select-star
    tagged = Article.objects.raw("SELECT * FROM blog_article WHERE tag = '%s'" % request.GET["tag"])  # expect: input-validation/sql-injection-python, query-performance/select-star
    return JsonResponse({"count": len(list(articles)) + len(list(raw)) + len(list(tagged))})


def delete_comment(request, pk):
    author = request.POST["author"]
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM blog_comment WHERE id = %s AND author = %s", [pk, author])
        cursor.execute("DELETE FROM blog_comment WHERE author = '{}'".format(author))  # expect: input-validation/sql-injection-python
    return JsonResponse({"ok": True})


def by_year(request):
    year = int(request.GET["year"])
    qs = Comment.objects.extra(where=["EXTRACT(year FROM created) = %d" % year])
    order = request.GET.get("order", "id")
    legacy = Comment.objects.extra(where=["status = '%s'" % request.GET["status"]])  # expect: input-validation/sql-injection-python
    return JsonResponse({"n": qs.count() + legacy.count(), "order": order})


class ReportView(View):
    def get(self, request):
        column = self.request.GET.get("column", "id")
        with connection.cursor() as cur:
            cur.execute(f"SELECT {column} FROM blog_report")  # expect: input-validation/sql-injection-python
            rows = cur.fetchall()
        return JsonResponse({"rows": rows})
