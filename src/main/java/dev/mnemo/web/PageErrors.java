package dev.mnemo.web;

import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;

/**
 * A page's failure as a page: the status and one sentence, never a stack trace. Another person's memory is "not
 * found", exactly like one that does not exist.
 */
@ControllerAdvice(basePackages = {"dev.mnemo.web", "dev.mnemo.channel.web.chat"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {
    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(ResponseStatusException.class)
    String status(ResponseStatusException e, HttpServletResponse response, Model model) {
        return page(e.getStatusCode().value(), e.getReason() == null ? "" : e.getReason(), response, model);
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class,
            MethodArgumentTypeMismatchException.class})
    String badInput(Exception e, HttpServletResponse response, Model model) {
        String message = e instanceof IllegalArgumentException ? e.getMessage() : "a field is missing or malformed";
        return page(400, message, response, model);
    }

    @ExceptionHandler(RuntimeException.class)
    String failure(RuntimeException e, HttpServletResponse response, Model model) {
        log.error("A page failed", e);
        return page(500, "something went wrong on our side; nothing you entered was lost", response, model);
    }

    private static String page(int status, String message, HttpServletResponse response, Model model) {
        response.setStatus(status);
        HttpStatus known = HttpStatus.resolve(status);
        model.addAttribute("status", status);
        model.addAttribute("title", known == null ? "Error" : known.getReasonPhrase());
        model.addAttribute("message", message);
        return "error-page";
    }
}
