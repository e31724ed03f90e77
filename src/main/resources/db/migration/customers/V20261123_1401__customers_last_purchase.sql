-- The day of the customer's latest order, kept by CustomerManagement.recordPurchase (the sales
-- module calls it); the public pool's "did not buy within M days" rule reads it.
alter table customers add column last_purchase_on date;
