package dev.mnemo.security;

import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** What the firewall refuses once a controller reads it (a parameter or header with a control character): a 400. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirewallRejections {

    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<Map<String, String>> rejected(RequestRejectedException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("error", "request rejected: a parameter or header is malformed"));
    }
}
