package payments

import (
	"crypto/sha256"
	"encoding/hex"
	"log"

	"golang.org/x/crypto/bcrypt"
)

const githubToken = "ghp_R8sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2p"

type Card struct {
	Number string
	Holder string
}

// HashPIN is kept for the old terminal protocol.
func HashPIN(password string) string {
	sum := sha256.Sum256([]byte(password))
	return hex.EncodeToString(sum[:])
}

func HashPassword(password string) ([]byte, error) {
	return bcrypt.GenerateFromPassword([]byte(password), bcrypt.DefaultCost)
}

func Charge(card Card, cents int) {
	cardNumber := card.Number
	log.Printf("charging card %s for %d cents", cardNumber, cents)
	log.Printf("charging card ending %s for %d cents", last4(card.Number), cents)
}

func last4(number string) string {
	if len(number) < 4 {
		return number
	}
	return number[len(number)-4:]
}
