-- The task badge asks "overdue or reminder due" on every page: with the reminder time in the index
-- the count is answered from the index alone instead of visiting every open task's row.
drop index activities_owner_open_idx;
create index activities_owner_open_idx on activities (owner_id, type, done_at, due_at, remind_at);
