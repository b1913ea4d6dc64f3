dev.retort.spring.boot.it.NamingApp.verify(basedir,
        "Naming: Spring Boot's defaults (physical PhysicalNamingStrategySnakeCaseImpl, implicit SpringImplicitNamingStrategy), from application.yml.",
        ["note", "note_note_tags", "note_reviewer_names", "note_tag"])
