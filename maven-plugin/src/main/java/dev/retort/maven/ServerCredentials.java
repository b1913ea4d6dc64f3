package dev.retort.maven;

import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/** The user and (decrypted) password of a {@code settings.xml} server, as one layer of Retort's settings. */
final class ServerCredentials {

    private ServerCredentials() {
    }

    /** Adds the server's credentials when {@code serverId} names one; fails when it names none. */
    static void apply(dev.retort.config.Settings.Builder builder, String serverId, Settings settings, SettingsDecrypter decrypter)
            throws MojoFailureException {
        if (serverId == null || serverId.isBlank()) {
            return;
        }
        Server server = settings == null ? null : settings.getServer(serverId);
        if (server == null) {
            throw new MojoFailureException("migrations.serverId is '" + serverId + "' but settings.xml has no <server> with that id; add one "
                    + "with <username> and <password>, or fix the id.");
        }
        SettingsDecryptionResult result = decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
        for (SettingsProblem problem : result.getProblems()) {
            if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
                throw new MojoFailureException("Cannot decrypt the password of server '" + serverId + "' in settings.xml: " + problem.getMessage());
            }
        }
        builder.server(serverId, result.getServer().getUsername(), result.getServer().getPassword());
    }
}
