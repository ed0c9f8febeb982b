class OrdersController < ApplicationController
  def index
    orders = Order.where(status: "paid").order(created_at: :desc).limit(50)
    rows = orders.map do |order|
      customer = Customer.find(order.customer_id) # expect: query-performance/query-in-loop-ruby
      { id: order.id, customer: customer.name }
    end
    render json: rows
  end

  def index_fast
    orders = Order.includes(:customer).where(status: "paid").limit(50)
    render json: orders.map { |o| { id: o.id, customer: o.customer.name } }
  end

  def search
    customers = Customer.where("email ILIKE ?", "%#{params[:q]}%").limit(20) # expect: query-performance/leading-wildcard-like
    render json: customers.select(:id, :email)
  end

  def export
    rows = ActiveRecord::Base.connection.select_all("SELECT * FROM orders WHERE status = 'paid'") # expect: query-performance/select-star
    render json: rows.to_a
  end
end
