package dev.rapport.sales;

import java.util.List;

/** A price book as typed; {@code tiers} replaces all its prices. */
public record PriceBookInput(String name, String currency, Boolean isDefault, Boolean active, List<PriceTier> tiers) {
}
