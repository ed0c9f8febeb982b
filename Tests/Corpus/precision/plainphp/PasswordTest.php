<?php

declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class PasswordTest extends TestCase
{
    public function testArgon2HashVerifies(): void
    {
        $hash = password_hash('a long enough passphrase', PASSWORD_ARGON2ID);
        self::assertStringStartsWith('$argon2id$', $hash);
        self::assertTrue(password_verify('a long enough passphrase', $hash));
        self::assertFalse(password_verify('another passphrase', $hash));
    }

    public function testHmacComparisonIsConstantTime(): void
    {
        $secret = random_bytes(32);
        $body = '{"event":"shipment.created"}';
        $signature = hash_hmac('sha256', $body, $secret);
        self::assertTrue(hash_equals(hash_hmac('sha256', $body, $secret), $signature));
        self::assertFalse(hash_equals(hash_hmac('sha256', $body . ' ', $secret), $signature));
    }

    public function testEscapeHelperNeutralisesMarkup(): void
    {
        self::assertSame('&lt;b&gt;&quot;x&quot;', htmlspecialchars('<b>"x"', ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8'));
    }
}
