package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"time"

	"github.com/go-playground/validator/v10"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/labstack/echo/v4"
	"github.com/labstack/echo/v4/middleware"
)

type requestValidator struct {
	v *validator.Validate
}

func (rv *requestValidator) Validate(i any) error {
	return rv.v.Struct(i)
}

type appError struct {
	Status  int
	Message string
}

func (e *appError) Error() string { return e.Message }

func errorHandler(logger *slog.Logger) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		var ae *appError
		var he *echo.HTTPError
		switch {
		case errors.As(err, &ae):
			_ = c.JSON(ae.Status, map[string]string{"error": ae.Message})
		case errors.As(err, &he):
			_ = c.JSON(he.Code, map[string]any{"error": http.StatusText(he.Code)})
		default:
			logger.Error("request failed",
				"err", err,
				"request_id", c.Response().Header().Get(echo.HeaderXRequestID),
				"route", c.Path(),
			)
			_ = c.JSON(http.StatusInternalServerError, map[string]string{"error": "internal error"})
		}
	}
}

func main() {
	logger := slog.New(slog.NewJSONHandler(os.Stdout, nil))

	pool, err := pgxpool.New(context.Background(), os.Getenv("DATABASE_URL"))
	if err != nil {
		logger.Error("database pool", "err", err)
		os.Exit(1)
	}
	defer pool.Close()

	e := echo.New()
	e.HideBanner = true
	e.Debug = os.Getenv("ECHO_DEBUG") == "true"
	e.Validator = &requestValidator{v: validator.New(validator.WithRequiredStructEnabled())}
	e.HTTPErrorHandler = errorHandler(logger)

	e.Use(middleware.RequestID())
	e.Use(middleware.Recover())
	e.Use(middleware.BodyLimit("1M"))
	e.Use(middleware.SecureWithConfig(middleware.SecureConfig{
		XSSProtection:         "0",
		ContentTypeNosniff:    "nosniff",
		XFrameOptions:         "DENY",
		HSTSMaxAge:            31536000,
		ContentSecurityPolicy: "default-src 'self'",
	}))
	e.Use(middleware.CORSWithConfig(middleware.CORSConfig{
		AllowOrigins:     strings.Split(os.Getenv("CORS_ORIGINS"), ","),
		AllowCredentials: true,
		AllowMethods:     []string{http.MethodGet, http.MethodPost, http.MethodDelete},
	}))
	e.Use(middleware.CSRFWithConfig(middleware.CSRFConfig{
		TokenLookup:    "header:X-CSRF-Token",
		CookieName:     "_csrf",
		CookiePath:     "/",
		CookieSecure:   true,
		CookieHTTPOnly: true,
		CookieSameSite: http.SameSiteStrictMode,
	}))
	e.Use(middleware.RequestLoggerWithConfig(middleware.RequestLoggerConfig{
		LogStatus:    true,
		LogURIPath:   true,
		LogMethod:    true,
		LogRequestID: true,
		LogLatency:   true,
		LogValuesFunc: func(c echo.Context, v middleware.RequestLoggerValues) error {
			logger.Info("request",
				"request_id", v.RequestID,
				"method", v.Method,
				"path", v.URIPath,
				"status", v.Status,
				"latency_ms", v.Latency.Milliseconds(),
			)
			return nil
		},
	}))

	svc := &BillingService{pool: pool, logger: logger, encKey: mustKey(logger)}
	svc.Routes(e)

	srv := &http.Server{Addr: ":8080", ReadHeaderTimeout: 5 * time.Second}
	if err := e.StartServer(srv); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Error("server", "err", err)
	}
}
