<?php

declare(strict_types=1);

require __DIR__ . '/bootstrap.php';

const ALLOWED_RETURN_PATHS = ['/dashboard', '/settings', '/orders'];

function find_member(string $email): ?array
{
    $stmt = db()->prepare('SELECT id, email, password_hash, failed_logins FROM members WHERE email = ?');
    $stmt->execute([strtolower($email)]);
    $row = $stmt->fetch();
    return $row === false ? null : $row;
}

function register_member(string $email, string $password, string $name): int
{
    $stmt = db()->prepare(
        'INSERT INTO members (email, password_hash, display_name, created_at) VALUES (:email, :hash, :name, NOW())'
    );
    $stmt->execute([
        ':email' => strtolower($email),
        ':hash' => password_hash($password, PASSWORD_ARGON2ID),
        ':name' => $name,
    ]);
    return (int) db()->lastInsertId();
}

function handle_register(): void
{
    require_csrf();
    $email = filter_input(INPUT_POST, 'email', FILTER_VALIDATE_EMAIL);
    $password = (string) ($_POST['password'] ?? '');
    $name = trim((string) ($_POST['name'] ?? ''));
    if ($email === false || $email === null || strlen($password) < 12 || strlen($password) > 128
        || $name === '' || mb_strlen($name) > 80) {
        json_response(422, ['error' => 'invalid input']);
        return;
    }
    if (find_member($email) !== null) {
        json_response(409, ['error' => 'email already registered']);
        return;
    }
    $id = register_member($email, $password, $name);
    app_log('info', 'member registered', ['user_id' => $id]);
    json_response(201, ['id' => $id]);
}

function handle_login(): void
{
    require_csrf();
    $email = filter_input(INPUT_POST, 'email', FILTER_VALIDATE_EMAIL);
    $password = (string) ($_POST['password'] ?? '');
    $member = is_string($email) ? find_member($email) : null;

    if ($member === null || !password_verify($password, $member['password_hash'])) {
        if ($member !== null) {
            db()->prepare('UPDATE members SET failed_logins = failed_logins + 1 WHERE id = ?')
                ->execute([$member['id']]);
        }
        app_log('warning', 'login failed', ['user_id' => $member['id'] ?? null]);
        json_response(401, ['error' => 'invalid credentials']);
        return;
    }

    if (password_needs_rehash($member['password_hash'], PASSWORD_ARGON2ID)) {
        db()->prepare('UPDATE members SET password_hash = ? WHERE id = ?')
            ->execute([password_hash($password, PASSWORD_ARGON2ID), $member['id']]);
    }

    session_regenerate_id(true);
    $_SESSION['member_id'] = (int) $member['id'];
    db()->prepare('UPDATE members SET failed_logins = 0, last_login_at = NOW() WHERE id = ?')
        ->execute([$member['id']]);
    app_log('info', 'login ok', ['user_id' => $member['id']]);

    $return = (string) ($_GET['return'] ?? '/dashboard');
    header('Location: ' . (in_array($return, ALLOWED_RETURN_PATHS, true) ? $return : '/dashboard'), true, 303);
}

function handle_orders(): void
{
    $memberId = $_SESSION['member_id'] ?? null;
    if (!is_int($memberId)) {
        json_response(401, ['error' => 'unauthorized']);
        return;
    }
    $page = filter_input(INPUT_GET, 'page', FILTER_VALIDATE_INT, ['options' => ['min_range' => 1, 'max_range' => 1000]]);
    $page = $page ?: 1;

    $stmt = db()->prepare(
        'SELECT id, reference, total_cents, status FROM orders WHERE member_id = :member ORDER BY id DESC LIMIT 20 OFFSET :offset'
    );
    $stmt->bindValue(':member', $memberId, PDO::PARAM_INT);
    $stmt->bindValue(':offset', ($page - 1) * 20, PDO::PARAM_INT);
    $stmt->execute();
    $orders = $stmt->fetchAll();

    $ids = array_column($orders, 'id');
    $lines = [];
    if ($ids !== []) {
        $placeholders = implode(',', array_fill(0, count($ids), '?'));
        $lineStmt = db()->prepare("SELECT order_id, sku, quantity FROM order_lines WHERE order_id IN ($placeholders)");
        $lineStmt->execute($ids);
        foreach ($lineStmt->fetchAll() as $line) {
            $lines[$line['order_id']][] = $line;
        }
    }
    foreach ($orders as &$order) {
        $order['lines'] = $lines[$order['id']] ?? [];
    }
    unset($order);

    $payload = json_encode(['orders' => $orders]);
    $etag = '"' . md5($payload) . '"';
    header('ETag: ' . $etag);
    if (($_SERVER['HTTP_IF_NONE_MATCH'] ?? '') === $etag) {
        http_response_code(304);
        return;
    }
    json_response(200, ['orders' => $orders]);
}

function render_profile(array $member): void
{
    header('Content-Type: text/html; charset=utf-8');
    echo '<h1>Welcome, ' . e($member['display_name']) . '</h1>';
    echo '<form method="post" action="/logout"><input type="hidden" name="csrf_token" value="'
        . e($_SESSION['csrf_token']) . '"><button>Sign out</button></form>';
}

$route = $_SERVER['REQUEST_METHOD'] . ' ' . parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH);
match ($route) {
    'POST /register' => handle_register(),
    'POST /login' => handle_login(),
    'GET /orders' => handle_orders(),
    default => json_response(404, ['error' => 'not found']),
};
