package dev.retort.testing;

import java.util.ArrayList;
import java.util.List;

/** A readable snapshot of every user object in the database, as PostgreSQL's catalog describes it. */
public final class Catalog {

    private static final String USER_SCHEMAS = "n.nspname not in ('pg_catalog', 'information_schema', 'pg_toast') and n.nspname not like 'pg_temp%'";
    private static final String NOT_RETORT = "c.relname not like 'retort\\_%'";

    private Catalog() {
    }

    /**
     * One line per object: schemas, extensions, tables, columns, constraints, indexes, sequences, enum and composite types;
     * Retort's own tables left out.
     */
    public static List<String> snapshot(TestDatabase db) {
        if ("mariadb".equals(db.platform())) {
            return mariaDb(db);
        }
        List<String> lines = new ArrayList<>();
        lines.addAll(db.column("select 'schema ' || nspname from pg_namespace n where " + USER_SCHEMAS + " order by 1"));
        lines.addAll(db.column("select 'extension ' || extname || ' in ' || n.nspname from pg_extension e join pg_namespace n on n.oid = e.extnamespace "
                + "where extname <> 'plpgsql' order by 1"));
        lines.addAll(db.column("select 'table ' || n.nspname || '.' || c.relname || ' comment=' || coalesce(obj_description(c.oid, 'pg_class'), '-') "
                + "from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.relkind = 'r' and " + USER_SCHEMAS + " and " + NOT_RETORT
                + " order by 1"));
        lines.addAll(db.column("select 'column ' || n.nspname || '.' || c.relname || '.' || a.attname || ' #' || row_number() over (partition by a.attrelid order by a.attnum) || ' ' "
                + "|| format_type(a.atttypid, a.atttypmod) || case when a.attnotnull then ' not null' else '' end "
                + "|| coalesce(' default ' || pg_get_expr(d.adbin, d.adrelid), '') "
                + "|| case a.attidentity when 'a' then ' identity always' when 'd' then ' identity by default' else '' end "
                + "|| coalesce(' comment=' || col_description(c.oid, a.attnum), '') "
                + "from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace "
                + "left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum "
                + "where c.relkind = 'r' and a.attnum > 0 and not a.attisdropped and " + USER_SCHEMAS + " and " + NOT_RETORT + " order by 1"));
        lines.addAll(db.column("select 'constraint ' || n.nspname || '.' || c.relname || '.' || k.conname || ' ' || pg_get_constraintdef(k.oid) "
                + "|| case when k.convalidated then '' else ' (not validated)' end "
                + "from pg_constraint k join pg_class c on c.oid = k.conrelid join pg_namespace n on n.oid = c.relnamespace "
                + "where " + USER_SCHEMAS + " and " + NOT_RETORT + " order by 1"));
        lines.addAll(db.column("select 'index ' || schemaname || '.' || indexname || ' ' || indexdef from pg_indexes "
                + "where schemaname not in ('pg_catalog', 'information_schema') and tablename not like 'retort\\_%' order by 1"));
        lines.addAll(db.column("select 'sequence ' || schemaname || '.' || sequencename || ' start=' || start_value || ' inc=' || increment_by "
                + "|| ' min=' || min_value || ' max=' || max_value || ' cache=' || cache_size || ' cycle=' || cycle "
                + "|| coalesce(' owned by ' || (select d.refobjid::regclass || '.' || a.attname from pg_depend d join pg_attribute a "
                + "on a.attrelid = d.refobjid and a.attnum = d.refobjsubid where d.objid = (quote_ident(schemaname) || '.' || quote_ident(sequencename))::regclass "
                + "and d.deptype in ('a', 'i') and d.classid = 'pg_class'::regclass limit 1), '') "
                + "from pg_sequences where sequencename not like 'retort\\_%' order by 1"));
        lines.addAll(db.column("select 'enum ' || n.nspname || '.' || t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) "
                + "from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_enum e on e.enumtypid = t.oid group by n.nspname, t.typname order by 1"));
        lines.addAll(db.column("select 'composite ' || n.nspname || '.' || t.typname || ' (' || string_agg(a.attname || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum) || ')' "
                + "from pg_type t join pg_namespace n on n.oid = t.typnamespace join pg_class r on r.oid = t.typrelid and r.relkind = 'c' "
                + "join pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped where t.typtype = 'c' and " + USER_SCHEMAS
                + " group by n.nspname, t.typname order by 1"));
        return lines;
    }

    /** The same on MariaDB, from information_schema: the connection's database's tables, columns, constraints, indexes, sequences. */
    private static List<String> mariaDb(TestDatabase db) {
        String notRetort = " and table_name not like 'retort\\_%'";
        List<String> lines = new ArrayList<>();
        lines.addAll(db.column("select concat('table ', table_name, ' ', table_type, ' comment=', table_comment) from information_schema.tables "
                + "where table_schema = database()" + notRetort + " order by 1"));
        lines.addAll(db.column("select concat('column ', table_name, '.', column_name, ' #', ordinal_position, ' ', column_type, ' ', is_nullable, "
                + "' default ', coalesce(column_default, '-'), ' ', extra, ' comment=', column_comment) from information_schema.columns "
                + "where table_schema = database()" + notRetort + " order by 1"));
        lines.addAll(db.column("select concat('constraint ', table_name, '.', constraint_name, ' ', constraint_type) "
                + "from information_schema.table_constraints where constraint_schema = database()" + notRetort + " order by 1"));
        lines.addAll(db.column("select concat('index ', table_name, '.', index_name, ' ', group_concat(column_name order by seq_in_index), "
                + "' unique=', 1 - min(non_unique)) from information_schema.statistics where table_schema = database()" + notRetort
                + " group by table_name, index_name order by 1"));
        return lines;
    }
}
