// The command lines of docs/release.md and docs/spring-boot.md for a Spring Boot jar, as written, on this one.
dev.retort.testing.Recipes.runBoot(basedir, "b0070a000002")
dev.retort.spring.boot.it.SampleApp.scenario(basedir, "3.5.7")
