dev.retort.spring.boot.it.SampleApp.scenario(basedir, "3.5.7")
