package handlers

import (
	"database/sql"
	"errors"
	"log"
	"net/http"
	"strconv"

	"github.com/gin-gonic/gin"
)

type Handler struct {
	DB *sql.DB
}

func Register(r *gin.Engine, h *Handler) {
	gin.SetMode(gin.DebugMode) // expect: error-handling/debug-mode-gin
	r.GET("/users/:id", h.GetUser)
	r.POST("/users/:id/avatar", h.UploadAvatar)
}

func (h *Handler) GetUser(c *gin.Context) {
	id, err := strconv.Atoi(c.Param("id"))
	if err != nil {
		c.JSON(http.StatusBadRequest, gin.H{"error": err.Error()})
		return
	}
	var name string
	err = h.DB.QueryRow("SELECT name FROM users WHERE id = $1", id).Scan(&name)
	if errors.Is(err, sql.ErrNoRows) {
		c.JSON(http.StatusNotFound, gin.H{"error": "not found"})
		return
	}
	if err != nil {
		c.JSON(http.StatusInternalServerError, gin.H{"error": err.Error()}) // expect: error-handling/exception-in-response-go
		return
	}
	c.JSON(http.StatusOK, gin.H{"id": id, "name": name})
}

func (h *Handler) UploadAvatar(c *gin.Context) {
	file, err := c.FormFile("avatar")
	if err != nil {
		c.String(http.StatusBadRequest, "missing avatar")
		return
	}
	if err := c.SaveUploadedFile(file, "/var/avatars/"+c.Param("id")); err != nil { // expect: error-handling/empty-catch-go
		// TODO handle
	}
	c.Status(http.StatusNoContent)
}

func Health(w http.ResponseWriter, r *http.Request, db *sql.DB) {
	if err := db.Ping(); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError) // expect: error-handling/exception-in-response-go
		return
	}
	if _, err := w.Write([]byte("ok")); err != nil {
		log.Printf("health write: %v", err)
	}
}
