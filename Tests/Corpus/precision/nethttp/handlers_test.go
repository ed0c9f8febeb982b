package main

import (
	"crypto/rand"
	"io"
	"log/slog"
	"testing"
	"time"
)

func testAPI(t *testing.T) *API {
	t.Helper()
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	return &API{cfg: Config{SigningKey: key}, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

func TestSessionRoundTrip(t *testing.T) {
	a := testAPI(t)
	value := a.signSession(42, time.Now().Add(time.Hour))
	id, ok := a.verifySession(value)
	if !ok || id != 42 {
		t.Fatalf("expected user 42, got %d ok=%v", id, ok)
	}
}

func TestSessionTamperRejected(t *testing.T) {
	a := testAPI(t)
	value := a.signSession(42, time.Now().Add(time.Hour))
	if _, ok := a.verifySession("43" + value[2:]); ok {
		t.Fatal("tampered session accepted")
	}
}

func TestSessionExpired(t *testing.T) {
	a := testAPI(t)
	value := a.signSession(7, time.Now().Add(-time.Minute))
	if _, ok := a.verifySession(value); ok {
		t.Fatal("expired session accepted")
	}
}
