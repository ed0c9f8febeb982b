require 'digest'
require 'bcrypt'

class Account
  attr_reader :email, :password_digest

  def initialize(email, password)
    @email = email
    @password_digest = BCrypt::Password.create(password)
  end

  def self.legacy_digest(password)
    Digest::SHA1.hexdigest(password)
  end

  def change_password(password)
    Rails.logger.info "changing password to #{password}"
    @password_digest = BCrypt::Password.create(password)
    Rails.logger.info "password changed"
  end
end
