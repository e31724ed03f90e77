create index leads_search_trgm_idx on leads using gin (search_text gin_trgm_ops);
