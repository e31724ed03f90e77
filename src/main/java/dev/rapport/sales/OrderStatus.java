package dev.rapport.sales;

/**
 * An order's status: draft (lines still editable) → confirmed (the customer bought: it counts in
 * their purchases and receivables) → fulfilled (delivered); draft or confirmed → cancelled (only
 * while nothing has been paid on it).
 */
public enum OrderStatus {
    DRAFT, CONFIRMED, FULFILLED, CANCELLED;

    public String key() {
        return name().toLowerCase();
    }

    /** Whether an order in this status is a purchase: counted in history, labels and receivables. */
    public boolean isPurchase() {
        return this == CONFIRMED || this == FULFILLED;
    }

    public static OrderStatus parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim().toLowerCase();
        for (OrderStatus s : values()) {
            if (s.key().equals(t)) {
                return s;
            }
        }
        return switch (t) {
            case "草稿" -> DRAFT;
            case "已确认", "确认" -> CONFIRMED;
            case "已完成", "完成", "已发货", "completed", "delivered", "closed" -> FULFILLED;
            case "已取消", "取消", "canceled" -> CANCELLED;
            default -> null;
        };
    }
}
