package dev.rapport.sales;

/** A product as typed. The SKU is unique across all products (compared without case). */
public record ProductInput(String sku, String name, String unit, String category, String description, Boolean active) {
}
