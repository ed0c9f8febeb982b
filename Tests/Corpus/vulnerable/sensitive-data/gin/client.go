package api

import (
	"crypto/des"
	"crypto/tls"
	"fmt"
	"math/rand"
	"net/http"
	"time"

	"github.com/gin-gonic/gin"
)

func legacyBlock(key []byte) (interface{}, error) {
	return des.NewTripleDESCipher(key) // expect: sensitive-data/weak-cipher-go
}

func partnerClient() *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &http.Transport{
			TLSClientConfig: &tls.Config{InsecureSkipVerify: true}, // expect: sensitive-data/tls-verification-disabled-go
		},
	}
}

func SendOTP(c *gin.Context) {
	code := fmt.Sprintf("%06d", rand.Intn(1000000)) // expect: sensitive-data/insecure-random-go
	jitter := time.Duration(rand.Intn(100)) * time.Millisecond
	time.Sleep(jitter)
	resp, err := partnerClient().Get("https://sms.partner.example/send?code=" + code)
	if err != nil {
		c.JSON(http.StatusBadGateway, gin.H{"error": "sms failed"})
		return
	}
	defer resp.Body.Close()
	c.JSON(http.StatusOK, gin.H{"sent": true})
}
