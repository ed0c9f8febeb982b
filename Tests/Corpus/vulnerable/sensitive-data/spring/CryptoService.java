package com.example.shop.security;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.net.ssl.X509TrustManager;
import org.apache.commons.lang3.RandomStringUtils;
import org.springframework.stereotype.Service;

@Service
public class CryptoService {
    private static final SecureRandom RNG = new SecureRandom();
    private final SecretKeySpec key;

    public CryptoService(byte[] rawKey) {
        this.key = new SecretKeySpec(rawKey, "AES");
    }

    public byte[] encryptLegacy(byte[] data) throws Exception {
        Cipher cipher = Cipher.getInstance("AES"); // expect: sensitive-data/weak-cipher-java
        cipher.init(Cipher.ENCRYPT_MODE, key);
        return cipher.doFinal(data);
    }

    public byte[] encrypt(byte[] data, byte[] iv) throws Exception {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
        return cipher.doFinal(data);
    }

    public String newApiKey() {
        String apiKey = RandomStringUtils.insecure().nextAlphanumeric(40); // expect: sensitive-data/insecure-random-java
        return apiKey;
    }

    public String newOtp() {
        String otp = String.valueOf(100000 + new Random().nextInt(900000)); // expect: sensitive-data/insecure-random-java
        return otp;
    }

    public int newSecureOtp() {
        return RNG.nextInt(1_000_000);
    }

    static final X509TrustManager TRUST_ALL = new X509TrustManager() {
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}
        public void checkServerTrusted(X509Certificate[] chain, String authType) {} // expect: sensitive-data/tls-verification-disabled-java
        public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
    };
}
