<?php

namespace App\Http\Controllers;

use App\Models\Customer;
use App\Models\Order;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\DB;

class OrderController extends Controller
{
    public function index()
    {
        $orders = Order::where('status', 'paid')->latest()->take(50)->get();
        foreach ($orders as $order) {
            $order->customer_name = Customer::find($order->customer_id)->name; // expect: query-performance/query-in-loop-php
        }
        return response()->json($orders);
    }

    public function indexFast()
    {
        $orders = Order::with('customer')->where('status', 'paid')->latest()->take(50)->get();
        return response()->json($orders);
    }

    public function search(Request $request)
    {
        $q = $request->input('q', '');
        $customers = Customer::where('email', 'like', "%{$q}%")->limit(20)->get(); // expect: query-performance/leading-wildcard-like
        $prefix = Customer::where('name', 'like', "{$q}%")->limit(20)->get();
        return response()->json(['email' => $customers, 'name' => $prefix]);
    }

    public function export()
    {
        return DB::select('SELECT * FROM orders WHERE status = ?', ['paid']); // expect: query-performance/select-star
    }
}
