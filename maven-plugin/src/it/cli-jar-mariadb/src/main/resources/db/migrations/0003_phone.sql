-- retort:revision id=b00700000003 parents=b00700000002
-- retort:message add phone to customer
alter table customer add column phone varchar(40);
-- retort:downgrade
alter table customer drop column phone;
