-- One counter bumped in the same transaction as every change to users, roles, permissions or
-- departments. Each node keeps the directory (users, roles, departments) in memory and reloads it
-- when the counter moves, so a request reads one row instead of five to know who is signed in
-- and what they may see, and a change made on one node is seen by every node at its next request.
create table identity_generation (
    id         int    not null primary key,
    generation bigint not null
);
insert into identity_generation (id, generation) values (1, 0);
