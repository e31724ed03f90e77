-- Counters of the configuration each node keeps in memory (see CacheGenerations): the identity
-- directory (its counter moves here from identity_generation), custom field definitions and
-- assignment rules. A node reads them all in one query per request.
create table cache_generations (
    name       varchar(40) not null primary key,
    generation bigint      not null
);
insert into cache_generations (name, generation) select 'identity', generation from identity_generation where id = 1;
insert into cache_generations (name, generation) values ('custom-fields', 0);
insert into cache_generations (name, generation) values ('assignment-rules', 0);
drop table identity_generation;
