class OrdersController < ApplicationController
  before_action :authenticate_user!

  def show
    order = current_user.orders.find(params[:id])
    render json: order
  rescue ActiveRecord::RecordNotFound
    render json: { error: "not found" }, status: :not_found
  end

  def create
    order = current_user.orders.create!(order_params)
    render json: order, status: :created
  rescue ActiveRecord::RecordInvalid => e
    render json: { error: e.message }, status: :unprocessable_entity
  rescue StandardError => e
    Rails.logger.error(e.full_message)
    render json: { error: "could not create order", backtrace: e.backtrace }, status: :internal_server_error # expect: error-handling/exception-in-response-ruby
  end

  def cancel
    order = current_user.orders.find(params[:id])
    order.cancel!
    OrderMailer.cancelled(order).deliver_later rescue nil # expect: error-handling/empty-catch-ruby
    head :no_content
  end

  private

  def order_params
    params.require(:order).permit(:sku, :quantity)
  end
end
