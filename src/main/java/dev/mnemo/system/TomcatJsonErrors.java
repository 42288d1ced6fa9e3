package dev.mnemo.system;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What Tomcat refuses before any filter sees it (an undecodable URI, an encoded slash, a bad header) answers in the
 * API's JSON error shape too, never with Tomcat's HTML page — on the API port, and on the management port
 * ({@code MANAGEMENT_SERVER_PORT}), whose server Spring Boot builds in a child context without this customizer.
 */
@Component
class TomcatJsonErrors implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    /** The management server, once started: its host's HTML error valve swapped for this one. */
    @EventListener
    void on(WebServerInitializedEvent event) {
        if (event.getWebServer() instanceof TomcatWebServer tomcat
                && "management".equals(event.getApplicationContext().getServerNamespace())) {
            Host host = tomcat.getTomcat().getHost();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve && !(valve instanceof JsonValve)) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.getPipeline().addValve(new JsonValve());
        }
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host) {
                // The host adds its default valve at start unless one of this class is already in its pipeline.
                if (host instanceof StandardHost standard) {
                    standard.setErrorReportValveClass(JsonValve.class.getName());
                }
                host.getPipeline().addValve(new JsonValve());
            }
        });
    }

    static final class JsonValve extends ErrorReportValve {
        JsonValve() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            try {
                JsonErrors.securityHeaders(response);
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(JsonErrors.body(JsonErrors.reason(status)));
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the client is gone or the response was committed meanwhile: nothing left to tell it
            }
        }
    }
}
