import BackcheckLexer
import BackcheckModel

/// Typical backend code per language, repeated into a large corpus by `ThroughputCheck`.
enum ThroughputSamples {
    static let all: [(Language, String)] = [
        (.python, #"""
        import hashlib
        from flask import request, jsonify

        class UserService:
            """Loads and stores users."""

            def __init__(self, db, cache=None):
                self.db = db
                self.cache = cache or {}

            def find(self, user_id: int) -> dict | None:
                # Look in the cache first.
                if user_id in self.cache:
                    return self.cache[user_id]
                row = self.db.execute(f"SELECT id, name FROM users WHERE id = {user_id!r}").fetchone()
                self.cache[user_id] = {"id": row[0], "name": row[1], "tags": [t.strip() for t in row[2].split(',')]}
                return self.cache[user_id]

        @app.route("/users/<int:user_id>", methods=["GET"])
        def get_user(user_id):
            user = service.find(user_id)
            return jsonify(user), 200 if user else 404

        """#),
        (.javascript, #"""
        const express = require('express');
        const router = express.Router();

        // Fetch one order with its lines.
        router.get('/orders/:id', async (req, res, next) => {
          try {
            const id = parseInt(req.params.id, 10);
            const order = await db.query(`SELECT * FROM orders WHERE id = ${id}`);
            if (!order || order.rows.length === 0) { return res.status(404).json({ error: 'not found' }); }
            const total = order.rows.reduce((sum, row) => sum + row.price * row.qty, 0) / 100;
            res.json({ ...order.rows[0], total, valid: /^[A-Z]{3}-\d+$/.test(order.rows[0].code) });
          } catch (err) {
            next(err);
          }
        });

        module.exports = router;

        """#),
        (.go, #"""
        package handlers

        import (
        	"database/sql"
        	"encoding/json"
        	"net/http"
        )

        // GetAccount writes one account as JSON.
        func (h *Handler) GetAccount(w http.ResponseWriter, r *http.Request) {
        	id := r.URL.Query().Get("id")
        	row := h.db.QueryRow(`SELECT id, owner, balance FROM accounts WHERE id = $1`, id)
        	var a Account
        	if err := row.Scan(&a.ID, &a.Owner, &a.Balance); err != nil {
        		if err == sql.ErrNoRows {
        			http.Error(w, "not found", http.StatusNotFound)
        			return
        		}
        		http.Error(w, err.Error(), http.StatusInternalServerError)
        		return
        	}
        	_ = json.NewEncoder(w).Encode(a)
        }

        """#),
        (.java, #"""
        package com.example.orders;

        import java.util.List;
        import org.springframework.web.bind.annotation.*;

        @RestController
        @RequestMapping("/api/orders")
        public class OrderController {
            private final OrderRepository repository;

            public OrderController(OrderRepository repository) { this.repository = repository; }

            /** Lists the orders of a customer. */
            @GetMapping("/{customerId}")
            public List<OrderDto> list(@PathVariable long customerId, @RequestParam(defaultValue = "0") int page) {
                String sql = "SELECT * FROM orders WHERE customer_id = " + customerId + " LIMIT 50";
                return repository.find(sql).stream().map(o -> new OrderDto(o.getId(), o.getTotal() * 1.2)).toList();
            }
        }

        """#),
        (.kotlin, #"""
        package com.example.billing

        import org.springframework.web.bind.annotation.*

        @RestController
        class InvoiceController(private val service: InvoiceService) {
            /* Returns one invoice. */
            @GetMapping("/invoices/{id}")
            fun get(@PathVariable id: Long): InvoiceDto? {
                val invoice = service.find(id) ?: return null
                logger.info("Loaded invoice $id for ${invoice.customer.name}")
                return invoice.lines.filter { it.amount > 0 }.let { InvoiceDto(id, it.sumOf { l -> l.amount }) }
            }
        }

        """#),
        (.csharp, #"""
        using Microsoft.AspNetCore.Mvc;

        namespace Shop.Controllers
        {
            [ApiController]
            [Route("api/[controller]")]
            public class ProductsController : ControllerBase
            {
                private readonly ShopContext _db;
                public ProductsController(ShopContext db) => _db = db;

                // GET api/products/5
                [HttpGet("{id}")]
                public async Task<ActionResult<Product>> Get(int id)
                {
                    var product = await _db.Products.FindAsync(id);
                    _logger.LogInformation($"Product {id} requested at {DateTime.UtcNow:O}");
                    return product is null ? NotFound() : Ok(product);
                }
            }
        }

        """#),
        (.php, #"""
        <?php
        namespace App\Http\Controllers;

        use Illuminate\Http\Request;

        class PostController extends Controller
        {
            // Show one post.
            public function show(Request $request, int $id)
            {
                $post = DB::select("SELECT * FROM posts WHERE id = $id AND author = {$request->user()->id}");
                if (!$post) {
                    abort(404);
                }
                return view('posts.show', ['post' => $post[0], 'count' => count($post) ?? 0]);
            }
        }

        """#),
        (.ruby, #"""
        class UsersController < ApplicationController
          before_action :authenticate_user!

          # GET /users/:id
          def show
            @user = User.find(params[:id])
            render json: { id: @user.id, name: "#{@user.first} #{@user.last}" }, status: :ok
          rescue ActiveRecord::RecordNotFound
            head :not_found
          end

          def search
            names = params[:q].to_s.split(/,\s*/).map(&:strip)
            @users = User.where("name IN (?)", names).order(created_at: :desc).limit(20)
          end
        end

        """#),
        (.swift, #"""
        import Vapor

        struct TodoController: RouteCollection {
            func boot(routes: RoutesBuilder) throws {
                let todos = routes.grouped("todos")
                todos.get(use: index)
                todos.post(use: create)
            }

            /// Lists all todos.
            func index(req: Request) async throws -> [Todo] {
                req.logger.info("Listing todos for \(req.remoteAddress?.description ?? "unknown")")
                return try await Todo.query(on: req.db).filter(\.$done == false).all()
            }
        }

        """#),
        (.sql, #"""
        -- Orders and their lines.
        CREATE TABLE orders (
            id BIGSERIAL PRIMARY KEY,
            customer_id BIGINT NOT NULL REFERENCES customers(id),
            status TEXT NOT NULL DEFAULT 'new',
            created_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );

        CREATE INDEX orders_customer_idx ON orders (customer_id, created_at DESC);

        SELECT o.id, c.name, SUM(l.price * l.qty)::numeric(12, 2) AS total
        FROM orders o JOIN customers c ON c.id = o.customer_id
        JOIN order_lines l ON l.order_id = o.id
        WHERE o.status <> 'cancelled' AND c.email LIKE '%@example.com'
        GROUP BY o.id, c.name ORDER BY total DESC LIMIT 100;

        """#),
    ]
}
