-- Which customers were merged into which, so the survivor's history shows theirs too.
create table customer_merges (
    merged_id   bigint primary key,
    survivor_id bigint not null,
    merged_at   timestamp with time zone not null,
    merged_by   bigint
);
create index customer_merges_survivor_idx on customer_merges (survivor_id);
