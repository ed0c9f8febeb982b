from django.contrib.auth.hashers import check_password, make_password
from django.test import Client, TestCase
from django.urls import reverse


class HasherTests(TestCase):
    """Uses the configured Argon2 hasher; make_password never stores the plain value."""

    def test_roundtrip(self):
        encoded = make_password("a sufficiently long passphrase")
        self.assertTrue(encoded.startswith("argon2"))
        self.assertTrue(check_password("a sufficiently long passphrase", encoded))
        self.assertFalse(check_password("another passphrase", encoded))


class CatalogViewTests(TestCase):
    def setUp(self):
        self.client = Client(enforce_csrf_checks=True)

    def test_search_rejects_bad_page(self):
        resp = self.client.get(reverse("catalog:book_search"), {"page": "-3"})
        self.assertEqual(resp.status_code, 400)
        self.assertEqual(resp.json(), {"error": "invalid query"})

    def test_login_redirect_ignores_foreign_host(self):
        resp = self.client.get(reverse("catalog:sign_in") + "?next=https://evil.example.net/")
        self.assertEqual(resp.status_code, 200)

    def test_borrow_requires_login(self):
        resp = self.client.post(reverse("catalog:borrow", args=[1]))
        self.assertEqual(resp.status_code, 403)
