-- Leads imported from another system keep its id (Salesforce Lead ID, HubSpot Record ID), so a
-- re-import or an update by external id finds them.
alter table leads add column external_id varchar(100);
create index leads_external_id_idx on leads (external_id);
