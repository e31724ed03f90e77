-- A quote gives at most one order (QuoteOrders): two clicks at once cannot make two.
create unique index sales_orders_quote_uq on sales_orders (quote_id);
