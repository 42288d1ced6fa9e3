package dev.mnemo.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The web app's error page for a browser that asked for a page (it accepts HTML, and the path is not the API's, a
 * webhook's or the actuator's): every other failure keeps the API's JSON shape.
 */
public final class PageErrorView {
    /** Paths that are never a page: their errors are JSON whoever asks. */
    private static final String[] MACHINE_PATHS = {"/api", "/webhooks", "/actuator", "/error", "/mcp"};

    private PageErrorView() {
    }

    static boolean wanted(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            return false;
        }
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = uri instanceof String s ? s : request.getRequestURI();
        path = path.startsWith(request.getContextPath()) ? path.substring(request.getContextPath().length()) : path;
        for (String machine : MACHINE_PATHS) {
            if (path.equals(machine) || path.startsWith(machine + "/")) {
                return false;
            }
        }
        return true;
    }

    /** The error page's view: the status, its name, and one sentence. */
    public static ModelAndView of(int status, String message) {
        HttpStatus known = HttpStatus.resolve(status);
        return new ModelAndView("error-page", Map.of("status", status,
                "title", known == null ? "Error" : known.getReasonPhrase(), "message", message),
                known == null ? HttpStatus.INTERNAL_SERVER_ERROR : known);
    }
}
