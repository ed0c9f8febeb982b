<?php

namespace App\Http\Controllers;

use App\Http\Requests\UpdateProfileRequest;
use App\Models\Post;
use App\Models\User;
use Illuminate\Http\Request;

class ProfileController extends Controller
{
    public function store(Request $request)
    {
        $user = User::create($request->all()); // expect: input-validation/mass-assignment-php
        return redirect()->route('profile.show', $user);
    }

    public function update(UpdateProfileRequest $request, User $user)
    {
        $user->update($request->validated());
        return back();
    }

    public function updatePost(Request $request, Post $post)
    {
        $post->fill($request->all())->save(); // expect: input-validation/mass-assignment-php
        return $post;
    }

    public function afterLogin(Request $request)
    {
        return redirect()->to($request->input('return_to')); // expect: input-validation/open-redirect-php
    }

    public function home(Request $request)
    {
        return redirect('/users/' . $request->input('id'));
    }

    public function export(Request $request)
    {
        return response()->download(storage_path('exports/' . $request->input('file'))); // expect: input-validation/path-traversal-php
    }

    public function exportSafe(Request $request)
    {
        return response()->download(storage_path('exports/' . basename($request->input('file'))));
    }

    public function greet(Request $request)
    {
        return "<h1>Hello " . $request->input('name') . "</h1>"; // expect: input-validation/xss-php
    }

    public function greetView(Request $request)
    {
        return view('greet', ['name' => $request->input('name')]);
    }

    public function thumbnail(Request $request)
    {
        $file = $request->input('file');
        exec("convert {$file} -resize 64x64 /tmp/thumb.png"); // expect: input-validation/command-injection-php
        return response()->json(['ok' => true]);
    }
}
