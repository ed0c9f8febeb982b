<?php

namespace App\Http\Controllers;

use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Http;
use Illuminate\Support\Str;

class PasswordResetController extends Controller
{
    public function store(Request $request)
    {
        $request->validate(['email' => 'required|email']);
        $token = sha1(uniqid((string) mt_rand(), true)); // expect: sensitive-data/insecure-random-php
        DB::table('password_resets')->insert([
            'email' => $request->input('email'),
            'token' => hash('sha256', $token),
            'created_at' => now(),
        ]);
        $delay = mt_rand(100, 300);
        return response()->json(['sent' => true, 'retry_after_ms' => $delay]);
    }

    public function invite(Request $request)
    {
        $inviteToken = Str::random(40);
        $otp = random_int(100000, 999999);
        $response = Http::withoutVerifying()->post('https://mailer.internal/invite', [ // expect: sensitive-data/tls-verification-disabled-php
            'to' => $request->input('email'),
            'token' => $inviteToken,
            'otp' => $otp,
        ]);
        return response()->json(['ok' => $response->ok()]);
    }

    private function legacyEncrypt(string $data, string $key): string
    {
        return openssl_encrypt($data, 'aes-128-ecb', $key, OPENSSL_RAW_DATA); // expect: sensitive-data/weak-cipher-php
    }

    private function partnerLookup(string $url): string
    {
        $ch = curl_init($url);
        curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);
        curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false); // expect: sensitive-data/tls-verification-disabled-php
        $body = curl_exec($ch);
        curl_close($ch);
        return $body;
    }
}
