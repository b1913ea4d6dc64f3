package dev.retort.h2.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import dev.retort.RetortException;
import dev.retort.platform.Platforms;

class H2UrlsTest {

    private final H2Platform h2 = new H2Platform();

    @Test
    void theServiceLoaderFindsH2ByItsUrlsAndItsName() {
        assertEquals("h2", Platforms.named("h2").id());
        assertTrue(h2.accepts("jdbc:h2:file:/var/app/db"));
        assertTrue(h2.accepts("jdbc:h2:mem:app"));
        assertFalse(h2.accepts("jdbc:postgresql://localhost/app"));
        assertTrue(h2.acceptsProduct("H2"));
    }

    @Test
    void fileTcpAndNamedInMemoryUrlsAreRead() {
        assertEquals("jdbc:h2:file:/var/app/db;AUTO_SERVER=TRUE", h2.parseUrl("jdbc:h2:file:/var/app/db;AUTO_SERVER=TRUE").jdbcUrl());
        assertEquals("jdbc:h2:./data/app", h2.parseUrl("jdbc:h2:./data/app").jdbcUrl());
        assertEquals("jdbc:h2:~/app", h2.parseUrl("jdbc:h2:~/app").jdbcUrl());
        assertEquals("jdbc:h2:tcp://db:9092/app", h2.parseUrl("jdbc:h2:tcp://db:9092/app").jdbcUrl());
        assertEquals("jdbc:h2:mem:app;DB_CLOSE_DELAY=-1", h2.parseUrl("jdbc:h2:mem:app").jdbcUrl(), "kept between Retort's connections");
        assertEquals("jdbc:h2:mem:app;DB_CLOSE_DELAY=0", h2.parseUrl("jdbc:h2:mem:app;DB_CLOSE_DELAY=0").jdbcUrl());
        assertNull(h2.parseUrl("postgresql://u:p@host/db"));
    }

    @Test
    void urlsH2RefusesAreRefusedByNameWithThePasswordMasked() {
        RetortException unnamed = assertThrows(RetortException.class, () -> h2.parseUrl("jdbc:h2:mem:;PASSWORD=secret"));
        assertEquals("The database URL jdbc:h2:mem:;PASSWORD=*** is an unnamed in-memory database, which each connection gets a private "
                + "one of, so migrations would vanish with their connection; name it: jdbc:h2:mem:app.", unnamed.getMessage());
        RetortException relative = assertThrows(RetortException.class, () -> h2.parseUrl("jdbc:h2:app;password=secret"));
        assertTrue(relative.getMessage().startsWith("The database URL jdbc:h2:app;password=*** names a file relative to no directory"),
                relative.getMessage());
        assertFalse(relative.getMessage().contains("secret"));
    }

    @Test
    void aFileAnotherProcessHoldsIsOneSentenceNamingTheFile() {
        java.sql.SQLException inUse = new java.sql.SQLException("Database may be already in use: \"/var/app/db.mv.db\". Possible solutions: "
                + "close all other connection(s); use the server mode [90020-252]", "90020", 90020);
        assertEquals("the H2 database file /var/app/db.mv.db is open in another process, and H2 lets one process open a file database at a "
                + "time; stop the application that has it open, or add ;AUTO_SERVER=TRUE to the URL of both so the second reaches it through "
                + "the first", h2.connectFailure(inUse));
        assertFalse(h2.notReachableYet(inUse), "said at once, not retried");
        assertNull(h2.connectFailure(new java.sql.SQLException("Wrong user name or password", "28000", 28000)));
    }
}
