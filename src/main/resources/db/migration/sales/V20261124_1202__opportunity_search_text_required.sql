-- Every row has its search text since V20261124_1201; new rows get it from OpportunityStore.
update opportunities set search_text = ' ' || lower(name) || ' ' where search_text is null;
alter table opportunities alter column search_text set not null;
