-- The in-memory search texts on embedded H2 catch up on changed contacts by updated_at
-- (customers already have customers_updated_idx).
create index contacts_updated_idx on contacts (updated_at);
