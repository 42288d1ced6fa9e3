package dev.mnemo.channel.sms;

import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/** Twilio's own HTTP client, pointed at another API root ({@code TWILIO_API_BASE_URL}, for a fake Twilio). */
final class BaseUrlHttpClient extends HttpClient {
    private final NetworkHttpClient delegate = new NetworkHttpClient();
    private final String baseUrl;

    BaseUrlHttpClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    @Override
    public Response makeRequest(Request request) {
        String url = request.getUrl().replaceFirst("^https://[^/]+", baseUrl);
        Request moved = new Request(request.getMethod(), url);
        if (request.getAuthStrategy() != null) {
            moved.setAuth(request.getAuthStrategy());
        } else if (request.getUsername() != null) {
            moved.setAuth(request.getUsername(), request.getPassword());
        }
        moved.setContentType(request.getContentType());
        copy(request.getPostParams(), moved::addPostParam);
        copy(request.getQueryParams(), moved::addQueryParam);
        copy(request.getHeaderParams(), moved::addHeaderParam);
        if (request.getBody() != null) {
            moved.setBody(request.getBody());
        }
        return delegate.makeRequest(moved);
    }

    private static void copy(Map<String, List<String>> params, BiConsumer<String, String> add) {
        params.forEach((name, values) -> values.forEach(value -> add.accept(name, value)));
    }
}
