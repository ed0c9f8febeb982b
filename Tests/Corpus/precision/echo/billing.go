package main

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
)

type BillingService struct {
	pool   *pgxpool.Pool
	logger *slog.Logger
	encKey []byte
}

func mustKey(logger *slog.Logger) []byte {
	key, err := base64.StdEncoding.DecodeString(os.Getenv("CARD_VAULT_KEY"))
	if err != nil || len(key) != 32 {
		logger.Error("CARD_VAULT_KEY must be 32 bytes, base64 encoded")
		os.Exit(1)
	}
	return key
}

type addCardRequest struct {
	CustomerID int64  `json:"customerId" validate:"required,gt=0"`
	Number     string `json:"number" validate:"required,numeric,min=12,max=19"`
	ExpMonth   int    `json:"expMonth" validate:"required,min=1,max=12"`
	ExpYear    int    `json:"expYear" validate:"required,min=2024,max=2100"`
}

func last4(number string) string {
	if len(number) < 4 {
		return "****"
	}
	return number[len(number)-4:]
}

func (s *BillingService) seal(plaintext []byte, aad []byte) ([]byte, error) {
	block, err := aes.NewCipher(s.encKey)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, gcm.NonceSize())
	if _, err := io.ReadFull(rand.Reader, nonce); err != nil {
		return nil, err
	}
	return gcm.Seal(nonce, nonce, plaintext, aad), nil
}

func (s *BillingService) Routes(e *echo.Echo) {
	g := e.Group("/billing")
	g.POST("/cards", s.addCard)
	g.GET("/customers/:id/invoices", s.listInvoices)
	g.GET("/invoices/:id/pdf", s.invoicePDF)
	g.GET("/customers/:id/cards", s.listCards)
}

func (s *BillingService) addCard(c echo.Context) error {
	var req addCardRequest
	if err := c.Bind(&req); err != nil {
		return &appError{Status: http.StatusBadRequest, Message: "invalid input"}
	}
	if err := c.Validate(&req); err != nil {
		return &appError{Status: http.StatusBadRequest, Message: "invalid input"}
	}
	aad := []byte(strconv.FormatInt(req.CustomerID, 10))
	sealed, err := s.seal([]byte(req.Number), aad)
	if err != nil {
		return fmt.Errorf("seal card: %w", err)
	}
	var cardID int64
	err = s.pool.QueryRow(c.Request().Context(),
		`INSERT INTO cards (customer_id, last4, exp_month, exp_year, sealed_pan)
		 VALUES (@customer_id, @last4, @exp_month, @exp_year, @sealed)
		 RETURNING id`,
		pgx.NamedArgs{
			"customer_id": req.CustomerID,
			"last4":       last4(req.Number),
			"exp_month":   req.ExpMonth,
			"exp_year":    req.ExpYear,
			"sealed":      sealed,
		},
	).Scan(&cardID)
	if err != nil {
		return fmt.Errorf("insert card: %w", err)
	}
	s.logger.Info("card added", "customer_id", req.CustomerID, "card_id", cardID, "last4", last4(req.Number))
	return c.JSON(http.StatusCreated, map[string]any{"id": cardID, "last4": last4(req.Number)})
}

type invoiceRow struct {
	ID          int64     `json:"id"`
	AmountCents int64     `json:"amountCents"`
	Currency    string    `json:"currency"`
	IssuedAt    time.Time `json:"issuedAt"`
	Lines       int       `json:"lines"`
}

func (s *BillingService) listInvoices(c echo.Context) error {
	customerID, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || customerID <= 0 {
		return &appError{Status: http.StatusBadRequest, Message: "invalid customer id"}
	}
	rows, err := s.pool.Query(c.Request().Context(),
		`SELECT i.id, i.amount_cents, i.currency, i.issued_at, COUNT(l.id)
		   FROM invoices i LEFT JOIN invoice_lines l ON l.invoice_id = i.id
		  WHERE i.customer_id = $1
		  GROUP BY i.id
		  ORDER BY i.issued_at DESC
		  LIMIT 100`,
		customerID)
	if err != nil {
		return fmt.Errorf("query invoices: %w", err)
	}
	invoices, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (invoiceRow, error) {
		var inv invoiceRow
		err := r.Scan(&inv.ID, &inv.AmountCents, &inv.Currency, &inv.IssuedAt, &inv.Lines)
		return inv, err
	})
	if err != nil {
		return fmt.Errorf("collect invoices: %w", err)
	}
	return c.JSON(http.StatusOK, map[string]any{"invoices": invoices})
}

func (s *BillingService) invoicePDF(c echo.Context) error {
	invoiceID, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil {
		return &appError{Status: http.StatusBadRequest, Message: "invalid invoice id"}
	}
	var templateName string
	err = s.pool.QueryRow(c.Request().Context(), `SELECT template_name FROM invoices WHERE id = $1`, invoiceID).Scan(&templateName)
	if errors.Is(err, pgx.ErrNoRows) {
		return &appError{Status: http.StatusNotFound, Message: "not found"}
	}
	if err != nil {
		return fmt.Errorf("load invoice: %w", err)
	}
	ctx, cancel := context.WithTimeout(c.Request().Context(), 20*time.Second)
	defer cancel()
	tmpl := filepath.Join("/opt/billing/templates", filepath.Base(templateName))
	cmd := exec.CommandContext(ctx, "/usr/local/bin/render-invoice", "--template", tmpl, "--invoice", strconv.FormatInt(invoiceID, 10))
	pdf, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("render invoice %d: %w", invoiceID, err)
	}
	checksum := sha256.Sum256(pdf)
	c.Response().Header().Set("Digest", "sha-256="+base64.StdEncoding.EncodeToString(checksum[:]))
	return c.Blob(http.StatusOK, "application/pdf", pdf)
}

type cardSummary struct {
	ID       int64  `json:"id"`
	Last4    string `json:"last4"`
	ExpMonth int    `json:"expMonth"`
	ExpYear  int    `json:"expYear"`
}

func (s *BillingService) listCards(c echo.Context) error {
	customerID, err := strconv.ParseInt(c.Param("id"), 10, 64)
	if err != nil || customerID <= 0 {
		return &appError{Status: http.StatusBadRequest, Message: "invalid customer id"}
	}
	rows, err := s.pool.Query(c.Request().Context(),
		`SELECT id, last4, exp_month, exp_year FROM cards WHERE customer_id = $1 AND removed_at IS NULL ORDER BY id`,
		customerID)
	if err != nil {
		return fmt.Errorf("query cards: %w", err)
	}
	cards, err := pgx.CollectRows(rows, pgx.RowToStructByPos[cardSummary])
	if err != nil {
		return fmt.Errorf("collect cards: %w", err)
	}
	s.logger.Info("cards listed", "customer_id", customerID, "card_count", len(cards))
	return c.JSON(http.StatusOK, map[string]any{"cards": cards})
}
