-- Activities per day, owner and type (the day in the company time zone, rapport.default-time-zone):
-- the performance review (业绩考核) sums a year of them for hundreds of reps, which grouping ten
-- million activity rows on every request could not do in time. Every write to activities keeps it
-- in step in the same transaction. The primary key serves "days in a range, grouped by owner and
-- type"; the second index the same for the few owners of a scoped user.
create table activity_day_counts (
    on_day   date        not null,
    owner_id bigint      not null,
    type     varchar(20) not null,
    n        bigint      not null,
    constraint activity_day_counts_pk primary key (on_day, owner_id, type)
);
create index activity_day_counts_owner_idx on activity_day_counts (owner_id, on_day, type, n);

-- The zone the days were cut in: when the configured zone changes, the application cuts them again
-- at start (ActivityDayCountStore.ensureZone).
create table activity_day_counts_zone (
    zone varchar(64) not null
);
insert into activity_day_counts_zone (zone) values ('${rapport_zone}');

-- cut in the company zone: H2 and PostgreSQL both take a timestamptz's date in the session's zone
set time zone '${rapport_zone}';
insert into activity_day_counts (on_day, owner_id, type, n)
select cast(occurred_at as date), owner_id, type, count(*)
from activities
group by cast(occurred_at as date), owner_id, type;
set time zone local;
