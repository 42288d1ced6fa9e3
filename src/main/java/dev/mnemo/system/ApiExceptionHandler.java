package dev.mnemo.system;

import dev.mnemo.system.JsonErrors.ApiError;
import java.util.List;
import java.util.stream.Collectors;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;

/** Every failure of the HTTP API becomes {@code {"error": "..."}}: never a stack trace, never a 500 for bad input. */
@RestControllerAdvice
class ApiExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (causedBy(e, BoundedBodyRequest.BodyTooLargeException.class)) {
            return error(HttpStatus.CONTENT_TOO_LARGE, "request body too large");
        }
        return error(HttpStatus.BAD_REQUEST, describe(e));
    }

    /** Names the field and what it must be: {@code importance must be an integer}, {@code tags[0] must not be null}. */
    private static String describe(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch) {
                String field = path(mismatch.getPath());
                if (field.isEmpty()) {
                    return "malformed JSON request body: expected an object";
                }
                if (mismatch instanceof InvalidNullException) {
                    return field + " must not be null";
                }
                return field + " must be " + expected(mismatch.getTargetType());
            }
        }
        return "malformed JSON request body";
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a JSON object";
    }

    /** Tomcat's parameter parser refusing a query or form body (bad encoding, too large, too many parameters). */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<ApiError> parameters(InvalidParameterException e) {
        return e.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()
                ? error(HttpStatus.CONTENT_TOO_LARGE, "request body too large")
                : error(HttpStatus.BAD_REQUEST, "the request's parameters are malformed");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalid(MethodArgumentNotValidException e) {
        String fields = e.getBindingResult().getFieldErrors().stream()
                .map(f -> f.getField() + " " + f.getDefaultMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return error(HttpStatus.BAD_REQUEST, fields.isEmpty() ? "invalid request" : fields);
    }

    @ExceptionHandler({MissingServletRequestParameterException.class, MethodArgumentTypeMismatchException.class,
            HandlerMethodValidationException.class})
    ResponseEntity<ApiError> badParameter(Exception e) {
        String message = switch (e) {
            case MissingServletRequestParameterException m -> "missing parameter " + m.getParameterName();
            case MethodArgumentTypeMismatchException m -> m.getName() + " must be " + expected(m.getRequiredType());
            default -> "invalid request parameters";
        };
        return error(HttpStatus.BAD_REQUEST, message);
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ApiError> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        String reason = e.getReason() != null ? e.getReason()
                : status != null ? status.getReasonPhrase().toLowerCase() : "error";
        return error(e.getStatusCode().value(), reason);
    }

    /** Nothing at this path: for a browser asking for a page, the web app's error page. */
    @ExceptionHandler(NoResourceFoundException.class)
    Object notFound(NoResourceFoundException e, HttpServletRequest request) {
        return PageErrorView.wanted(request) ? PageErrorView.of(404, "There is no such page.")
                : error(HttpStatus.NOT_FOUND, "not found");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    Object method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        String message = "method " + e.getMethod() + " not allowed here";
        return PageErrorView.wanted(request) ? PageErrorView.of(405, message) : error(HttpStatus.METHOD_NOT_ALLOWED, message);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ApiError> mediaType(HttpMediaTypeNotSupportedException e) {
        return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "send Content-Type: application/json");
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ResponseEntity<ApiError> notAcceptable(HttpMediaTypeNotAcceptableException e) {
        return error(HttpStatus.NOT_ACCEPTABLE, "responses are application/json");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        log.error("Unexpected error while handling an API request", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal error");
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String message) {
        return JsonErrors.response(status, message);
    }

    private static ResponseEntity<ApiError> error(int status, String message) {
        return JsonErrors.response(status, message);
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
