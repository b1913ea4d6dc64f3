# Writers of the sources the benchmarks generate, sourced by their run.sh.

# migration_class DIR PACKAGE CLASS ID PARENT N: a revision (parent PARENT, or none) whose upgrade creates
# table t_N (id int primary key, v text) and whose downgrade drops it.
migration_class() {
  local dir=$1 package=$2 cls=$3 id=$4 parent=$5 i=$6
  cat > "$dir/$cls.java" <<JAVA
package $package;
@dev.retort.Revision(id = "$id"${parent:+, parents = \"$parent\"}, message = "table $i")
public final class $cls implements dev.retort.Migration {
    public void upgrade(dev.retort.operation.Operations op) { op.execute("create table t_$i (id int primary key, v text)"); }
    public void downgrade(dev.retort.operation.Operations op) { op.execute("drop table t_$i"); }
}
JAVA
}

# entity_classes DIR N: the synthetic model, N entities large.T0000... (table t0000...): a bigint identity key, a
# varchar(100) not null with an index, numeric(12,2), an Instant, a boolean, and a foreign key to the entity before.
entity_classes() {
  local dir=$1 n=$2 i cls table parent
  for i in $(seq 0 $((n - 1))); do
    cls=$(printf 'T%04d' "$i"); table=$(printf 't%04d' "$i")
    parent=""
    [ "$i" -gt 0 ] && parent="@jakarta.persistence.ManyToOne(fetch = jakarta.persistence.FetchType.LAZY) $(printf 'T%04d' $((i - 1))) parent;"
    cat > "$dir/$cls.java" <<JAVA
package large;
@jakarta.persistence.Entity @jakarta.persistence.Table(name = "$table", indexes = @jakarta.persistence.Index(name = "ix_${table}_name", columnList = "name"))
public class $cls { @jakarta.persistence.Id @jakarta.persistence.GeneratedValue(strategy = jakarta.persistence.GenerationType.IDENTITY) Long id;
  @jakarta.persistence.Column(length = 100, nullable = false) String name; @jakarta.persistence.Column(precision = 12, scale = 2) java.math.BigDecimal amount;
  java.time.Instant created; boolean flag; $parent }
JAVA
  done
}
