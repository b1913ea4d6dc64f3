dev.retort.spring.boot.it.SampleApp.scenario(basedir, "4.0.7")
