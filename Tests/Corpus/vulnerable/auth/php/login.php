<?php

use Firebase\JWT\JWT;
use Firebase\JWT\Key;

require __DIR__ . '/vendor/autoload.php';

ini_set('session.cookie_httponly', 1);
ini_set('session.cookie_secure', 0); // expect: auth/cookie-security-flag-disabled
session_start();

function find_user(PDO $pdo, string $email): ?array
{
    $stmt = $pdo->prepare('SELECT id, password_hash, api_token FROM users WHERE email = ?');
    $stmt->execute([$email]);
    $row = $stmt->fetch(PDO::FETCH_ASSOC);
    return $row ?: null;
}

$pdo = new PDO(getenv('DB_DSN'), getenv('DB_USER'), getenv('DB_PASSWORD'));
$user = find_user($pdo, $_POST['email'] ?? '');

if ($user === null || !password_verify($_POST['password'] ?? '', $user['password_hash'])) {
    http_response_code(401);
    exit;
}

if (isset($_SERVER['HTTP_X_API_TOKEN']) && $_SERVER['HTTP_X_API_TOKEN'] == $user['api_token']) { // expect: auth/secret-compare-not-constant-time
    $_SESSION['api'] = true;
}

$jwt = JWT::encode(['sub' => $user['id'], 'exp' => time() + 900], 'php-jwt-secret', 'HS256'); // expect: auth/jwt-hardcoded-secret
setcookie('token', $jwt, time() + 900); // expect: auth/cookie-without-secure-php
setcookie('seen', '1', ['expires' => time() + 86400, 'secure' => true, 'httponly' => true, 'samesite' => 'Lax']);

$claims = JWT::decode($jwt, new Key(getenv('JWT_SECRET'), 'HS256'));
if (!hash_equals($claims->sub . '', (string) $user['id'])) {
    http_response_code(403);
}
echo json_encode(['ok' => true]);
