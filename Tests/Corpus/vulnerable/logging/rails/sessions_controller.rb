class SessionsController < ApplicationController
  def create
    Rails.logger.info "Login params: #{params.inspect}" # expect: logging/request-logged-ruby
    user = User.find_by(email: params[:email])
    if user&.authenticate(params[:password])
      logger.info "Login ok for #{user.email}" # expect: logging/pii-in-log-ruby
      logger.info "Login ok for user #{user.id}"
      session[:user_id] = user.id
      render json: { id: user.id }
    else
      logger.warn "Login failed, auth header #{request.headers['Authorization']}" # expect: logging/request-logged-ruby
      logger.debug "Login failed for #{params[:email]}"
      head :unauthorized
    end
  end

  def destroy
    logger.info "Logout #{request.method} #{request.path}"
    reset_session
    head :no_content
  end
end
