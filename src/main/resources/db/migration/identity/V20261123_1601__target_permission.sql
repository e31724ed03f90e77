-- Setting sales targets (销售目标) is its own permission, held by the built-in admin and sales-manager roles.
insert into role_permissions (role_id, permission) select id, 'target:manage' from roles where role_key = 'admin';
insert into role_permissions (role_id, permission) select id, 'target:manage' from roles where role_key = 'sales-manager';
update identity_generation set generation = generation + 1;
