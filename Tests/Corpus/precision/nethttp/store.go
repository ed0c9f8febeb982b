package main

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

var ErrNotFound = errors.New("not found")

type Store struct {
	db *sql.DB
}

type Account struct {
	ID           int64
	Email        string
	PasswordHash []byte
	CreatedAt    time.Time
}

type Document struct {
	ID        int64
	OwnerID   int64
	Title     string
	FileName  string
	UpdatedAt time.Time
	Labels    []string
}

func (s *Store) AccountByEmail(ctx context.Context, email string) (*Account, error) {
	var a Account
	err := s.db.QueryRowContext(ctx,
		`SELECT id, email, password_hash, created_at FROM accounts WHERE email = $1`,
		strings.ToLower(email),
	).Scan(&a.ID, &a.Email, &a.PasswordHash, &a.CreatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("account by email: %w", err)
	}
	return &a, nil
}

func (s *Store) CreateAccount(ctx context.Context, email string, passwordHash []byte) (int64, error) {
	var id int64
	err := s.db.QueryRowContext(ctx,
		`INSERT INTO accounts (email, password_hash) VALUES ($1, $2) RETURNING id`,
		strings.ToLower(email), passwordHash,
	).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("create account: %w", err)
	}
	return id, nil
}

func (s *Store) ListDocuments(ctx context.Context, ownerID int64, titlePrefix string, limit, offset int) ([]Document, error) {
	escaped := strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(titlePrefix)
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, owner_id, title, file_name, updated_at
		   FROM documents
		  WHERE owner_id = $1 AND title LIKE $2 || '%'
		  ORDER BY updated_at DESC
		  LIMIT $3 OFFSET $4`,
		ownerID, escaped, limit, offset,
	)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()

	var docs []Document
	ids := make([]int64, 0, limit)
	for rows.Next() {
		var d Document
		if err := rows.Scan(&d.ID, &d.OwnerID, &d.Title, &d.FileName, &d.UpdatedAt); err != nil {
			return nil, fmt.Errorf("scan document: %w", err)
		}
		docs = append(docs, d)
		ids = append(ids, d.ID)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("iterate documents: %w", err)
	}
	if len(ids) == 0 {
		return docs, nil
	}

	labels, err := s.labelsFor(ctx, ids)
	if err != nil {
		return nil, err
	}
	for i := range docs {
		docs[i].Labels = labels[docs[i].ID]
	}
	return docs, nil
}

func (s *Store) labelsFor(ctx context.Context, docIDs []int64) (map[int64][]string, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT document_id, label FROM document_labels WHERE document_id = ANY($1)`,
		docIDs,
	)
	if err != nil {
		return nil, fmt.Errorf("labels: %w", err)
	}
	defer rows.Close()
	out := make(map[int64][]string, len(docIDs))
	for rows.Next() {
		var id int64
		var label string
		if err := rows.Scan(&id, &label); err != nil {
			return nil, fmt.Errorf("scan label: %w", err)
		}
		out[id] = append(out[id], label)
	}
	return out, rows.Err()
}

func (s *Store) Document(ctx context.Context, ownerID, docID int64) (*Document, error) {
	var d Document
	err := s.db.QueryRowContext(ctx,
		`SELECT id, owner_id, title, file_name, updated_at FROM documents WHERE id = $1 AND owner_id = $2`,
		docID, ownerID,
	).Scan(&d.ID, &d.OwnerID, &d.Title, &d.FileName, &d.UpdatedAt)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, fmt.Errorf("document: %w", err)
	}
	return &d, nil
}
