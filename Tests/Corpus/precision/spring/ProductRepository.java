package com.example.inventory.product;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class ProductRepository {

    private static final Logger log = LoggerFactory.getLogger(ProductRepository.class);

    private static final Map<String, String> SORTS = Map.of(
            "name", "p.name",
            "price", "p.unit_price",
            "stock", "p.stock_level");

    public record Product(long id, String sku, String name, BigDecimal unitPrice, int stockLevel) {}

    public record Supplier(long id, String name) {}

    private final NamedParameterJdbcTemplate jdbc;

    public ProductRepository(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<Product> search(String skuPrefix, String sort, int limit) {
        String orderBy = SORTS.getOrDefault(sort, "p.name");
        String escaped = skuPrefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("skuPrefix", escaped + "%")
                .addValue("limit", limit);
        return jdbc.query(
                "SELECT p.id, p.sku, p.name, p.unit_price, p.stock_level FROM product p "
                        + "WHERE p.sku LIKE :skuPrefix ORDER BY " + orderBy + " LIMIT :limit",
                params,
                (rs, i) -> new Product(rs.getLong("id"), rs.getString("sku"), rs.getString("name"),
                        rs.getBigDecimal("unit_price"), rs.getInt("stock_level")));
    }

    public Map<Long, List<Supplier>> suppliersFor(Set<Long> productIds) {
        if (productIds.isEmpty()) {
            return Map.of();
        }
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT ps.product_id, s.id, s.name FROM product_supplier ps "
                        + "JOIN supplier s ON s.id = ps.supplier_id WHERE ps.product_id IN (:ids)",
                Map.of("ids", productIds));
        log.debug("loaded suppliers for {} products, {} rows", productIds.size(), rows.size());
        return rows.stream().collect(Collectors.groupingBy(
                r -> ((Number) r.get("product_id")).longValue(),
                Collectors.mapping(r -> new Supplier(((Number) r.get("id")).longValue(), (String) r.get("name")),
                        Collectors.toList())));
    }

    public int adjustStock(Map<Long, Integer> deltas) {
        MapSqlParameterSource[] batch = deltas.entrySet().stream()
                .map(e -> new MapSqlParameterSource().addValue("id", e.getKey()).addValue("delta", e.getValue()))
                .toArray(MapSqlParameterSource[]::new);
        int[] counts = jdbc.batchUpdate(
                "UPDATE product SET stock_level = stock_level + :delta WHERE id = :id AND stock_level + :delta >= 0",
                batch);
        int updated = java.util.Arrays.stream(counts).sum();
        log.info("stock adjusted for {} of {} products", updated, deltas.size());
        return updated;
    }

    /** Weak ETag for the catalog listing; SHA-256 is used as a content checksum only. */
    public static String etagFor(List<Product> products) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Product p : products) {
                digest.update((p.id() + ":" + p.stockLevel() + ":" + p.unitPrice() + ";").getBytes(StandardCharsets.UTF_8));
            }
            return "W/\"" + HexFormat.of().formatHex(digest.digest()).substring(0, 32) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    public static <T> Map<Long, T> index(List<T> items, Function<T, Long> id) {
        return items.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
