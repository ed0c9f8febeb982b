<?php

namespace App\Http\Controllers;

use App\Models\User;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class UserController extends Controller
{
    public function index(Request $request)
    {
        $role = $request->input('role');
        $users = User::where('role', $role)->get();
        $sorted = DB::select("SELECT * FROM users WHERE role = ? ORDER BY name", [$role]);  // expect: query-performance/select-star
        $sort = $request->query('sort', 'name');
        $ordered = DB::select("SELECT * FROM users ORDER BY {$sort}"); // expect: input-validation/sql-injection-php
        return response()->json(compact('users', 'sorted', 'ordered'));
    }

    public function search(Request $request)
    {
        $term = $request->input('q');
        $safe = User::query()->whereRaw('name LIKE ?', ['%' . $term . '%'])->get();
        $unsafe = User::query()->whereRaw("email LIKE '%$term%'")->get(); // expect: input-validation/sql-injection-php
        return response()->json(['safe' => $safe, 'unsafe' => $unsafe]);
    }

    public function show(Request $request, int $id)
    {
        $user = DB::selectOne('SELECT * FROM users WHERE id = ?', [$id]);  // expect: query-performance/select-star
        $limit = (int) $request->query('limit', 10);
        $posts = DB::select("SELECT * FROM posts WHERE user_id = $id LIMIT $limit");
        return response()->json(['user' => $user, 'posts' => $posts]);
    }

    public function rename(Request $request, int $id)
    {
        $name = request('name');
        DB::update('UPDATE users SET name = ? WHERE id = ?', [$name, $id]);
        DB::statement("UPDATE audit SET last_name = '$name' WHERE user_id = $id"); // expect: input-validation/sql-injection-php
        return response()->noContent();
    }
}
