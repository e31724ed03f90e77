-- Managing the public pools and their rules (公海池) is an administrator's permission.
insert into role_permissions (role_id, permission) select id, 'pool:manage' from roles where role_key = 'admin';
update identity_generation set generation = generation + 1;
