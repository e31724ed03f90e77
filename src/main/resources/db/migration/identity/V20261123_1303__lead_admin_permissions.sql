-- Lead routing is an admin task: assignment rules and public web forms.
insert into role_permissions (role_id, permission) select id, 'assignment:manage' from roles where role_key = 'admin';
insert into role_permissions (role_id, permission) select id, 'webform:manage' from roles where role_key = 'admin';
update identity_generation set generation = generation + 1;
