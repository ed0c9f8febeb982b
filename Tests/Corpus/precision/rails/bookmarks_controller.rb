# frozen_string_literal: true

require "digest"
require "open3"
require "openssl"

class Bookmark < ApplicationRecord
  belongs_to :user
  has_many :taggings, dependent: :destroy
  has_many :tags, through: :taggings

  validates :url, presence: true, length: { maximum: 2048 },
                  format: { with: %r{\Ahttps?://}i, message: "must be http(s)" }
  validates :title, length: { maximum: 200 }

  scope :titled_like, ->(prefix) { where("title LIKE ?", "#{sanitize_sql_like(prefix)}%") }
  scope :recent, -> { order(created_at: :desc) }
end

class BookmarksController < ApplicationController
  before_action :require_login
  before_action :set_bookmark, only: %i[show update destroy]

  PER_PAGE = 25

  def index
    page = Integer(params.fetch(:page, 1), exception: false) || 1
    page = page.clamp(1, 500)
    scope = current_user.bookmarks.recent.includes(:tags)
    scope = scope.titled_like(params[:q].to_s.first(64)) if params[:q].present?
    scope = scope.where(tags: { name: params[:tag] }).references(:tags) if params[:tag].present?
    @bookmarks = scope.select(:id, :url, :title, :created_at).limit(PER_PAGE).offset((page - 1) * PER_PAGE)

    respond_to do |format|
      format.html
      format.json do
        body = @bookmarks.map { |b| { id: b.id, url: b.url, title: b.title, tags: b.tags.map(&:name) } }
        fresh_when(etag: Digest::MD5.hexdigest(body.to_json), public: false)
        render json: { bookmarks: body } unless performed?
      end
    end
  end

  def show
    render json: @bookmark.as_json(only: %i[id url title created_at], include: { tags: { only: :name } })
  end

  def create
    bookmark = current_user.bookmarks.build(bookmark_params.except(:tag_names))
    bookmark.tags = Tag.where(name: tag_names).to_a
    if bookmark.save
      Rails.logger.info("bookmark created bookmark_id=#{bookmark.id} user_id=#{current_user.id} tag_count=#{bookmark.tags.size}")
      render json: { id: bookmark.id }, status: :created
    else
      render json: { error: "invalid bookmark", fields: bookmark.errors.attribute_names }, status: :unprocessable_entity
    end
  end

  def update
    if @bookmark.update(bookmark_params.except(:tag_names))
      render json: { id: @bookmark.id }
    else
      render json: { error: "invalid bookmark", fields: @bookmark.errors.attribute_names }, status: :unprocessable_entity
    end
  end

  def destroy
    @bookmark.destroy!
    redirect_to bookmarks_path, notice: "Bookmark deleted.", status: :see_other
  end

  def bulk_destroy
    ids = Array(params.require(:ids)).map { |id| Integer(id) }.first(100)
    deleted = current_user.bookmarks.where(id: ids).delete_all
    Rails.logger.info("bulk delete user_id=#{current_user.id} deleted_count=#{deleted}")
    render json: { deleted: deleted }
  end

  def export
    data = current_user.bookmarks.recent.pluck(:url, :title).map { |url, title| { url: url, title: title } }.to_json
    checksum = OpenSSL::Digest::SHA256.hexdigest(data)
    response.headers["X-Checksum-SHA256"] = checksum
    if params[:compress] == "1"
      gz, stderr, status = Open3.capture3("gzip", "-9", "-c", stdin_data: data, binmode: true)
      unless status.success?
        Rails.logger.error("export compression failed user_id=#{current_user.id} exit=#{status.exitstatus} stderr_bytes=#{stderr.bytesize}")
        return render json: { error: "export failed" }, status: :internal_server_error
      end
      return send_data gz, filename: "bookmarks-#{Date.current.iso8601}.json.gz", type: "application/gzip"
    end
    send_data data, filename: "bookmarks-#{Date.current.iso8601}.json", type: "application/json"
  end

  private

  def set_bookmark
    @bookmark = current_user.bookmarks.find(params[:id])
  end

  def bookmark_params
    params.require(:bookmark).permit(:url, :title, tag_names: [])
  end

  def tag_names
    Array(bookmark_params[:tag_names]).map { |t| t.to_s.strip.downcase }.reject(&:empty?).first(20)
  end
end

class WebhookVerifier
  def initialize(secret: Rails.application.credentials.dig(:partner, :webhook_secret))
    @secret = secret
  end

  def valid?(payload, signature)
    expected = OpenSSL::HMAC.hexdigest("SHA256", @secret, payload)
    ActiveSupport::SecurityUtils.secure_compare(expected, signature.to_s)
  end
end

class ApiTokenIssuer
  def self.issue(user)
    raw = SecureRandom.urlsafe_base64(32)
    digest = OpenSSL::HMAC.hexdigest("SHA256", Rails.application.secret_key_base, raw)
    ApiToken.create!(user: user, token_digest: digest, token_prefix: raw.first(6))
    Rails.logger.info("api token issued user_id=#{user.id} token_prefix_len=6")
    raw
  end
end
