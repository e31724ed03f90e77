package dev.rapport.sales;

import java.time.Instant;
import java.util.List;

/** A price book (价目表): a currency and tiered prices per product. One active book is the default. */
public record PriceBookView(long id, String name, String currency, boolean isDefault, boolean active, long version,
                            Instant createdAt, Instant updatedAt, List<PriceTier> tiers) {
}
