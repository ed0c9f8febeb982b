# frozen_string_literal: true

# config/environments/production.rb and friends.
Rails.application.configure do
  config.enable_reloading = false
  config.eager_load = true
  config.consider_all_requests_local = false
  config.force_ssl = true
  config.ssl_options = { hsts: { subdomains: true, expires: 1.year } }

  config.log_level = ENV.fetch("RAILS_LOG_LEVEL", "info").to_sym
  config.log_tags = [:request_id]
  config.filter_parameters += %i[passw secret token _key crypt salt certificate otp ssn card_number]

  config.action_dispatch.cookies_same_site_protection = :lax
  config.session_store :cookie_store, key: "_bookmarks_session", secure: true, httponly: true, same_site: :lax

  config.active_record.encryption.primary_key = Rails.application.credentials.dig(:active_record_encryption, :primary_key)
  config.active_record.encryption.key_derivation_salt =
    Rails.application.credentials.dig(:active_record_encryption, :key_derivation_salt)

  config.hosts = ENV.fetch("ALLOWED_HOSTS", "bookmarks.example.com").split(",")
end

Rails.application.config.middleware.insert_before 0, Rack::Cors do
  allow do
    origins "https://bookmarks.example.com", "https://admin.bookmarks.example.com"
    resource "/api/*", headers: :any, methods: %i[get post patch delete], credentials: true
  end
end

Stripe.api_key = Rails.application.credentials.dig(:stripe, :secret_key)
