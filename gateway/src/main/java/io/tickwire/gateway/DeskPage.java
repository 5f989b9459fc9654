package io.tickwire.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The desk page's files, served from the classpath by the gateway itself, so the page works offline: {@code /}
 * (the page), {@code /desk/*} (its script and style) and {@code /webjars/uplot/*} (the charting library, from
 * its WebJar, whose version is read from the jar: the pom names it once). Files are read once and kept.
 */
final class DeskPage
{
    /** A file and its content type. */
    record File(byte[] bytes, String contentType)
    {
    }

    private static final String PAGE = "io/tickwire/gateway/desk/";
    private static final String UPLOT = "META-INF/resources/webjars/uplot/" + webJarVersion("uplot") + "/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
        "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final Map<String, File> files = new ConcurrentHashMap<>();

    /** The file at {@code path}, or null when there is none (or the path tries to leave the page's folders). */
    File get(final String path)
    {
        final String resource = resource(path);
        if (resource == null)
        {
            return null;
        }
        return files.computeIfAbsent(resource, DeskPage::load);
    }

    private static String resource(final String path)
    {
        if (path.contains("..") || path.contains("//") || path.contains("\\"))
        {
            return null;
        }
        if (path.equals("/") || path.equals("/index.html"))
        {
            return PAGE + "index.html";
        }
        if (path.startsWith("/desk/") && path.length() > 6)
        {
            return PAGE + path.substring(6);
        }
        if (path.startsWith("/webjars/uplot/") && path.length() > 15)
        {
            return UPLOT + path.substring(15);
        }
        return null;
    }

    private static File load(final String resource)
    {
        try (InputStream in = DeskPage.class.getClassLoader().getResourceAsStream(resource))
        {
            if (in == null)
            {
                return null;
            }
            final String extension = resource.substring(resource.lastIndexOf('.') + 1);
            return new File(in.readAllBytes(), TYPES.getOrDefault(extension, "application/octet-stream"));
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String webJarVersion(final String artifact)
    {
        final String properties = "META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
        try (InputStream in = DeskPage.class.getClassLoader().getResourceAsStream(properties))
        {
            if (in == null)
            {
                throw new IllegalStateException("the " + artifact + " WebJar is not on the classpath");
            }
            final Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
