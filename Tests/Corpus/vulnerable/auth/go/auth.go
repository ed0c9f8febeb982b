package auth

import (
	"crypto/subtle"
	"net/http"
	"os"
	"time"

	"github.com/gin-contrib/cors"
	"github.com/gin-gonic/gin"
	"github.com/golang-jwt/jwt/v5"
)

func Setup(r *gin.Engine) {
	r.Use(cors.New(cors.Config{AllowAllOrigins: true, AllowCredentials: true, MaxAge: 12 * time.Hour})) // expect: auth/cors-credentials-any-origin
	r.POST("/login", Login)
	r.GET("/internal/metrics", RequireToken)
}

func Login(c *gin.Context) {
	token := jwt.NewWithClaims(jwt.SigningMethodHS256, jwt.MapClaims{"sub": c.PostForm("user")})
	signed, err := token.SignedString([]byte("gin-secret-key")) // expect: auth/jwt-hardcoded-secret
	if err != nil {
		c.Status(http.StatusInternalServerError)
		return
	}
	http.SetCookie(c.Writer, &http.Cookie{Name: "session", Value: signed, HttpOnly: true, Path: "/"}) // expect: auth/cookie-without-secure-go
	http.SetCookie(c.Writer, &http.Cookie{Name: "csrf", Value: newCSRF(), Secure: true, HttpOnly: false}) // expect: auth/cookie-security-flag-disabled
	c.Status(http.StatusNoContent)
}

func RequireToken(c *gin.Context) {
	if c.GetHeader("X-Metrics-Token") != os.Getenv("METRICS_TOKEN") { // expect: auth/secret-compare-not-constant-time
		c.AbortWithStatus(http.StatusUnauthorized)
		return
	}
	c.String(http.StatusOK, "ok")
}

func RequireAdminToken(c *gin.Context) {
	got := c.GetHeader("X-Admin-Token")
	if subtle.ConstantTimeCompare([]byte(got), []byte(os.Getenv("ADMIN_TOKEN"))) != 1 {
		c.AbortWithStatus(http.StatusUnauthorized)
	}
}

func Claims(raw string) (jwt.MapClaims, error) {
	claims := jwt.MapClaims{}
	_, _, err := jwt.NewParser().ParseUnverified(raw, claims) // expect: auth/jwt-verification-disabled
	return claims, err
}

func newCSRF() string { return "" }
