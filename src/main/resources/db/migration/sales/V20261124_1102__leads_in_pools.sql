-- Leads in the public pools (公海池), as customers are (docs/adr/0004): a lead in a pool has no
-- owner and its pool_id (a pool of the customers module, referenced by id only); a claimed lead
-- keeps the pool it came from, whose follow-up rule then applies to it. owned_since is when the
-- current owner got it, last_activity_at its latest logged activity (the follow-up clock).
alter table leads alter column owner_id drop not null;
alter table leads add column pool_id bigint;
alter table leads add column owned_since timestamp with time zone;
alter table leads add column last_activity_at timestamp with time zone;
update leads set owned_since = created_at;
create index leads_pool_owner_idx on leads (pool_id, owner_id, id);
