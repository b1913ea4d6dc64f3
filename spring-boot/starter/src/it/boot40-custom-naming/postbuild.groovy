dev.retort.spring.boot.it.NamingApp.verify(basedir,
        "Naming: physical app.TablePrefixNames (spring.jpa.hibernate.naming.physical-strategy in application-prod.yml), "
                + "implicit SpringImplicitNamingStrategy (Spring Boot's default), from application.yml, application-prod.yml (profile prod).",
        ["t_note", "t_note_note_tags", "t_note_reviewer_names", "t_note_tag"])
