package api

import (
	"database/sql"
	"encoding/json"
	"net/http"

	"github.com/gorilla/mux"
	"github.com/jmoiron/sqlx"
)

type Server struct {
	db  *sqlx.DB
	raw *sql.DB
}

func (s *Server) Account(w http.ResponseWriter, r *http.Request) {
	id := mux.Vars(r)["id"]
	var acc Account
	if err := s.db.Get(&acc, "SELECT * FROM accounts WHERE id = $1", id); err != nil {  // expect: query-performance/select-star
		http.Error(w, "not found", http.StatusNotFound)
		return
	}
	json.NewEncoder(w).Encode(acc)
}

func (s *Server) Accounts(w http.ResponseWriter, r *http.Request) {
	owner := r.URL.Query().Get("owner")
	var accs []Account
	err := s.db.Select(&accs, "SELECT * FROM accounts WHERE owner = '"+owner+"'") // expect: input-validation/sql-injection-go, query-performance/select-star
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	json.NewEncoder(w).Encode(accs)
}

func (s *Server) Close(w http.ResponseWriter, r *http.Request) {
	reason := r.FormValue("reason")
	id := mux.Vars(r)["id"]
	tx, err := s.raw.BeginTx(r.Context(), nil)
	if err != nil {
		http.Error(w, "error", http.StatusInternalServerError)
		return
	}
	_, err = tx.ExecContext(r.Context(), "UPDATE accounts SET closed = true, reason = $1 WHERE id = $2", reason, id)
	_, err = tx.ExecContext(r.Context(), "INSERT INTO audit (msg) VALUES ('"+reason+"')") // expect: input-validation/sql-injection-go
	if err != nil {
		tx.Rollback()
		return
	}
	tx.Commit()
	w.WriteHeader(http.StatusNoContent)
}
