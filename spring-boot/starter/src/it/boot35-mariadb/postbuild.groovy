// Start-up upgrade on MariaDB, a second start that applies nothing, an edited migration refused. Concurrent upgraders
// on MariaDB are the suites' (ConcurrentUpgradeTest: eight JVMs), so the application is not started three times at once.
dev.retort.spring.boot.it.SampleApp.scenario(basedir, "3.5.7", false)
