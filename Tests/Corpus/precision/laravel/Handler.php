<?php

namespace App\Exceptions;

use Illuminate\Auth\AuthenticationException;
use Illuminate\Foundation\Exceptions\Handler as ExceptionHandler;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Illuminate\Validation\ValidationException;
use Symfony\Component\HttpKernel\Exception\HttpExceptionInterface;
use Throwable;

class Handler extends ExceptionHandler
{
    /**
     * Inputs that are never flashed back to the session on validation errors.
     *
     * @var array<int, string>
     */
    protected $dontFlash = [
        'current_password',
        'password',
        'password_confirmation',
    ];

    public function register(): void
    {
        $this->reportable(function (Throwable $e) {
            Log::error('unhandled exception', [
                'exception' => $e,
                'request_id' => request()->header('X-Request-Id'),
                'user_id' => optional(request()->user())->id,
            ]);
        })->stop();

        $this->renderable(function (Throwable $e, Request $request) {
            if (! $request->expectsJson()) {
                return null;
            }
            if ($e instanceof ValidationException) {
                return response()->json(['error' => 'validation failed', 'fields' => array_keys($e->errors())], 422);
            }
            if ($e instanceof AuthenticationException) {
                return response()->json(['error' => 'unauthenticated'], 401);
            }
            if ($e instanceof HttpExceptionInterface) {
                return response()->json(['error' => 'request failed'], $e->getStatusCode());
            }

            return response()->json(['error' => 'internal error'], 500);
        });
    }
}
