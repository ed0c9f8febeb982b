package com.example.shop.web;

import java.io.IOException;
import javax.servlet.http.HttpServletResponse;
import org.apache.commons.lang3.exception.ExceptionUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/api/orders")
public class OrderController {
    private static final Logger log = LoggerFactory.getLogger(OrderController.class);
    private final OrderService orders;

    public OrderController(OrderService orders) {
        this.orders = orders;
    }

    @GetMapping("/{id}")
    public ResponseEntity<?> get(@PathVariable long id) {
        try {
            return ResponseEntity.ok(orders.find(id));
        } catch (OrderNotFoundException e) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).body(e.getMessage());
        } catch (Exception e) {
            log.error("order lookup failed", e);
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(e.getMessage()); // expect: error-handling/exception-in-response-java
        }
    }

    @PostMapping
    public ResponseEntity<?> create(@RequestBody OrderRequest request) {
        try {
            return ResponseEntity.status(HttpStatus.CREATED).body(orders.create(request));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(e.getMessage());
        }
    }

    @GetMapping("/{id}/invoice")
    public void invoice(@PathVariable long id, HttpServletResponse response) throws IOException {
        try {
            orders.writeInvoice(id, response.getOutputStream());
        } catch (Exception e) {
            e.printStackTrace(response.getWriter()); // expect: error-handling/exception-in-response-java
        }
    }

    @ExceptionHandler(RuntimeException.class)
    public ResponseEntity<String> handle(RuntimeException ex) {
        return ResponseEntity.internalServerError().body(ExceptionUtils.getStackTrace(ex)); // expect: error-handling/exception-in-response-java
    }

    @DeleteMapping("/{id}")
    public void cancel(@PathVariable long id) {
        try {
            orders.cancel(id);
        } catch (Exception e) { // expect: error-handling/empty-catch-java
        }
    }
}
