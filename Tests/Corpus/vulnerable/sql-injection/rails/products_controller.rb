class ProductsController < ApplicationController
  SORTABLE = %w[name price created_at].freeze

  def index
    @products = Product.where(category: params[:category])
    @products = @products.where("price <= ?", params[:max_price]) if params[:max_price]
    sort = SORTABLE.include?(params[:sort]) ? params[:sort] : "name"
    @products = @products.order(sort)
    render json: @products
  end

  def search
    term = params[:q]
    @products = Product.where("name LIKE ?", "%#{term}%")  # expect: query-performance/leading-wildcard-like
    @legacy = Product.where("description LIKE '%#{term}%'") # expect: input-validation/sql-injection-ruby
    render json: { products: @products, legacy: @legacy }
  end

  def show
    @product = Product.where("id = #{params[:id].to_i}").first
    render json: @product
  end

  def report
    column = params.fetch(:column, "name")
    rows = Product.pluck("#{column}") # expect: input-validation/sql-injection-ruby
    ordered = Product.order(params[:order]) # expect: input-validation/sql-injection-ruby
    render json: { rows: rows, ordered: ordered }
  end

  def destroy_tagged
    tag = params[:tag]
    ActiveRecord::Base.connection.execute("DELETE FROM product_tags WHERE tag = '#{tag}'") # expect: input-validation/sql-injection-ruby
    Product.find_by_sql(["SELECT * FROM products WHERE tag = ?", tag])  # expect: query-performance/select-star
    head :no_content
  end
end
