package dev.mnemo.web;

import dev.mnemo.system.PageErrorView;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.ModelAndView;

/**
 * A page's failure as a page: the status and one sentence, never a stack trace. Another person's memory is "not
 * found", exactly like one that does not exist.
 */
@ControllerAdvice(basePackages = {"dev.mnemo.web", "dev.mnemo.channel.web.chat"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    ModelAndView status(ResponseStatusException e) {
        return PageErrorView.of(e.getStatusCode().value(), e.getReason() == null ? "" : e.getReason());
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    ModelAndView badInput(Exception e) {
        return PageErrorView.of(400, e instanceof IllegalArgumentException ? e.getMessage() : "a field is missing or malformed");
    }

    /** Too many parameters, a malformed one, a rejected header: the request's fault, said as such. */
    @ExceptionHandler({InvalidParameterException.class, RequestRejectedException.class})
    ModelAndView malformed(RuntimeException e) {
        return PageErrorView.of(400, "the request is malformed (too many or broken parameters, or a bad header)");
    }

    @ExceptionHandler(RuntimeException.class)
    ModelAndView failure(RuntimeException e) {
        log.error("A page failed", e);
        return PageErrorView.of(500, "something went wrong on our side; try again");
    }

}
