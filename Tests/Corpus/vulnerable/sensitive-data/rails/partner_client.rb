require "net/http"
require "openssl"

class PartnerClient
  BASE = URI("https://partner.example.com")

  def initialize(key)
    @key = key
  end

  def seal(data)
    cipher = OpenSSL::Cipher.new("des-ede3-cbc") # expect: sensitive-data/weak-cipher-ruby
    cipher.encrypt
    cipher.key = @key
    cipher.update(data) + cipher.final
  end

  def seal_gcm(data)
    cipher = OpenSSL::Cipher.new("aes-256-gcm")
    cipher.encrypt
    cipher.key = @key
    iv = cipher.random_iv
    [iv, cipher.update(data) + cipher.final, cipher.auth_tag]
  end

  def issue_otp(user)
    otp = rand(100_000..999_999).to_s # expect: sensitive-data/insecure-random-ruby
    user.update!(otp_digest: Digest::SHA256.hexdigest(otp), otp_sent_at: Time.current)
    deliver(user.phone, otp)
  end

  def issue_token(user)
    user.update!(api_token: SecureRandom.urlsafe_base64(32))
  end

  def deliver(phone, otp)
    http = Net::HTTP.new(BASE.host, BASE.port)
    http.use_ssl = true
    http.verify_mode = OpenSSL::SSL::VERIFY_NONE # expect: sensitive-data/tls-verification-disabled-ruby
    sleep(rand(0.1..0.5))
    http.post("/sms", { to: phone, body: "Your code is #{otp}" }.to_json)
  end
end
