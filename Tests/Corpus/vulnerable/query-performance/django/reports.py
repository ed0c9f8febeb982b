from django.db import connection
from django.http import JsonResponse

from .models import Customer, Order


def order_report(request):
    orders = Order.objects.filter(status="paid").order_by("-created_at")[:100]
    rows = []
    for order in orders:
        customer = Customer.objects.get(pk=order.customer_id)  # expect: query-performance/query-in-loop-python
        rows.append({"order": order.id, "customer": customer.name})
    return JsonResponse({"rows": rows})


def order_report_fast(request):
    orders = list(Order.objects.filter(status="paid").select_related("customer")[:100])
    rows = [{"order": o.id, "customer": o.customer.name} for o in orders]
    return JsonResponse({"rows": rows})


def search_customers(request):
    term = request.GET.get("q", "")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT * FROM shop_customer WHERE name LIKE '%%' || %s || '%%'",  # expect: query-performance/select-star, query-performance/leading-wildcard-like
            [term],
        )
        found = cursor.fetchall()
    return JsonResponse({"found": found})


def totals(request):
    ids = [int(i) for i in request.GET.getlist("id")]
    totals = {}
    with connection.cursor() as cursor:
        for customer_id in ids:
            cursor.execute("SELECT SUM(total) FROM shop_order WHERE customer_id = %s", [customer_id])  # expect: query-performance/query-in-loop-python
            totals[customer_id] = cursor.fetchone()[0]
        cursor.execute("SELECT id, name FROM shop_customer WHERE id = ANY(%s)", [ids])
    return JsonResponse(totals)
