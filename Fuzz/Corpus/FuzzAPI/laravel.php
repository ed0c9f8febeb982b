<?php
Route::prefix('admin')->group(function () {
  Route::get('/users/{user}', [UserController::class, 'show']);
});
Route::apiResource('posts', PostController::class);
