-- retort:revision id=b20000000002 parents=a10000000001
-- retort:message create b with its trigger

create table b (id int primary key, note text);

create function b_note() returns trigger language plpgsql as $$
begin
    new.note := coalesce(new.note, 'set by the trigger; not by the insert');
    return new;
end;
$$;

create trigger b_note before insert on b for each row execute function b_note();

-- retort:downgrade
drop trigger b_note on b;
drop function b_note();
drop table b;
