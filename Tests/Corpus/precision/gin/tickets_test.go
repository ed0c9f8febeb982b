package main

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/gin-gonic/gin"
	"go.uber.org/zap"
)

func TestWithRetryStopsOnSuccess(t *testing.T) {
	calls := 0
	err := withRetry(context.Background(), 5, func() error {
		calls++
		if calls < 2 {
			return errors.New("transient")
		}
		return nil
	})
	if err != nil || calls != 2 {
		t.Fatalf("expected success after 2 calls, got %d calls err=%v", calls, err)
	}
}

func TestListRequiresBearer(t *testing.T) {
	gin.SetMode(gin.TestMode)
	r := gin.New()
	h := &TicketHandler{log: zap.NewNop(), jwtKey: make([]byte, 32)}
	h.Register(r)

	w := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/api/tickets", nil)
	r.ServeHTTP(w, req)
	if w.Code != http.StatusUnauthorized {
		t.Fatalf("expected 401, got %d", w.Code)
	}
}

func TestListRejectsNoneAlgorithm(t *testing.T) {
	gin.SetMode(gin.TestMode)
	r := gin.New()
	h := &TicketHandler{log: zap.NewNop(), jwtKey: make([]byte, 32)}
	h.Register(r)

	// header {"alg":"none"} with an empty signature must be refused by WithValidMethods.
	unsigned := "eyJhbGciOiJub25lIn0.e30."
	w := httptest.NewRecorder()
	req := httptest.NewRequest(http.MethodGet, "/api/tickets", nil)
	req.Header.Set("Authorization", "Bearer "+unsigned)
	r.ServeHTTP(w, req)
	if w.Code != http.StatusUnauthorized {
		t.Fatalf("expected 401, got %d", w.Code)
	}
}
