package main

import (
	"crypto/tls"
	"errors"
	"net/http"
	"os"
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/google/uuid"
	"github.com/jmoiron/sqlx"
	"go.uber.org/zap"

	_ "github.com/go-sql-driver/mysql"
)

type Settings struct {
	DSN            string
	JWTKey         []byte
	AllowedOrigins []string
	Mode           string
}

func settingsFromEnv() (Settings, error) {
	s := Settings{
		DSN:            os.Getenv("MYSQL_DSN"),
		JWTKey:         []byte(os.Getenv("JWT_SECRET")),
		AllowedOrigins: []string{"https://tickets.example.com", "https://support.example.com"},
		Mode:           os.Getenv("GIN_MODE"),
	}
	if s.DSN == "" || len(s.JWTKey) < 32 {
		return s, errors.New("MYSQL_DSN and JWT_SECRET (>= 32 bytes) are required")
	}
	if s.Mode == "" {
		s.Mode = gin.ReleaseMode
	}
	return s, nil
}

func requestLogger(log *zap.Logger) gin.HandlerFunc {
	return func(c *gin.Context) {
		start := time.Now()
		rid := c.GetHeader("X-Request-Id")
		if _, err := uuid.Parse(rid); err != nil {
			rid = uuid.NewString()
		}
		c.Set("request_id", rid)
		c.Header("X-Request-Id", rid)
		c.Next()
		log.Info("request",
			zap.String("request_id", rid),
			zap.String("method", c.Request.Method),
			zap.String("route", c.FullPath()),
			zap.Int("status", c.Writer.Status()),
			zap.Duration("duration", time.Since(start)),
			zap.Int64("user_id", c.GetInt64("user_id")),
		)
	}
}

func recovery(log *zap.Logger) gin.HandlerFunc {
	return gin.CustomRecovery(func(c *gin.Context, recovered any) {
		log.Error("panic recovered",
			zap.Any("panic", recovered),
			zap.String("request_id", c.GetString("request_id")),
		)
		c.AbortWithStatusJSON(http.StatusInternalServerError, gin.H{"error": "internal error"})
	})
}

func main() {
	log, err := zap.NewProduction()
	if err != nil {
		panic(err)
	}
	defer func() { _ = log.Sync() }()

	settings, err := settingsFromEnv()
	if err != nil {
		log.Fatal("configuration", zap.Error(err))
	}
	gin.SetMode(settings.Mode)

	db, err := sqlx.Connect("mysql", settings.DSN)
	if err != nil {
		log.Fatal("connect database", zap.Error(err))
	}
	db.SetMaxOpenConns(25)
	db.SetConnMaxLifetime(30 * time.Minute)

	r := gin.New()
	r.Use(requestLogger(log), recovery(log))
	r.Use(cors.New(cors.Config{
		AllowOrigins:     settings.AllowedOrigins,
		AllowMethods:     []string{"GET", "POST", "PATCH"},
		AllowHeaders:     []string{"Authorization", "Content-Type"},
		AllowCredentials: true,
		MaxAge:           12 * time.Hour,
	}))
	if err := r.SetTrustedProxies([]string{"10.0.0.0/8"}); err != nil {
		log.Fatal("trusted proxies", zap.Error(err))
	}

	h := &TicketHandler{repo: &TicketRepo{db: db}, log: log, jwtKey: settings.JWTKey}
	h.Register(r)

	srv := &http.Server{
		Addr:              ":8080",
		Handler:           r,
		ReadHeaderTimeout: 5 * time.Second,
		TLSConfig:         &tls.Config{MinVersion: tls.VersionTLS12},
	}
	certFile, keyFile := os.Getenv("TLS_CERT_FILE"), os.Getenv("TLS_KEY_FILE")
	if err := srv.ListenAndServeTLS(certFile, keyFile); err != nil && !errors.Is(err, http.ErrServerClosed) {
		log.Fatal("server", zap.Error(err))
	}
}
