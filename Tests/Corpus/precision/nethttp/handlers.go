package main

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"log/slog"
	"net/http"
	"net/mail"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/crypto/bcrypt"
)

type API struct {
	cfg    Config
	log    *slog.Logger
	store  *Store
	client *http.Client
}

func (a *API) Routes() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /accounts", a.register)
	mux.HandleFunc("POST /sessions", a.login)
	mux.Handle("GET /documents", a.requireSession(http.HandlerFunc(a.listDocuments)))
	mux.Handle("GET /documents/{id}/download", a.requireSession(http.HandlerFunc(a.download)))
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	return mux
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func (a *API) internalError(w http.ResponseWriter, r *http.Request, msg string, err error) {
	a.log.Error(msg, "err", err, "request_id", requestID(r.Context()), "path", r.URL.Path)
	writeJSON(w, http.StatusInternalServerError, map[string]string{"error": "internal error"})
}

type credentials struct {
	Email    string `json:"email"`
	Password string `json:"password"`
}

func (c credentials) validate() error {
	if _, err := mail.ParseAddress(c.Email); err != nil || len(c.Email) > 254 {
		return errors.New("invalid email")
	}
	if len(c.Password) < 12 || len(c.Password) > 72 {
		return errors.New("password must be 12-72 bytes")
	}
	return nil
}

func decodeCredentials(w http.ResponseWriter, r *http.Request) (credentials, error) {
	var c credentials
	dec := json.NewDecoder(http.MaxBytesReader(w, r.Body, 16<<10))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&c); err != nil {
		return c, err
	}
	return c, c.validate()
}

func (a *API) register(w http.ResponseWriter, r *http.Request) {
	c, err := decodeCredentials(w, r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid input"})
		return
	}
	hash, err := bcrypt.GenerateFromPassword([]byte(c.Password), bcrypt.DefaultCost+2)
	if err != nil {
		a.internalError(w, r, "hash password", err)
		return
	}
	id, err := a.store.CreateAccount(r.Context(), c.Email, hash)
	if err != nil {
		a.internalError(w, r, "create account", err)
		return
	}
	a.log.Info("account created", "user_id", id)
	writeJSON(w, http.StatusCreated, map[string]int64{"id": id})
}

func (a *API) login(w http.ResponseWriter, r *http.Request) {
	c, err := decodeCredentials(w, r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid input"})
		return
	}
	acct, err := a.store.AccountByEmail(r.Context(), c.Email)
	if errors.Is(err, ErrNotFound) {
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid credentials"})
		return
	}
	if err != nil {
		a.internalError(w, r, "lookup account", err)
		return
	}
	if err := bcrypt.CompareHashAndPassword(acct.PasswordHash, []byte(c.Password)); err != nil {
		a.log.Warn("login failed", "user_id", acct.ID)
		writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "invalid credentials"})
		return
	}
	http.SetCookie(w, &http.Cookie{
		Name:     "session",
		Value:    a.signSession(acct.ID, time.Now().Add(12*time.Hour)),
		Path:     "/",
		MaxAge:   12 * 3600,
		Secure:   true,
		HttpOnly: true,
		SameSite: http.SameSiteLaxMode,
	})
	a.log.Info("login ok", "user_id", acct.ID)
	writeJSON(w, http.StatusOK, map[string]int64{"id": acct.ID})
}

// signSession produces "<user>.<expiry>.<nonce>.<mac>"; the MAC is HMAC-SHA256 keyed from config.
func (a *API) signSession(userID int64, expires time.Time) string {
	nonce := make([]byte, 16)
	if _, err := rand.Read(nonce); err != nil {
		panic("crypto/rand unavailable: " + err.Error())
	}
	payload := strconv.FormatInt(userID, 10) + "." + strconv.FormatInt(expires.Unix(), 10) + "." + base64.RawURLEncoding.EncodeToString(nonce)
	mac := hmac.New(sha256.New, a.cfg.SigningKey)
	mac.Write([]byte(payload))
	return payload + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func (a *API) verifySession(value string) (int64, bool) {
	idx := strings.LastIndexByte(value, '.')
	if idx <= 0 {
		return 0, false
	}
	payload, sig := value[:idx], value[idx+1:]
	got, err := base64.RawURLEncoding.DecodeString(sig)
	if err != nil {
		return 0, false
	}
	mac := hmac.New(sha256.New, a.cfg.SigningKey)
	mac.Write([]byte(payload))
	if !hmac.Equal(got, mac.Sum(nil)) {
		return 0, false
	}
	parts := strings.Split(payload, ".")
	if len(parts) != 3 {
		return 0, false
	}
	exp, err := strconv.ParseInt(parts[1], 10, 64)
	if err != nil || time.Now().Unix() > exp {
		return 0, false
	}
	userID, err := strconv.ParseInt(parts[0], 10, 64)
	return userID, err == nil
}

type userIDKey struct{}

func contextWithUser(ctx context.Context, userID int64) context.Context {
	return context.WithValue(ctx, userIDKey{}, userID)
}

func userFrom(ctx context.Context) int64 {
	id, _ := ctx.Value(userIDKey{}).(int64)
	return id
}

func (a *API) requireSession(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cookie, err := r.Cookie("session")
		if err != nil {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
			return
		}
		userID, ok := a.verifySession(cookie.Value)
		if !ok {
			writeJSON(w, http.StatusUnauthorized, map[string]string{"error": "unauthorized"})
			return
		}
		next.ServeHTTP(w, r.WithContext(contextWithUser(r.Context(), userID)))
	})
}

func queryInt(r *http.Request, name string, def, min, max int) (int, error) {
	raw := r.URL.Query().Get(name)
	if raw == "" {
		return def, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < min || n > max {
		return 0, errors.New("out of range: " + name)
	}
	return n, nil
}

func (a *API) listDocuments(w http.ResponseWriter, r *http.Request) {
	limit, err := queryInt(r, "limit", 20, 1, 100)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid limit"})
		return
	}
	offset, err := queryInt(r, "offset", 0, 0, 10000)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid offset"})
		return
	}
	prefix := r.URL.Query().Get("title")
	if len(prefix) > 64 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "title prefix too long"})
		return
	}
	docs, err := a.store.ListDocuments(r.Context(), userFrom(r.Context()), prefix, limit, offset)
	if err != nil {
		a.internalError(w, r, "list documents", err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"documents": docs, "count": len(docs)})
}

func (a *API) download(w http.ResponseWriter, r *http.Request) {
	docID, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || docID <= 0 {
		writeJSON(w, http.StatusBadRequest, map[string]string{"error": "invalid id"})
		return
	}
	doc, err := a.store.Document(r.Context(), userFrom(r.Context()), docID)
	if errors.Is(err, ErrNotFound) {
		writeJSON(w, http.StatusNotFound, map[string]string{"error": "not found"})
		return
	}
	if err != nil {
		a.internalError(w, r, "load document", err)
		return
	}
	full := filepath.Join(a.cfg.FilesDir, filepath.Base(doc.FileName))
	w.Header().Set("Content-Disposition", `attachment; filename="`+strings.ReplaceAll(filepath.Base(doc.FileName), `"`, "")+`"`)
	http.ServeFile(w, r, full)
}
