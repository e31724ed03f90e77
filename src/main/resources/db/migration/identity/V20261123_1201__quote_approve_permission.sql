-- Approving quotes (审批) is its own permission, held by the built-in admin and sales-manager roles.
insert into role_permissions (role_id, permission) select id, 'quote:approve' from roles where role_key = 'admin';
insert into role_permissions (role_id, permission) select id, 'quote:approve' from roles where role_key = 'sales-manager';
update identity_generation set generation = generation + 1;
