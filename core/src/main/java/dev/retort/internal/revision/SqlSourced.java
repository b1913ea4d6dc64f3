package dev.retort.internal.revision;

import java.util.List;

import dev.retort.command.Direction;

/**
 * What a SQL file (a revision, a repeatable or a callback) records: its statements as written, before placeholders are
 * replaced, so checksums are taken over the file's own text.
 */
interface SqlSourced {

    /** The file's class path resource name. */
    String path();

    /**
     * The statements of one direction that run on a platform, as written ({@code UP} for a repeatable's or a
     * callback's).
     *
     * @param platform the platform's id, or null for no database in particular
     * @throws dev.retort.RetortException when the file has none that way (a revision without a downgrade section)
     */
    List<String> statements(Direction direction, String platform);
}
