-- What an import needs beyond its counters: where its upload is kept, how columns map to fields,
-- and when it started, so any node can run, resume the display of, or explain a job.
alter table imports add column stored_file varchar(500);
alter table imports add column mapping varchar(8000);
alter table imports add column started_at timestamp with time zone;
create index imports_user_idx on imports (user_id, id);
