package com.example.shop.web;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.persistence.EntityManager;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.*;

@RestController
@RequestMapping("/customers")
public class CustomerController {
    private final JdbcTemplate jdbcTemplate;
    private final DataSource dataSource;
    private final EntityManager entityManager;

    public CustomerController(JdbcTemplate jdbcTemplate, DataSource dataSource, EntityManager entityManager) {
        this.jdbcTemplate = jdbcTemplate;
        this.dataSource = dataSource;
        this.entityManager = entityManager;
    }

    @GetMapping
    public List<Customer> search(@RequestParam String name, @RequestParam(defaultValue = "name") String sort) {
        List<Customer> exact = jdbcTemplate.query("SELECT * FROM customers WHERE name = ?", CustomerMapper.INSTANCE, name);  // expect: query-performance/select-star
        String sql = "SELECT * FROM customers WHERE name LIKE '%" + name + "%' ORDER BY " + sort;  // expect: query-performance/select-star, query-performance/leading-wildcard-like
        List<Customer> fuzzy = jdbcTemplate.query(sql, CustomerMapper.INSTANCE); // expect: input-validation/sql-injection-java
        exact.addAll(fuzzy);
        return exact;
    }

    @GetMapping("/{id}")
    public Customer get(@PathVariable Long id) {
        return jdbcTemplate.queryForObject("SELECT * FROM customers WHERE id = " + id, CustomerMapper.INSTANCE);  // expect: query-performance/select-star
    }

    @DeleteMapping("/{code}")
    public void delete(@PathVariable("code") String code) throws SQLException {
        Connection conn = dataSource.getConnection();
        Statement stmt = conn.createStatement();
        stmt.executeUpdate("DELETE FROM customers WHERE code = '" + code + "'"); // expect: input-validation/sql-injection-java
        stmt.close();
        conn.close();
    }

    @GetMapping("/by-email")
    public List<Customer> byEmail(@RequestParam("email") String email) throws SQLException {
        try (Connection conn = dataSource.getConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT * FROM customers WHERE email = ?")) {  // expect: query-performance/select-star
            ps.setString(1, email);
            ResultSet rs = ps.executeQuery();
            return CustomerMapper.all(rs);
        }
    }

    @PostMapping("/query")
    public List<?> query(@RequestBody CustomerQuery body) {
        String jpql = "select c from Customer c where c.city = '" + body.getCity() + "'";
        List<?> byCity = entityManager.createQuery(jpql).getResultList(); // expect: input-validation/sql-injection-java
        List<?> byCountry = entityManager.createQuery("select c from Customer c where c.country = :c")
            .setParameter("c", body.getCountry()).getResultList();
        byCity.addAll((List) byCountry);
        return byCity;
    }
}
