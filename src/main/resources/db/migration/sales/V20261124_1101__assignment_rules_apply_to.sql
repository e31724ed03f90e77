-- An assignment rule routes new leads, new customers, or both. Rules written before keep routing leads only.
alter table lead_assignment_rules add column applies_to varchar(20) not null default 'leads';
