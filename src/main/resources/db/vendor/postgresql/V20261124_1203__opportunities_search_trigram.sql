-- The opportunity list's q: a substring of search_text, answered from this index instead of a scan
-- of every opportunity (see docs/benchmarks.md, "Opportunity search").
create extension if not exists pg_trgm;
create index opportunities_search_trgm_idx on opportunities using gin (search_text gin_trgm_ops);
