-- Uploaded import files live in the database, in 1 MiB chunks, so any node can run (or resume) an
-- import, whichever node received the upload. Chunks are deleted when the import ends.
create table import_file_chunks (
    import_id bigint not null references imports (id) on delete cascade,
    seq       int    not null,
    data      bytea  not null,
    primary key (import_id, seq)
);

-- The checkpoint: the last file line whose batch is committed, and how far into the file that is
-- (bytes for CSV and vCard, rows for xlsx), written in the same transaction as the batch, so a
-- job re-run after its node died resumes right after it and counts nothing twice.
alter table imports add column file_size bigint not null default 0;
alter table imports add column last_line bigint not null default 0;
alter table imports add column work_done bigint not null default 0;
alter table imports add column work_total bigint not null default 0;

-- Skipped rows are listed with their reason, like rejected ones.
alter table import_errors add column outcome varchar(10) not null default 'rejected';

-- Uploads are no longer kept on a node's disk.
alter table imports drop column stored_file;
