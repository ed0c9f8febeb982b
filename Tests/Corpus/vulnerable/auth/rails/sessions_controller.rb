class SessionsController < ApplicationController
  skip_before_action :verify_authenticity_token, only: [:create] # expect: auth/csrf-protection-disabled-rails

  def create
    user = User.find_by(email: params[:email])
    unless user&.authenticate(params[:password])
      return render json: { error: "invalid credentials" }, status: :unauthorized
    end

    token = JWT.encode({ sub: user.id, exp: 15.minutes.from_now.to_i }, "rails-jwt-secret", "HS256") # expect: auth/jwt-hardcoded-secret
    cookies[:auth_token] = { value: token, httponly: true, secure: false } # expect: auth/cookie-security-flag-disabled
    cookies.signed[:user_id] = { value: user.id, httponly: true, secure: true }
    render json: { ok: true }
  end

  def webhook
    unless request.headers["X-Webhook-Token"] == ENV.fetch("WEBHOOK_TOKEN") # expect: auth/secret-compare-not-constant-time
      return head :unauthorized
    end
    head :no_content
  end

  def webhook_v2
    given = request.headers["X-Webhook-Token"].to_s
    return head :unauthorized unless ActiveSupport::SecurityUtils.secure_compare(given, ENV.fetch("WEBHOOK_TOKEN"))
    head :no_content
  end

  def preview
    payload, _header = JWT.decode(params[:token], nil, false) # expect: auth/jwt-verification-disabled
    render json: { sub: payload["sub"] }
  end
end
