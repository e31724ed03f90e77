-- One row per tag of a customer, so a filter on a tag is an index look-up (tag, newest customer
-- first) instead of a LIKE over every customer in the user's scope. customers.tags stays the
-- record's own copy, shown and exported as before; CustomerStore writes both in one transaction.
create table customer_tags (
    tag         varchar(100) not null,
    customer_id bigint       not null references customers (id) on delete cascade,
    constraint customer_tags_pk primary key (tag, customer_id)
);
create index customer_tags_customer_idx on customer_tags (customer_id);

-- customers.tags is stored as ",a,b,": split it with a recursive query that both databases run
insert into customer_tags (tag, customer_id)
with recursive parts (customer_id, rest, tag) as (
    select id, cast(substring(tags from 2) as varchar(1000)), cast(null as varchar(1000)) from customers where tags is not null
    union all
    select customer_id, cast(substring(rest from position(',' in rest) + 1) as varchar(1000)),
           cast(substring(rest from 1 for position(',' in rest) - 1) as varchar(1000))
    from parts where position(',' in rest) > 0
)
select distinct tag, customer_id from parts where tag is not null and tag <> '' and char_length(tag) <= 100;
