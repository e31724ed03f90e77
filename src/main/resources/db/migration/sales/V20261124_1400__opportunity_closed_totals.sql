-- The board's won and lost columns show the deals closed in the last 90 days with their count and
-- sum. Read from the deals themselves that is ~50,000 index entries at 500,000 opportunities; this
-- rollup per closing day (UTC), stage, owner and currency answers it from at most
-- 90 days x closed stages x owners rows, however many deals close. OpportunityStore keeps it in the
-- same transaction as every write that closes, reopens, moves, changes or deletes a closed deal.
create table opportunity_closed_totals (
    pipeline_id bigint         not null,
    closed_on   date           not null,
    stage_id    bigint         not null,
    owner_id    bigint         not null,
    currency    varchar(3)     not null,
    n           bigint         not null,
    amount      numeric(21, 2) not null,
    constraint opportunity_closed_totals_pk primary key (pipeline_id, closed_on, stage_id, owner_id, currency)
);
insert into opportunity_closed_totals (pipeline_id, closed_on, stage_id, owner_id, currency, n, amount)
select pipeline_id, cast((closed_at at time zone 'UTC') as date), stage_id, owner_id, currency, count(*), sum(amount)
from opportunities
where closed_at is not null
group by pipeline_id, cast((closed_at at time zone 'UTC') as date), stage_id, owner_id, currency;
