package dev.retort.hibernate;

import java.util.ArrayList;
import java.util.List;

import dev.retort.testing.TestDatabase;

/**
 * A readable snapshot of every object of one MariaDB database, as {@code information_schema} describes it: tables (engine,
 * collation, comment), columns (position, type, character set and collation, NULL-ness, default, extra, comment),
 * constraints (primary, unique, foreign and check, with their columns, references, actions and clauses), indexes
 * (columns, order, prefix, uniqueness, kind, the ones InnoDB made behind a foreign key included) and sequences (their
 * values); Retort's own tables left out.
 */
final class MariaDbCatalog {

    private static final String NOT_RETORT = " not like 'retort\\_%'";

    private MariaDbCatalog() {
    }

    static List<String> snapshot(TestDatabase db) {
        String schema = "'" + db.name() + "'";
        List<String> lines = new ArrayList<>();
        lines.addAll(db.column("select concat('table ', table_name, ' engine=', coalesce(engine, '-'), ' collation=', coalesce(table_collation, '-'), "
                + "' comment=', table_comment) from information_schema.tables where table_schema = " + schema
                + " and table_type = 'BASE TABLE' and table_name" + NOT_RETORT + " order by 1"));
        lines.addAll(db.column("select concat('column ', table_name, '.', column_name, ' #', ordinal_position, ' ', column_type, "
                + "coalesce(concat(' charset=', character_set_name, ' collate=', collation_name), ''), "
                + "if(is_nullable = 'YES', ' null', ' not null'), coalesce(concat(' default=', column_default), ''), "
                + "if(extra = '', '', concat(' extra=', extra)), if(column_comment = '', '', concat(' comment=', column_comment))) "
                + "from information_schema.columns where table_schema = " + schema + " and table_name" + NOT_RETORT
                + " and table_name in (select table_name from information_schema.tables where table_schema = " + schema
                + " and table_type = 'BASE TABLE') order by 1"));
        lines.addAll(db.column("select concat('constraint ', tc.table_name, '.', tc.constraint_name, ' ', tc.constraint_type, "
                + "coalesce((select concat(' (', group_concat(k.column_name order by k.ordinal_position), ')', "
                + "  coalesce(concat(' references ', max(k.referenced_table_name), '(', group_concat(k.referenced_column_name order by k.ordinal_position), ')'), '')) "
                + "  from information_schema.key_column_usage k where k.constraint_schema = tc.constraint_schema and k.table_name = tc.table_name "
                + "  and k.constraint_name = tc.constraint_name), ''), "
                + "coalesce((select concat(' on update ', r.update_rule, ' on delete ', r.delete_rule) from information_schema.referential_constraints r "
                + "  where r.constraint_schema = tc.constraint_schema and r.table_name = tc.table_name and r.constraint_name = tc.constraint_name), ''), "
                + "coalesce((select concat(' ', cc.level, ' check ', cc.check_clause) from information_schema.check_constraints cc "
                + "  where cc.constraint_schema = tc.constraint_schema and cc.table_name = tc.table_name and cc.constraint_name = tc.constraint_name), '')) "
                + "from information_schema.table_constraints tc where tc.table_schema = " + schema + " and tc.table_name" + NOT_RETORT + " order by 1"));
        lines.addAll(db.column("select concat('index ', table_name, '.', index_name, if(non_unique = 0, ' unique', ''), ' ', index_type, ' (', "
                + "group_concat(concat(column_name, coalesce(concat('(', sub_part, ')'), ''), if(collation = 'D', ' desc', '')) order by seq_in_index), ')') "
                + "from information_schema.statistics where table_schema = " + schema + " and table_name" + NOT_RETORT
                + " group by table_name, index_name, non_unique, index_type order by 1"));
        for (String sequence : db.column("select table_name from information_schema.tables where table_schema = " + schema
                + " and table_type = 'SEQUENCE' order by 1")) {
            lines.addAll(db.column("select concat('sequence " + sequence + " start=', start_value, ' inc=', increment, ' min=', minimum_value, "
                    + "' max=', maximum_value, ' cache=', cache_size, ' cycle=', cycle_option) from `" + sequence + "`"));
        }
        return lines;
    }

    /** A dropped and re-added column comes back last: positions left out, the lines sorted. */
    static List<String> withoutPositions(List<String> catalog) {
        return catalog.stream().map(line -> line.replaceFirst("^(column \\S+) #\\d+", "$1")).sorted().toList();
    }
}
