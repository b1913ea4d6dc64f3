package dev.retort.internal;


/** Turning exceptions and statements into the one-line sentences Retort's errors are made of. */
public final class Messages {

    private Messages() {
    }

    /** The text with its first letter upper case, to start a sentence. */
    public static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The text on one line, whitespace around line breaks collapsed, cut at 500 characters. */
    public static String oneLine(String text) {
        String flat = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return flat.length() > 500 ? flat.substring(0, 500) + "…" : flat;
    }

    /** The message of the innermost cause (a pool's or a library's wrapper message hides the reason), on one line. */
    public static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return oneLine(root.getMessage() == null ? root.toString() : root.getMessage());
    }

    /**
     * The name of the class whose absence caused the failure, or null when it was something else. A class named in an
     * annotation whose own dependency is missing arrives as Java's {@code TypeNotPresentException} for type
     * {@code [unknown]}; the class is then the one its cause names.
     */
    public static String missingClass(Throwable failure) {
        String missing = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof NoClassDefFoundError || t instanceof ClassNotFoundException) {
                missing = t.getMessage() == null ? missing : t.getMessage().replace('/', '.');
            } else if (t instanceof TypeNotPresentException notPresent && !notPresent.typeName().startsWith("[")) {
                missing = notPresent.typeName();
            }
        }
        return missing;
    }
}
