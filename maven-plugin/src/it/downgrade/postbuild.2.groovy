import static dev.retort.testing.InvokerSupport.*

check(column(basedir, "select version_num from retort_version") == ["a10000000001"], "-1 must leave the first revision")
check(column(basedir, "select to_regclass('b')::text") == [null], "table b must be gone")
