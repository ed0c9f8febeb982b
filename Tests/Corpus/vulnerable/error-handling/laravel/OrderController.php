<?php

namespace App\Http\Controllers;

use App\Models\Order;
use Illuminate\Http\Request;
use Illuminate\Support\Facades\Log;
use Illuminate\Validation\ValidationException;

class OrderController extends Controller
{
    public function store(Request $request)
    {
        try {
            $data = $request->validate(['sku' => 'required|string', 'quantity' => 'required|integer|min:1']);
        } catch (ValidationException $e) {
            return response()->json(['error' => $e->getMessage()], 422);
        }

        try {
            $order = Order::create($data);
        } catch (\Exception $e) {
            Log::error($e);
            return response()->json(['error' => $e->getMessage()], 500); // expect: error-handling/exception-in-response-php
        }

        try {
            $order->notifyWarehouse();
        } catch (\Throwable $t) { // expect: error-handling/empty-catch-php
        }

        return response()->json($order, 201);
    }
}

function legacy_order_report($conn, $customerId)
{
    $stmt = mysqli_prepare($conn, 'SELECT id, total FROM orders WHERE customer_id = ?');
    mysqli_stmt_bind_param($stmt, 'i', $customerId);
    mysqli_stmt_execute($stmt) or die(mysqli_error($conn)); // expect: error-handling/exception-in-response-php
    return mysqli_stmt_get_result($stmt);
}
