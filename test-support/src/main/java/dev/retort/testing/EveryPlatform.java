package dev.retort.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Marks a suite that must hold on every platform: the class runs once per platform of {@link TestDatabases#platforms()},
 * each time with a fresh database of that platform as its {@link TestDatabase} constructor argument, dropped after.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedClass(name = "on {argumentSetName}")
@MethodSource("dev.retort.testing.TestDatabases#onEveryPlatform")
public @interface EveryPlatform {
}
