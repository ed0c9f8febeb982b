package com.example.shop.config;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.CrossOrigin;
import org.springframework.web.servlet.config.annotation.CorsRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

@Configuration
public class SecurityConfig implements WebMvcConfigurer {

    @Bean
    public SecurityFilterChain filterChain(HttpSecurity http) throws Exception {
        http.csrf(csrf -> csrf.disable()) // expect: auth/csrf-protection-disabled
            .authorizeHttpRequests(a -> a.requestMatchers("/api/public/**").permitAll().anyRequest().authenticated());
        return http.build();
    }

    @Override
    public void addCorsMappings(CorsRegistry registry) {
        registry.addMapping("/api/**").allowedOriginPatterns("*").allowCredentials(true); // expect: auth/cors-credentials-any-origin
        registry.addMapping("/public/**").allowedOrigins("*").allowedMethods("GET");
    }

    public String issue(String userId) {
        return JWT.create().withSubject(userId).sign(Algorithm.HMAC256("spring-jwt-secret")); // expect: auth/jwt-hardcoded-secret
    }

    public void writeSession(HttpServletResponse response, String sessionId) {
        Cookie cookie = new Cookie("SESSION", sessionId);
        cookie.setHttpOnly(true);
        cookie.setSecure(false); // expect: auth/cookie-security-flag-disabled
        response.addCookie(cookie);
    }

    public boolean checkApiKey(String provided, String apiKey) {
        return provided.equals(apiKey); // expect: auth/secret-compare-not-constant-time
    }
}
