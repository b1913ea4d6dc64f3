package dev.retort.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ClassInfo;
import io.github.classgraph.ScanResult;

import dev.retort.Retort;

/**
 * What users may call is public and documented; everything else is internal and says so by its package. A new
 * public type is a decision: this test fails until it is written into {@code api-types.txt} (public API) or
 * {@code internal-public-types.txt} (public only so another Retort module can reach it).
 */
class ApiSurfaceTest {

    /** The packages users code against: the facade, its results, the DSL, the models and the extension interfaces. */
    static final Set<String> API_PACKAGES = Set.of("dev.retort", "dev.retort.cli", "dev.retort.command", "dev.retort.config", "dev.retort.lint", "dev.retort.operation",
            "dev.retort.fleet", "dev.retort.platform", "dev.retort.report", "dev.retort.revision", "dev.retort.schema");

    private static final String INTERNAL = "dev.retort.internal";

    @Test
    void everyPublicTypeIsEitherApiOrInAnInternalPackage() {
        for (String type : publicTypes()) {
            String pkg = type.substring(0, type.lastIndexOf('.'));
            String outer = pkg;
            while (!API_PACKAGES.contains(outer) && !outer.startsWith(INTERNAL) && Character.isUpperCase(outer.charAt(outer.lastIndexOf('.') + 1))) {
                outer = outer.substring(0, outer.lastIndexOf('.'));
            }
            assertTrue(API_PACKAGES.contains(outer) || outer.equals(INTERNAL) || outer.startsWith(INTERNAL + "."),
                    type + " is public in package " + outer + ", which is neither an API package " + API_PACKAGES
                            + " nor under " + INTERNAL + "; move it, or make it package-private.");
        }
    }

    @Test
    void thePublicApiIsExactlyTheListedTypes() throws IOException {
        assertEquals(read("api-types.txt"), String.join("\n", publicTypes().stream().filter(t -> !t.startsWith(INTERNAL)).toList()),
                "The public API changed. If that is deliberate, document the new type and update core/src/test/resources/api-types.txt.");
    }

    @Test
    void internalTypesArePublicOnlyWhereListed() throws IOException {
        assertEquals(read("internal-public-types.txt"), String.join("\n", publicTypes().stream().filter(t -> t.startsWith(INTERNAL)).toList()),
                "An internal type became public (or stopped being). Keep internals package-private unless another Retort module "
                        + "needs them; then update core/src/test/resources/internal-public-types.txt.");
    }

    /** Every public type of retort-core, nested ones by their binary name with '$' replaced by '.'. */
    private static List<String> publicTypes() {
        TreeSet<String> types = new TreeSet<>();
        String location = Retort.class.getProtectionDomain().getCodeSource().getLocation().toString();
        try (ScanResult scan = new ClassGraph().enableClassInfo().acceptPackages("dev.retort").overrideClasspath(location).scan()) {
            for (ClassInfo info : scan.getAllClasses()) {
                if (info.isPublic() && !info.isAnonymousInnerClass() && publicAllTheWayOut(info)) {
                    types.add(info.getName().replace('$', '.'));
                }
            }
        }
        return List.copyOf(types);
    }

    private static boolean publicAllTheWayOut(ClassInfo info) {
        for (ClassInfo outer = info.getOuterClasses().isEmpty() ? null : info.getOuterClasses().get(0); outer != null;
             outer = outer.getOuterClasses().isEmpty() ? null : outer.getOuterClasses().get(0)) {
            if (!outer.isPublic()) {
                return false;
            }
        }
        return true;
    }

    private static String read(String resource) throws IOException {
        try (InputStream in = ApiSurfaceTest.class.getResourceAsStream("/" + resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        }
    }
}
