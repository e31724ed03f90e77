-- A region's manager filtering on another region's province matched nothing in their scope, yet
-- the province index handed over every customer of that province (260,000 at 1M customers) for
-- the owner check. With the owner in the index the scope is applied inside the index.
drop index customers_province_city_idx;
create index customers_province_owner_idx on customers (province, owner_id, city);
