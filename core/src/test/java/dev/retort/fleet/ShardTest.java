package dev.retort.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.retort.RetortException;
import dev.retort.config.SettingNames;

/** Shards split a fleet so that every target is taken exactly once, whatever order each shard read the list in. */
class ShardTest {

    @Test
    void shardsOneToNTakeEveryTargetExactlyOnceWhateverTheOrderOfTheList() {
        List<Target> targets = IntStream.rangeClosed(1, 23).mapToObj(i -> Target.schema("tenant_" + i)).toList();
        List<Target> shuffled = new ArrayList<>(targets);
        Collections.shuffle(shuffled, new java.util.Random(7));
        List<String> taken = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            List<Target> slice = new Shard(i, 4).of(i % 2 == 0 ? shuffled : targets);
            assertTrue(slice.size() == 5 || slice.size() == 6, "balanced: " + slice.size());
            slice.forEach(t -> taken.add(t.name()));
        }
        assertEquals(targets.stream().map(Target::name).sorted().toList(), taken.stream().sorted().toList());
    }

    @Test
    void aKubernetesIndexedJobsPodFindsItsShardInItsEnvironment() {
        assertEquals(new Shard(3, 4), Shard.of(null, Map.of("JOB_COMPLETION_INDEX", "2", "JOB_COMPLETIONS", "4")));
        assertEquals(new Shard(1, 2), Shard.of("1/2", Map.of("JOB_COMPLETION_INDEX", "2", "JOB_COMPLETIONS", "4")), "the setting wins");
        assertEquals(Shard.ALL, Shard.of(null, Map.of()));
        RetortException missing = assertThrows(RetortException.class, () -> Shard.of(null, Map.of("JOB_COMPLETION_INDEX", "0")));
        assertTrue(missing.getMessage().contains("JOB_COMPLETIONS"), missing.getMessage());
    }

    @Test
    void aShardThatIsNoSliceIsRefusedNamingTheOption() {
        for (String wrong : List.of("0/3", "4/3", "2", "a/b", "1/0")) {
            RetortException e = assertThrows(RetortException.class, () -> Shard.parse(wrong));
            assertTrue(e.getMessage(SettingNames.COMMAND_LINE).contains("--shard (RETORT_SHARD)"), e.getMessage(SettingNames.COMMAND_LINE));
        }
    }

    @Test
    void aTargetIsADatabaseWhenItIsAUrlAndItsNameNeverCarriesCredentials() {
        Target database = Target.parse("postgresql://app:s3cret@db.internal:5432/customer_7");
        assertFalse(database.isSchema());
        assertFalse(database.name().contains("s3cret") || database.name().contains("app:"), database.name());
        assertFalse(Target.parse("jdbc:postgresql://db/x?user=app&password=s3cret").name().contains("s3cret"));
        Target schema = Target.parse(" tenant_7 ");
        assertTrue(schema.isSchema());
        assertEquals("tenant_7", schema.schema());
    }
}
