package com.example.inventory.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/auth")
public class AuthController {

    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    private static final Duration ACCESS_TTL = Duration.ofMinutes(15);

    public record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 12, max = 128) String password,
            @NotBlank @Size(max = 80) String displayName) {}

    public record LoginRequest(@NotBlank @Email String email, @NotBlank @Size(max = 128) String password) {}

    public record TokenResponse(String accessToken, String tokenType, long expiresIn) {}

    record StoredUser(long id, String passwordHash, boolean enabled) {}

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final JwtEncoder jwtEncoder;

    public AuthController(JdbcClient jdbc, PasswordEncoder passwordEncoder, JwtEncoder jwtEncoder) {
        this.jdbc = jdbc;
        this.passwordEncoder = passwordEncoder;
        this.jwtEncoder = jwtEncoder;
    }

    @PostMapping("/register")
    @Transactional
    public ResponseEntity<Map<String, Object>> register(@Valid @RequestBody RegisterRequest req) {
        boolean exists = jdbc.sql("SELECT COUNT(*) FROM app_user WHERE email = :email")
                .param("email", req.email().toLowerCase())
                .query(Integer.class)
                .single() > 0;
        if (exists) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "email already registered"));
        }
        long id = jdbc.sql("INSERT INTO app_user (email, password_hash, display_name) VALUES (:email, :hash, :name) RETURNING id")
                .param("email", req.email().toLowerCase())
                .param("hash", passwordEncoder.encode(req.password()))
                .param("name", req.displayName())
                .query(Long.class)
                .single();
        log.info("user registered userId={}", id);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @PostMapping("/login")
    public ResponseEntity<?> login(@Valid @RequestBody LoginRequest req) {
        Optional<StoredUser> user = jdbc.sql("SELECT id, password_hash, enabled FROM app_user WHERE email = ?")
                .param(req.email().toLowerCase())
                .query(StoredUser.class)
                .optional();
        if (user.isEmpty() || !user.get().enabled()
                || !passwordEncoder.matches(req.password(), user.get().passwordHash())) {
            log.warn("login failed userId={}", user.map(StoredUser::id).orElse(null));
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid credentials"));
        }
        long userId = user.get().id();
        Instant now = Instant.now();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("inventory")
                .subject(Long.toString(userId))
                .issuedAt(now)
                .expiresAt(now.plus(ACCESS_TTL))
                .build();
        String accessToken = jwtEncoder
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims))
                .getTokenValue();

        ResponseCookie refreshMarker = ResponseCookie.from("session_hint", "1")
                .httpOnly(true)
                .secure(true)
                .sameSite("Lax")
                .path("/")
                .maxAge(ACCESS_TTL)
                .build();
        log.info("login ok userId={} tokenType=Bearer", userId);
        return ResponseEntity.ok()
                .header(HttpHeaders.SET_COOKIE, refreshMarker.toString())
                .body(new TokenResponse(accessToken, "Bearer", ACCESS_TTL.toSeconds()));
    }
}
