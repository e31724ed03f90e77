create extension if not exists pg_trgm;
create index customers_search_trgm_idx on customers using gin (search_text gin_trgm_ops);
create index contacts_search_trgm_idx on contacts using gin (search_text gin_trgm_ops);
