# frozen_string_literal: true

class ApplicationController < ActionController::Base
  protect_from_forgery with: :exception

  before_action :tag_request

  # rescue_from handlers are matched bottom-up, so the catch-all comes first.
  rescue_from StandardError do |e|
    Rails.logger.error("unhandled #{e.class} request_id=#{request.request_id} user_id=#{current_user&.id}")
    Rails.logger.error(e.backtrace&.first(10)&.join("\n"))
    render json: { error: "internal error", request_id: request.request_id }, status: :internal_server_error
  end

  rescue_from ActiveRecord::RecordNotFound do
    respond_to do |format|
      format.json { render json: { error: "not found" }, status: :not_found }
      format.html { redirect_to root_path, alert: "Not found." }
    end
  end

  rescue_from ActionController::ParameterMissing do |e|
    render json: { error: "missing parameter", parameter: e.param }, status: :bad_request
  end

  helper_method :current_user

  private

  def current_user
    @current_user ||= User.find_by(id: session[:user_id]) if session[:user_id]
  end

  def require_login
    redirect_to new_session_path unless current_user
  end

  def tag_request
    Rails.logger.info("request request_id=#{request.request_id} path=#{request.path} user_id=#{session[:user_id]}")
  end
end

class User < ApplicationRecord
  has_secure_password
  has_many :bookmarks, dependent: :destroy

  validates :email, presence: true, uniqueness: { case_sensitive: false },
                    format: { with: URI::MailTo::EMAIL_REGEXP }, length: { maximum: 254 }
  validates :password, length: { minimum: 12, maximum: 72 }, allow_nil: true

  normalizes :email, with: ->(email) { email.strip.downcase }

  generates_token_for :password_reset, expires_in: 30.minutes do
    password_salt&.last(10)
  end
end

class SessionsController < ApplicationController
  def new; end

  def create
    user = User.find_by(email: params.require(:session).permit(:email)[:email].to_s.downcase)
    if user&.authenticate(params[:session][:password])
      reset_session
      session[:user_id] = user.id
      Rails.logger.info("login ok user_id=#{user.id}")
      redirect_to dashboard_path
    else
      Rails.logger.warn("login failed user_id=#{user&.id || 'unknown'} ip=#{request.remote_ip}")
      flash.now[:alert] = "Invalid email or password."
      render :new, status: :unprocessable_entity
    end
  end

  def destroy
    user_id = session[:user_id]
    reset_session
    Rails.logger.info("logout user_id=#{user_id}")
    redirect_to root_path, notice: "Signed out."
  end
end

class RegistrationsController < ApplicationController
  def create
    @user = User.new(registration_params)
    if @user.save
      reset_session
      session[:user_id] = @user.id
      Rails.logger.info("user registered user_id=#{@user.id}")
      redirect_to dashboard_path
    else
      render :new, status: :unprocessable_entity
    end
  end

  private

  def registration_params
    params.require(:user).permit(:name, :email, :password, :password_confirmation)
  end
end

class PasswordResetsController < ApplicationController
  def create
    user = User.find_by(email: params.require(:email).to_s.downcase)
    if user
      PasswordMailer.with(user: user, token: user.generate_token_for(:password_reset)).reset.deliver_later
      Rails.logger.info("password reset requested for user_id=#{user.id}")
    end
    redirect_to new_session_path, notice: "If that account exists, we sent reset instructions."
  end

  def update
    user = User.find_by_token_for(:password_reset, params.require(:token))
    return redirect_to(new_password_reset_path, alert: "That link has expired.") unless user

    if user.update(params.require(:user).permit(:password, :password_confirmation))
      Rails.logger.info("password changed user_id=#{user.id} password_changed_at=#{user.updated_at.iso8601}")
      redirect_to new_session_path, notice: "Password updated."
    else
      render :edit, status: :unprocessable_entity
    end
  end
end
