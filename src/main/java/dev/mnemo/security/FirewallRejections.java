package dev.mnemo.security;

import dev.mnemo.system.JsonErrors;
import dev.mnemo.system.JsonErrors.ApiError;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What the firewall refuses once a controller reads it (a parameter or header with a control character): a 400. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirewallRejections {

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<ApiError> rejected(RequestRejectedException e) {
        return JsonErrors.response(HttpStatus.BAD_REQUEST, "request rejected: a parameter or header is malformed");
    }
}
