-- Reminders are now delivered (a notification, and an e-mail for those who want one) by a job that
-- looks for open tasks whose reminder time has come and that were not reminded yet. This index
-- answers exactly that, however many old, delivered or finished reminders the table holds.
drop index activities_remind_idx;
create index activities_reminder_due_idx on activities (reminded, done_at, remind_at);

-- Reminders more than a day old when this version is installed were seen as badges already; sending
-- them all at once after the upgrade would bury the new ones.
update activities set reminded = true
where reminded = false and type = 'task' and remind_at < current_timestamp - interval '1' day;
