package dev.rapport.customers;

/** A rep already owns as many customers from the pool as its claim cap allows. */
public class PoolCapReachedException extends RuntimeException {

    private final String poolName;
    private final int cap;

    public PoolCapReachedException(String poolName, int cap) {
        super("claim cap " + cap + " of pool " + poolName + " reached");
        this.poolName = poolName;
        this.cap = cap;
    }

    public String poolName() {
        return poolName;
    }

    public int cap() {
        return cap;
    }
}
