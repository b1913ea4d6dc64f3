package dev.retort;

import dev.retort.config.SettingNames;

/**
 * A failure Retort explains in its message: what went wrong and what to do about it. Where the message
 * names a setting it writes {@code {key}} (e.g. {@code {url}}); {@link #getMessage()} names it as a
 * properties file does ({@code retort.url}), and {@link #getMessage(SettingNames)} as a given entry point does.
 */
public class RetortException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String template;

    /** Creates an exception whose message is a complete sentence for the user. */
    public RetortException(String message) {
        super(SettingNames.PROPERTIES.render(message));
        this.template = message;
    }

    /** Creates an exception with the underlying cause kept for diagnostics. */
    public RetortException(String message, Throwable cause) {
        super(SettingNames.PROPERTIES.render(message), cause);
        this.template = message;
    }

    /**
     * The message of the innermost cause of an error, on one line: what a library's or a pool's wrapper hides, for a
     * sentence of Retort's that says why something failed.
     */
    public static String rootMessage(Throwable error) {
        return dev.retort.internal.Messages.rootMessage(error);
    }

    /** The message with the settings it mentions named as the given entry point names them. */
    public String getMessage(SettingNames names) {
        return names.render(template);
    }
}
