def test_a(client):
    r = client.get(f"/u/{1}")
    assert r.status_code == 404

def test_b(client):
    client.post("/b/x")
