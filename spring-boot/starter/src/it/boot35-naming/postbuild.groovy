dev.retort.spring.boot.it.NamingApp.verify(basedir,
        "Naming: Spring Boot's defaults (physical CamelCaseToUnderscoresNamingStrategy, implicit SpringImplicitNamingStrategy), from application.properties.",
        ["note", "note_note_tags", "note_reviewer_names", "note_tag"])
