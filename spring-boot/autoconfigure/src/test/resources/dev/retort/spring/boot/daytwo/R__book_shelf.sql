-- retort:message where the books stand
create or replace view book_shelf as select title, '${shelf}'::text as shelf from book;
