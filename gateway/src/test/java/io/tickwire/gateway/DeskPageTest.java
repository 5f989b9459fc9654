package io.tickwire.gateway;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeskPageTest
{
    private final DeskPage page = new DeskPage();

    @Test
    void shouldServeThePageItsFilesAndTheChartingLibraryFromTheClasspath()
    {
        final DeskPage.File index = page.get("/");
        assertEquals("text/html; charset=utf-8", index.contentType());
        final String html = new String(index.bytes(), StandardCharsets.UTF_8);
        assertTrue(html.contains("/desk/desk.js") && html.contains("/webjars/uplot/dist/uPlot.iife.min.js"), html);
        assertEquals("text/javascript; charset=utf-8", page.get("/desk/desk.js").contentType());
        assertEquals("text/css; charset=utf-8", page.get("/desk/desk.css").contentType());
        assertTrue(new String(page.get("/webjars/uplot/dist/uPlot.iife.min.js").bytes(), StandardCharsets.UTF_8)
            .contains("uPlot"));
    }

    @Test
    void shouldServeNothingOutsideThePagesFolders()
    {
        assertNull(page.get("/desk/../GatewayServer.class"));
        assertNull(page.get("/webjars/uplot/../../../../io/tickwire/gateway/desk/index.html"));
        assertNull(page.get("/desk//etc/passwd"));
        assertNull(page.get("/desk/missing.js"));
        assertNull(page.get("/io/tickwire/gateway/GatewayServer.class"));
        assertNull(page.get("/desk/"));
    }
}
