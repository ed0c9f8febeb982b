package handlers

import (
	"database/sql"
	"fmt"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
	"gorm.io/gorm"
)

type ProductHandler struct {
	db   *sql.DB
	gorm *gorm.DB
}

func (h *ProductHandler) List(c *gin.Context) {
	category := c.Query("category")
	rows, err := h.db.Query("SELECT id, name FROM products WHERE category = $1", category)
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	c.JSON(http.StatusOK, scan(rows))
}

func (h *ProductHandler) Search(c *gin.Context) {
	term := c.DefaultQuery("q", "")
	query := fmt.Sprintf("SELECT id, name FROM products WHERE name ILIKE '%%%s%%'", term)  // expect: query-performance/leading-wildcard-like
	rows, err := h.db.QueryContext(c.Request.Context(), query) // expect: input-validation/sql-injection-go
	if err != nil {
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	defer rows.Close()
	c.JSON(http.StatusOK, scan(rows))
}

func (h *ProductHandler) Get(c *gin.Context) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		c.AbortWithStatus(http.StatusBadRequest)
		return
	}
	row := h.db.QueryRow(fmt.Sprintf("SELECT id, name FROM products WHERE id = %d", id))
	c.JSON(http.StatusOK, scanOne(row))
}

func (h *ProductHandler) Delete(c *gin.Context) {
	sku := c.Param("sku")
	if _, err := h.db.Exec("DELETE FROM products WHERE sku = '" + sku + "'"); err != nil { // expect: input-validation/sql-injection-go
		c.AbortWithStatus(http.StatusInternalServerError)
		return
	}
	c.Status(http.StatusNoContent)
}

func (h *ProductHandler) Filter(c *gin.Context) {
	var products []Product
	brand := c.Query("brand")
	order := c.DefaultQuery("order", "name")
	h.gorm.Where("brand = ?", brand).Find(&products)
	h.gorm.Where(&Product{Brand: brand}).Find(&products)
	h.gorm.Where("brand = '" + brand + "'").Find(&products) // expect: input-validation/sql-injection-go
	h.gorm.Order(order).Find(&products)                     // expect: input-validation/sql-injection-go
	c.JSON(http.StatusOK, products)
}
