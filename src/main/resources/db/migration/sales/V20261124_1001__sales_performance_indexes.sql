-- The performance review (业绩考核) reads each source once per request as a range over the period,
-- grouped by owner, from the index alone where PostgreSQL's visibility map allows:
-- deals won or lost in the period, with what the sums and the cycle length need
create index opportunities_closed_idx on opportunities (status, closed_at, owner_id, currency, amount, created_at);
-- deals opened in the period
create index opportunities_created_idx on opportunities (created_at, owner_id);
-- leads that came in during the period, and whether they are converted
create index leads_created_idx on leads (created_at, owner_id, converted_at);
