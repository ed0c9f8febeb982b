package api

import (
	"database/sql"
	"net/http"

	"github.com/gin-gonic/gin"
	"github.com/lib/pq"
)

type Order struct {
	ID           int64
	CustomerID   int64
	CustomerName string
}

type Handler struct {
	db *sql.DB
}

func (h *Handler) ListOrders(c *gin.Context) {
	rows, err := h.db.QueryContext(c, "SELECT id, customer_id FROM orders WHERE status = 'paid'")
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": "db"})
		return
	}
	defer rows.Close()
	var orders []Order
	for rows.Next() {
		var o Order
		if err := rows.Scan(&o.ID, &o.CustomerID); err != nil {
			return
		}
		orders = append(orders, o)
	}
	for i := range orders {
		_ = h.db.QueryRowContext(c, "SELECT name FROM customers WHERE id = $1", orders[i].CustomerID).Scan(&orders[i].CustomerName) // expect: query-performance/query-in-loop-go
	}
	c.JSON(http.StatusOK, orders)
}

func (h *Handler) Customers(c *gin.Context, ids []int64) (*sql.Rows, error) {
	return h.db.QueryContext(c, "SELECT id, name FROM customers WHERE id = ANY($1)", pq.Array(ids))
}

func (h *Handler) Export(c *gin.Context) (*sql.Rows, error) {
	return h.db.QueryContext(c, "SELECT * FROM orders") // expect: query-performance/select-star
}
