-- A chunk lives only until its import ends; compressing it would cost CPU on every upload and
-- read for no lasting saving.
alter table import_file_chunks alter column data set storage external;
