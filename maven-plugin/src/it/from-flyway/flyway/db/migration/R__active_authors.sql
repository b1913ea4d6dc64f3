create or replace view ${schema}.active_authors as
    select id, name, email from ${schema}.author where active;
