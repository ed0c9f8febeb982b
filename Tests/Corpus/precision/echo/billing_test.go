package main

import (
	"bytes"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"testing"
)

func TestLast4MasksCardNumber(t *testing.T) {
	cases := map[string]string{
		"4111111111111111": "1111",
		"123":              "****",
	}
	for in, want := range cases {
		if got := last4(in); got != want {
			t.Errorf("last4(len=%d) = %q, want %q", len(in), got, want)
		}
	}
}

func TestSealUsesFreshNonceAndOpens(t *testing.T) {
	key := make([]byte, 32)
	if _, err := rand.Read(key); err != nil {
		t.Fatal(err)
	}
	s := &BillingService{encKey: key}
	aad := []byte("42")
	a, err := s.seal([]byte("4111111111111111"), aad)
	if err != nil {
		t.Fatal(err)
	}
	b, err := s.seal([]byte("4111111111111111"), aad)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Equal(a, b) {
		t.Fatal("two seals of the same plaintext must differ")
	}
	block, _ := aes.NewCipher(key)
	gcm, _ := cipher.NewGCM(block)
	plain, err := gcm.Open(nil, a[:gcm.NonceSize()], a[gcm.NonceSize():], aad)
	if err != nil || string(plain) != "4111111111111111" {
		t.Fatalf("open failed: %v", err)
	}
	if _, err := gcm.Open(nil, a[:gcm.NonceSize()], a[gcm.NonceSize():], []byte("43")); err == nil {
		t.Fatal("wrong associated data must fail authentication")
	}
}
