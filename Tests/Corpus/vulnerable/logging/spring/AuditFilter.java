package com.example.shop.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

public class AuditFilter extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        log.info("{} {}", request.getMethod(), request.getRequestURI());
        log.debug("Authorization: {}", request.getHeader("Authorization")); // expect: logging/request-logged-java
        log.info("Request id {}", request.getHeader("X-Request-Id"));
        chain.doFilter(request, response);
    }

    void audit(Customer customer) {
        log.info("Customer {} email {}", customer.getId(), customer.getEmail()); // expect: logging/pii-in-log-java
        log.info("Customer {} verified {}", customer.getId(), customer.isEmailVerified());
    }

    interface Customer {
        Long getId();
        String getEmail();
        boolean isEmailVerified();
    }
}
