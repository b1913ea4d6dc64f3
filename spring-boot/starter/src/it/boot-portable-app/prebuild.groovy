// Nothing to prepare: each start of the application is given its database by URL alone (postbuild.groovy).
