-- A contract (合同) may come from an accepted quote (QuoteContracts); a quote gives at most one
-- contract, so two clicks at once cannot make two. NULLs (contracts entered directly) do not clash.
alter table sales_contracts add column quote_id bigint;
create unique index sales_contracts_quote_uq on sales_contracts (quote_id);
create index sales_contracts_order_idx on sales_contracts (order_id);
