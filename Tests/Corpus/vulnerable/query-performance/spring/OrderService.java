package com.example.shop.orders;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
public class OrderService {
    private final OrderRepository orderRepository;
    private final CustomerRepository customerRepository;
    private final JdbcTemplate jdbcTemplate;

    public OrderService(OrderRepository orderRepository, CustomerRepository customerRepository, JdbcTemplate jdbcTemplate) {
        this.orderRepository = orderRepository;
        this.customerRepository = customerRepository;
        this.jdbcTemplate = jdbcTemplate;
    }

    public List<Order> paidOrders() {
        List<Order> orders = orderRepository.findByStatus("PAID");
        for (Order order : orders) {
            order.setCustomer(customerRepository.findById(order.getCustomerId()).orElse(null)); // expect: query-performance/query-in-loop-java
        }
        return orders;
    }

    public List<Order> paidOrdersFast() {
        List<Order> orders = orderRepository.findByStatus("PAID");
        Map<Long, Customer> byId = customerRepository.findAllById(orders.stream().map(Order::getCustomerId).toList())
                .stream().collect(Collectors.toMap(Customer::getId, Function.identity()));
        orders.forEach(o -> o.setCustomer(byId.get(o.getCustomerId())));
        return orders;
    }

    public List<Map<String, Object>> search(String q) {
        return jdbcTemplate.queryForList("SELECT * FROM customers WHERE name LIKE ?", "%" + q + "%"); // expect: query-performance/select-star
    }
}
