-- Two-character Chinese search terms (张伟, 科技) have no trigram, so the trigram index cannot find
-- them; they were found through their pinyin ('%zhangwei%'), whose trigrams (zha, han, ang, wei)
-- are among the most common in the index: 28 ms to read for 2,000,000 contacts. Every pair of
-- adjacent Han characters in the search text is indexed instead, the way CJK search engines index
-- bigrams: 张伟 is then one entry of about 1,600 rows. SearchCondition asks
-- rapport_han_bigrams(search_text) @> array[term] and checks the characters with strpos first.
-- The function takes about 12 us a row, on every insert and on each search_text update. Its cost
-- tells the planner so, or it walks the primary key evaluating it on tens of thousands of rows
-- (130 ms for 张伟) instead of reading the index (4 ms);
-- parallel restricted, because with that cost the planner otherwise starts two workers for a
-- query of a few milliseconds (5 ms of start-up).
create function rapport_han_bigrams(t text) returns text[]
    language sql immutable strict parallel restricted cost 1000
as $$
  -- the runs of Han characters, each pair of neighbours in them; GIN drops a row's repeated keys
  -- itself (a distinct here cost a fifth more)
  select coalesce(array_agg(substr(w, i, 2)), '{}')
  from regexp_split_to_table(t, '[^\u3400-\u9fff]+') w, generate_series(1, length(w) - 1) i
$$;

create index customers_search_han_idx on customers using gin (rapport_han_bigrams(search_text));
create index contacts_search_han_idx on contacts using gin (rapport_han_bigrams(search_text));
