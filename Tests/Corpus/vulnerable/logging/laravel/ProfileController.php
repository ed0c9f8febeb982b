<?php

namespace App\Http\Controllers;

use App\Models\Profile;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;

class ProfileController extends Controller
{
    public function update(Request $request, Profile $profile)
    {
        Log::info('profile update', $request->all()); // expect: logging/request-logged-php
        $data = $request->validate(['phone' => 'nullable|string', 'street_address' => 'nullable|string']);
        $profile->update($data);
        Log::info("profile {$profile->id} phone changed to {$profile->phone}"); // expect: logging/pii-in-log-php
        Log::info('profile updated', ['profile_id' => $profile->id]);
        return response()->json(['ok' => true]);
    }

    public function webhook(Request $request)
    {
        error_log('webhook auth: ' . $request->header('Authorization')); // expect: logging/request-logged-php
        Log::info('webhook', ['event' => $request->input('event'), 'agent' => $request->header('User-Agent')]);
        return response()->noContent();
    }
}
