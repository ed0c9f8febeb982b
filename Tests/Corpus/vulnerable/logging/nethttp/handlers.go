package handlers

import (
	"encoding/json"
	"log"
	"log/slog"
	"net/http"
)

type Signup struct {
	Email string `json:"email"`
	Name  string `json:"name"`
}

func SignupHandler(w http.ResponseWriter, r *http.Request) {
	log.Printf("signup headers: %v", r.Header) // expect: logging/request-logged-go
	var s Signup
	if err := json.NewDecoder(r.Body).Decode(&s); err != nil {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	log.Printf("signup from %s", s.Email) // expect: logging/pii-in-log-go
	slog.Info("signup", "path", r.URL.Path, "request_id", r.Header.Get("X-Request-Id"))
	w.WriteHeader(http.StatusCreated)
}

func AuthMiddleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth := r.Header.Get("Authorization")
		if auth == "" {
			log.Printf("missing auth, header was %q", r.Header.Get("Authorization")) // expect: logging/request-logged-go
			http.Error(w, "unauthorized", http.StatusUnauthorized)
			return
		}
		log.Printf("%s %s", r.Method, r.URL.Path)
		next.ServeHTTP(w, r)
	})
}
