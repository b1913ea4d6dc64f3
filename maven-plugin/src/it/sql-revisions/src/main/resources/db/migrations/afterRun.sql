create table if not exists run_log (id serial primary key, at timestamptz not null default now());
insert into run_log default values;
