package dev.mnemo.system;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page (errors raised outside a controller) in the API's JSON shape; for a browser asking for
 * one of the web app's pages, the app's error page instead.
 */
@Controller
class JsonErrorController implements ErrorController {

    @RequestMapping("/error")
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 404; // asked for directly, not forwarded with an error
        if (PageErrorView.wanted(request)) {
            JsonErrors.securityHeaders(response);
            Object message = request.getAttribute(JsonErrors.PAGE_MESSAGE);
            return PageErrorView.of(status, message instanceof String text ? text
                    : status == 404 ? "There is no such page." : JsonErrors.reason(status));
        }
        JsonErrors.write(response, status, JsonErrors.reason(status));
        return null;
    }
}
