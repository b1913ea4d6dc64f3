alter table ${schema}.author add column email varchar(320);
update ${schema}.author set email = 'ada@example.org' where name = 'Ada Lovelace';
