package com.example.inventory.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class ProductRepositoryTest {

    @Test
    void etagChangesWhenStockChanges() {
        var a = List.of(new ProductRepository.Product(1, "SKU-1", "Widget", new BigDecimal("9.99"), 5));
        var b = List.of(new ProductRepository.Product(1, "SKU-1", "Widget", new BigDecimal("9.99"), 4));
        assertThat(ProductRepository.etagFor(a)).isNotEqualTo(ProductRepository.etagFor(b));
        assertThat(ProductRepository.etagFor(a)).startsWith("W/\"");
    }

    @Test
    void bcryptEncoderMatchesOnlyTheOriginal() {
        var encoder = new BCryptPasswordEncoder(4);
        String encoded = encoder.encode("a long enough passphrase");
        assertThat(encoder.matches("a long enough passphrase", encoded)).isTrue();
        assertThat(encoder.matches("a different passphrase", encoded)).isFalse();
    }
}
