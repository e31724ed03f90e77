package dev.rapport.sales;

import java.time.Instant;

public record ProductView(long id, String sku, String name, String unit, String category, String description,
                          boolean active, long version, Instant createdAt, Instant updatedAt) {
}
