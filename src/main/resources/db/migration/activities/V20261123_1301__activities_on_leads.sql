-- Activities on a lead (线索) before it becomes a customer: customer_id is empty until conversion
-- moves them to the new customer.
alter table activities alter column customer_id drop not null;
alter table activities add column lead_id bigint;
create index activities_lead_idx on activities (lead_id, occurred_at, id);
