-- Filters on place, industry, source, tier and type each get an index, so a rare combination
-- (a region's manager filtering on another region's province) is answered from the indexes
-- instead of by walking every customer.
create index customers_province_city_idx on customers (province, city);
create index customers_city_idx on customers (city);
create index customers_industry_idx on customers (industry);
create index customers_source_idx on customers (source);
create index customers_tier_idx on customers (tier, id);
create index customers_type_idx on customers (type, id);
create index customers_created_idx on customers (created_at);
