# frozen_string_literal: true

require "test_helper"

class BookmarksTest < ActionDispatch::IntegrationTest
  setup do
    @user = User.create!(email: "reader@example.com", password: SecureRandom.hex(16))
  end

  test "password is stored as a bcrypt digest" do
    assert @user.password_digest.start_with?("$2a$")
    assert BCrypt::Password.new(@user.password_digest).is_password?(@user.password)
  end

  test "titled_like escapes wildcards and anchors the prefix" do
    sql = Bookmark.titled_like("50%_off").to_sql
    assert_includes sql, "50\\%\\_off%"
  end

  test "index requires login" do
    get bookmarks_path
    assert_redirected_to new_session_path
  end

  test "webhook verifier rejects a forged signature" do
    verifier = WebhookVerifier.new(secret: SecureRandom.hex(32))
    refute verifier.valid?("{}", "0" * 64)
  end
end
