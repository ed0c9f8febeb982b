<?php

/*
 * config/services.php — every credential is resolved from the environment at boot.
 */
return [
    'app_key' => env('APP_KEY'),

    'stripe' => [
        'key' => env('STRIPE_KEY'),
        'secret' => env('STRIPE_SECRET'),
        'webhook_tolerance' => (int) env('STRIPE_WEBHOOK_TOLERANCE', 300),
    ],

    'mailgun' => [
        'domain' => env('MAILGUN_DOMAIN'),
        'secret' => env('MAILGUN_SECRET'),
        'endpoint' => env('MAILGUN_ENDPOINT', 'api.mailgun.net'),
        'scheme' => 'https',
    ],

    'cors' => [
        'paths' => ['api/*'],
        'allowed_origins' => explode(',', env('CORS_ALLOWED_ORIGINS', 'https://projects.example.com')),
        'allowed_methods' => ['GET', 'POST', 'PUT', 'DELETE'],
        'supports_credentials' => true,
    ],

    'session' => [
        'secure' => env('SESSION_SECURE_COOKIE', true),
        'http_only' => true,
        'same_site' => 'lax',
    ],

    'http_client' => [
        'verify' => true,
        'timeout' => 10,
        'retry_times' => 3,
        'retry_base_ms' => 100,
    ],
];
