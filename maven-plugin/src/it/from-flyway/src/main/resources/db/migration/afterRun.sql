grant select on all tables in schema ${schema} to ${app_role};
