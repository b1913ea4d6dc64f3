-- retort:revision id=v2 parents=v1
-- retort:message add email
alter table ${schema}.author add column email varchar(320);
update ${schema}.author set email = 'ada@example.org' where name = 'Ada Lovelace';
