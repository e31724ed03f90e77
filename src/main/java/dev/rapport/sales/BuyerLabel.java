package dev.rapport.sales;

/**
 * How a current customer buys, from their confirmed and fulfilled orders: first-time (one order),
 * repeat (two or more), loyal (five or more orders, or orders in three or more distinct years).
 * NONE = no order yet.
 */
public enum BuyerLabel {
    NONE, FIRST_TIME, REPEAT, LOYAL;

    public static final int LOYAL_ORDERS = 5;
    public static final int LOYAL_YEARS = 3;

    public String key() {
        return name().toLowerCase().replace('_', '-');
    }

    public static BuyerLabel of(long orders, long distinctYears) {
        if (orders <= 0) {
            return NONE;
        }
        if (orders >= LOYAL_ORDERS || distinctYears >= LOYAL_YEARS) {
            return LOYAL;
        }
        return orders >= 2 ? REPEAT : FIRST_TIME;
    }
}
