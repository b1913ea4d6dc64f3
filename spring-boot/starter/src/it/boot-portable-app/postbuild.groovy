dev.retort.spring.boot.it.PortableApp.scenario(basedir)
