<?php

declare(strict_types=1);

require __DIR__ . '/bootstrap.php';

const UPLOAD_ROOT = '/var/lib/app/uploads';
const ALLOWED_TYPES = ['image/png' => 'png', 'image/jpeg' => 'jpg', 'application/pdf' => 'pdf'];

function encrypt_at_rest(string $plaintext, string $associated): string
{
    $key = base64_decode(config('FILE_ENCRYPTION_KEY'), true);
    if ($key === false || strlen($key) !== SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_KEYBYTES) {
        throw new RuntimeException('FILE_ENCRYPTION_KEY has the wrong length');
    }
    $nonce = random_bytes(SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES);
    $cipher = sodium_crypto_aead_xchacha20poly1305_ietf_encrypt($plaintext, $associated, $nonce, $key);
    sodium_memzero($key);
    return $nonce . $cipher;
}

function decrypt_at_rest(string $sealed, string $associated): string
{
    $key = base64_decode(config('FILE_ENCRYPTION_KEY'), true);
    $nonceLength = SODIUM_CRYPTO_AEAD_XCHACHA20POLY1305_IETF_NPUBBYTES;
    $plain = sodium_crypto_aead_xchacha20poly1305_ietf_decrypt(
        substr($sealed, $nonceLength),
        $associated,
        substr($sealed, 0, $nonceLength),
        $key
    );
    sodium_memzero($key);
    if ($plain === false) {
        throw new RuntimeException('document failed authentication');
    }
    return $plain;
}

function handle_upload(int $memberId): void
{
    require_csrf();
    $file = $_FILES['document'] ?? null;
    if (!is_array($file) || $file['error'] !== UPLOAD_ERR_OK || $file['size'] > 5 * 1024 * 1024) {
        json_response(422, ['error' => 'invalid upload']);
        return;
    }
    $mime = (new finfo(FILEINFO_MIME_TYPE))->file($file['tmp_name']);
    if (!isset(ALLOWED_TYPES[$mime])) {
        json_response(415, ['error' => 'unsupported file type']);
        return;
    }
    $contents = file_get_contents($file['tmp_name']);
    $checksum = hash('sha256', $contents);
    $storedName = bin2hex(random_bytes(16)) . '.' . ALLOWED_TYPES[$mime];
    $dir = UPLOAD_ROOT . '/' . $memberId;
    if (!is_dir($dir) && !mkdir($dir, 0750, true) && !is_dir($dir)) {
        throw new RuntimeException('cannot create upload directory');
    }
    file_put_contents($dir . '/' . $storedName, encrypt_at_rest($contents, (string) $memberId));

    $stmt = db()->prepare(
        'INSERT INTO documents (member_id, stored_name, original_name, mime, checksum) VALUES (?, ?, ?, ?, ?)'
    );
    $stmt->execute([$memberId, $storedName, mb_substr(basename($file['name']), 0, 200), $mime, $checksum]);
    app_log('info', 'document uploaded', ['user_id' => $memberId, 'bytes' => strlen($contents), 'checksum' => $checksum]);
    json_response(201, ['id' => (int) db()->lastInsertId(), 'checksum' => $checksum]);
}

function handle_thumbnail(int $memberId, int $documentId): void
{
    $stmt = db()->prepare('SELECT stored_name FROM documents WHERE id = ? AND member_id = ?');
    $stmt->execute([$documentId, $memberId]);
    $storedName = $stmt->fetchColumn();
    if ($storedName === false) {
        json_response(404, ['error' => 'not found']);
        return;
    }
    $sealed = file_get_contents(UPLOAD_ROOT . '/' . $memberId . '/' . basename($storedName));
    $tmp = tempnam(sys_get_temp_dir(), 'thumb');
    try {
        file_put_contents($tmp, decrypt_at_rest($sealed, (string) $memberId));
        // Argument array: proc_open runs convert directly, without a shell.
        $process = proc_open(
            ['convert', $tmp, '-thumbnail', '200x200', 'png:-'],
            [1 => ['pipe', 'w'], 2 => ['pipe', 'w']],
            $pipes
        );
        if (!is_resource($process)) {
            throw new RuntimeException('cannot start convert');
        }
        $png = stream_get_contents($pipes[1]);
        $stderr = stream_get_contents($pipes[2]);
        fclose($pipes[1]);
        fclose($pipes[2]);
        $status = proc_close($process);
    } finally {
        unlink($tmp);
    }
    if ($status !== 0) {
        app_log('error', 'thumbnail failed', [
            'document_id' => $documentId,
            'status' => $status,
            'stderr_bytes' => strlen((string) $stderr),
        ]);
        json_response(500, ['error' => 'internal error']);
        return;
    }
    header('Content-Type: image/png');
    echo $png;
}

function verify_partner_callback(string $body, string $signature): bool
{
    $expected = hash_hmac('sha256', $body, config('PARTNER_CALLBACK_SECRET'));
    return hash_equals($expected, $signature);
}

$memberId = $_SESSION['member_id'] ?? null;
if (!is_int($memberId)) {
    json_response(401, ['error' => 'unauthorized']);
    exit;
}

if ($_SERVER['REQUEST_METHOD'] === 'POST') {
    handle_upload($memberId);
} elseif (isset($_GET['thumb'])) {
    $docId = filter_var($_GET['thumb'], FILTER_VALIDATE_INT, ['options' => ['min_range' => 1]]);
    if ($docId === false) {
        json_response(400, ['error' => 'invalid id']);
    } else {
        handle_thumbnail($memberId, $docId);
    }
}
