-- "My tasks" and the task badge look for a user's open tasks only; with type in the index they
-- no longer walk past every note and call the user ever logged (hundreds of thousands at scale).
drop index activities_owner_open_idx;
create index activities_owner_open_idx on activities (owner_id, type, done_at, due_at);
