-- Per-user settings: the time zone pages show and read times in (an IANA id; null for users created
-- before this column, who follow rapport.default-time-zone), and whether reminders also go out by
-- e-mail. The existing locale column now holds the language the user last used the UI in, so
-- e-mails speak it too.
alter table users add column time_zone varchar(50);
alter table users add column email_reminders boolean not null default true;
