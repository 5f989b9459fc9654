package io.tickwire.cli;

import io.tickwire.gateway.GatewayServer;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/** {@code tickwire new-key}: a new desk key, its hash added to the keys file, its secret printed once. */
final class NewKeyCommand
{
    static final String HELP = String.join("\n",
        "usage: tickwire new-key --file KEYS --id N --name NAME --tier TIER [--rights setups,admin]",
        "",
        "Makes a random 256-bit key, appends its SHA-256 with the id, name, tier and rights to the keys file",
        "(gateway.keysFile; created if missing; a running gateway reloads it), and prints the secret: the only",
        "time it is shown. Ids are the setups' owners in the journal: never reuse one. The tier must be defined",
        "in the file (tier.NAME.channels=..., see docs/operations.md, \"Keys\").");

    private NewKeyCommand()
    {
    }

    static int run(final CommandLine cl, final PrintStream out) throws IOException
    {
        final Path file = Path.of(cl.required("file", "KEYS"));
        final long id = cl.longOption("id", 0);
        final String name = cl.required("name", "NAME");
        final String tier = cl.required("tier", "TIER");
        if (id <= 0)
        {
            throw new IllegalArgumentException("--id N is required: a positive whole number, never used before");
        }
        final Properties existing = new Properties();
        if (Files.exists(file))
        {
            try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8))
            {
                existing.load(in);
            }
        }
        if (existing.getProperty("key." + id + ".name") != null)
        {
            throw new IllegalArgumentException("key id " + id + " is already in " + file + " (ids are never reused)");
        }
        final byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        final String secret = "tw_" + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Files.writeString(file, String.join("\n", "",
            "key." + id + ".name=" + name,
            "key." + id + ".sha256=" + GatewayServer.keyHash(secret),
            "key." + id + ".tier=" + tier,
            "key." + id + ".rights=" + cl.option("rights", ""), ""),
            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        out.println("key " + name + " (id " + id + ", tier " + tier + ") added to " + file + "; its secret, shown only now:");
        out.println(secret);
        return 0;
    }
}
