package main

import (
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
	"github.com/jmoiron/sqlx"
	"go.uber.org/zap"
)

type Ticket struct {
	ID         int64     `db:"id" json:"id"`
	ReporterID int64     `db:"reporter_id" json:"reporterId"`
	Subject    string    `db:"subject" json:"subject"`
	Status     string    `db:"status" json:"status"`
	CreatedAt  time.Time `db:"created_at" json:"createdAt"`
	Comments   []Comment `db:"-" json:"comments,omitempty"`
}

type Comment struct {
	TicketID int64  `db:"ticket_id" json:"-"`
	AuthorID int64  `db:"author_id" json:"authorId"`
	Body     string `db:"body" json:"body"`
}

type TicketRepo struct {
	db *sqlx.DB
}

func (r *TicketRepo) List(ctx context.Context, reporterID int64, status string, limit int) ([]Ticket, error) {
	var tickets []Ticket
	err := r.db.SelectContext(ctx, &tickets,
		`SELECT id, reporter_id, subject, status, created_at
		   FROM tickets WHERE reporter_id = ? AND status = ?
		  ORDER BY created_at DESC LIMIT ?`,
		reporterID, status, limit)
	if err != nil {
		return nil, fmt.Errorf("list tickets: %w", err)
	}
	if len(tickets) == 0 {
		return tickets, nil
	}
	ids := make([]int64, len(tickets))
	for i, t := range tickets {
		ids[i] = t.ID
	}
	query, args, err := sqlx.In(`SELECT ticket_id, author_id, body FROM ticket_comments WHERE ticket_id IN (?) ORDER BY id`, ids)
	if err != nil {
		return nil, fmt.Errorf("build comments query: %w", err)
	}
	var comments []Comment
	if err := r.db.SelectContext(ctx, &comments, r.db.Rebind(query), args...); err != nil {
		return nil, fmt.Errorf("list comments: %w", err)
	}
	byTicket := make(map[int64][]Comment, len(tickets))
	for _, c := range comments {
		byTicket[c.TicketID] = append(byTicket[c.TicketID], c)
	}
	for i := range tickets {
		tickets[i].Comments = byTicket[tickets[i].ID]
	}
	return tickets, nil
}

func (r *TicketRepo) Create(ctx context.Context, reporterID int64, subject, body string) (int64, error) {
	tx, err := r.db.BeginTxx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer func() { _ = tx.Rollback() }()
	res, err := tx.ExecContext(ctx, `INSERT INTO tickets (reporter_id, subject, status) VALUES (?, ?, 'open')`, reporterID, subject)
	if err != nil {
		return 0, fmt.Errorf("insert ticket: %w", err)
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, err
	}
	if _, err := tx.NamedExecContext(ctx,
		`INSERT INTO ticket_comments (ticket_id, author_id, body) VALUES (:ticket_id, :author_id, :body)`,
		Comment{TicketID: id, AuthorID: reporterID, Body: body}); err != nil {
		return 0, fmt.Errorf("insert first comment: %w", err)
	}
	return id, tx.Commit()
}

type TicketHandler struct {
	repo   *TicketRepo
	log    *zap.Logger
	jwtKey []byte
}

type createTicketRequest struct {
	Subject string `json:"subject" binding:"required,min=3,max=200"`
	Body    string `json:"body" binding:"required,max=20000"`
}

var allowedStatuses = map[string]bool{"open": true, "pending": true, "closed": true}

func (h *TicketHandler) Register(r *gin.Engine) {
	api := r.Group("/api", h.authenticate)
	api.GET("/tickets", h.list)
	api.POST("/tickets", h.create)
}

func (h *TicketHandler) authenticate(c *gin.Context) {
	raw, found := strings.CutPrefix(c.GetHeader("Authorization"), "Bearer ")
	if !found {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
		return
	}
	claims := &jwt.RegisteredClaims{}
	_, err := jwt.ParseWithClaims(raw, claims, func(t *jwt.Token) (any, error) {
		return h.jwtKey, nil
	}, jwt.WithValidMethods([]string{"HS256"}), jwt.WithIssuer("tickets"), jwt.WithExpirationRequired())
	if err != nil {
		h.log.Info("jwt rejected", zap.Error(err), zap.String("request_id", c.GetString("request_id")))
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
		return
	}
	userID, err := strconv.ParseInt(claims.Subject, 10, 64)
	if err != nil {
		c.AbortWithStatusJSON(http.StatusUnauthorized, gin.H{"error": "unauthorized"})
		return
	}
	c.Set("user_id", userID)
	c.Next()
}

func (h *TicketHandler) list(c *gin.Context) {
	status := c.DefaultQuery("status", "open")
	if !allowedStatuses[status] {
		c.JSON(http.StatusBadRequest, gin.H{"error": "unknown status"})
		return
	}
	limit, err := strconv.Atoi(c.DefaultQuery("limit", "25"))
	if err != nil || limit < 1 || limit > 100 {
		c.JSON(http.StatusBadRequest, gin.H{"error": "limit must be 1-100"})
		return
	}
	tickets, err := h.repo.List(c.Request.Context(), c.GetInt64("user_id"), status, limit)
	if err != nil {
		h.log.Error("list tickets failed", zap.Error(err), zap.String("request_id", c.GetString("request_id")))
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	sum := sha256.New()
	for _, t := range tickets {
		fmt.Fprintf(sum, "%d:%s:%d;", t.ID, t.Status, len(t.Comments))
	}
	etag := `"` + hex.EncodeToString(sum.Sum(nil))[:24] + `"`
	if c.GetHeader("If-None-Match") == etag {
		c.Status(http.StatusNotModified)
		return
	}
	c.Header("ETag", etag)
	c.JSON(http.StatusOK, gin.H{"tickets": tickets, "count": len(tickets)})
}

func (h *TicketHandler) create(c *gin.Context) {
	var req createTicketRequest
	if err := c.ShouldBindJSON(&req); err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": "invalid input"})
		return
	}
	var id int64
	err := withRetry(c.Request.Context(), 3, func() error {
		var err error
		id, err = h.repo.Create(c.Request.Context(), c.GetInt64("user_id"), req.Subject, req.Body)
		return err
	})
	if err != nil {
		h.log.Error("create ticket failed", zap.Error(err), zap.Int64("user_id", c.GetInt64("user_id")))
		c.JSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
		return
	}
	h.log.Info("ticket created", zap.Int64("ticket_id", id), zap.Int64("user_id", c.GetInt64("user_id")))
	c.JSON(http.StatusCreated, gin.H{"id": id})
}

// withRetry retries transient failures with exponential backoff plus random jitter.
// math/rand is fine here: the jitter only spreads retries out, it protects nothing.
func withRetry(ctx context.Context, attempts int, fn func() error) error {
	var err error
	for i := 0; i < attempts; i++ {
		if err = fn(); err == nil || errors.Is(err, sql.ErrNoRows) {
			return err
		}
		backoff := time.Duration(50<<i) * time.Millisecond
		jitter := time.Duration(rand.Int64N(int64(backoff / 2)))
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-time.After(backoff + jitter):
		}
	}
	return err
}
