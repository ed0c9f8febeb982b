<?php

declare(strict_types=1);

/*
 * Front-controller bootstrap: configuration, PDO, sessions and error handling.
 */

function config(string $name, ?string $default = null): string
{
    $value = getenv($name);
    if ($value === false || $value === '') {
        if ($default === null) {
            throw new RuntimeException("missing configuration value {$name}");
        }
        return $default;
    }
    return $value;
}

function app_log(string $level, string $message, array $context = []): void
{
    $line = json_encode([
        'ts' => gmdate('c'),
        'level' => $level,
        'msg' => $message,
        'request_id' => $GLOBALS['request_id'] ?? '-',
        'context' => $context,
    ], JSON_UNESCAPED_SLASHES);
    error_log($line);
}

function db(): PDO
{
    static $pdo = null;
    if ($pdo === null) {
        $pdo = new PDO(config('DB_DSN'), config('DB_USER'), config('DB_PASSWORD'), [
            PDO::ATTR_ERRMODE => PDO::ERRMODE_EXCEPTION,
            PDO::ATTR_DEFAULT_FETCH_MODE => PDO::FETCH_ASSOC,
            PDO::ATTR_EMULATE_PREPARES => false,
        ]);
    }
    return $pdo;
}

function json_response(int $status, array $body): void
{
    http_response_code($status);
    header('Content-Type: application/json');
    header('X-Content-Type-Options: nosniff');
    echo json_encode($body);
}

function e(string $value): string
{
    return htmlspecialchars($value, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
}

$GLOBALS['request_id'] = bin2hex(random_bytes(8));

ini_set('display_errors', config('APP_DEBUG', '0') === '1' ? '1' : '0');
ini_set('log_errors', '1');
error_reporting(E_ALL);

set_exception_handler(static function (Throwable $e): void {
    app_log('error', 'unhandled exception', [
        'type' => get_class($e),
        'message' => $e->getMessage(),
        'file' => $e->getFile(),
        'line' => $e->getLine(),
    ]);
    if (!headers_sent()) {
        json_response(500, ['error' => 'internal error', 'request_id' => $GLOBALS['request_id']]);
    }
});

session_set_cookie_params([
    'lifetime' => 0,
    'path' => '/',
    'secure' => true,
    'httponly' => true,
    'samesite' => 'Lax',
]);
session_name('__Host-sid');
session_start();

if (empty($_SESSION['csrf_token'])) {
    $_SESSION['csrf_token'] = bin2hex(random_bytes(32));
}

function require_csrf(): void
{
    $sent = $_POST['csrf_token'] ?? ($_SERVER['HTTP_X_CSRF_TOKEN'] ?? '');
    if (!is_string($sent) || !hash_equals($_SESSION['csrf_token'], $sent)) {
        json_response(403, ['error' => 'invalid csrf token']);
        exit;
    }
}
