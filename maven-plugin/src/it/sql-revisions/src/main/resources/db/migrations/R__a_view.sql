-- retort:message what a holds, for the reader role
create or replace view a_view as select id, '${label}'::text as label from a;
