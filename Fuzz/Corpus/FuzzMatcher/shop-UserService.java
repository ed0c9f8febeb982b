package com.shop;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

public class UserService {
    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    public byte[] legacyDigest(String password) throws NoSuchAlgorithmException {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return digest.digest(password.getBytes(StandardCharsets.UTF_8));
    }

    public String register(String email, String password) {
        String hash = encoder.encode(password);
        log.info("registered a new user");
        return hash;
    }

    public void resetPassword(User user, String token) {
        log.debug("password reset for user {} with token {}", user.getId(), token);
        log.info("password reset requested for user {}", user.getId());
    }
}
