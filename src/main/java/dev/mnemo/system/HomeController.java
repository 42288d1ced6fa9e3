package dev.mnemo.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: what this server is and where to go next, for whoever opens it in a browser or with curl. */
@RestController
class HomeController {

    @GetMapping(path = "/", produces = "application/json")
    Map<String, String> home() {
        Map<String, String> home = new LinkedHashMap<>();
        home.put("name", "Mnemo");
        home.put("api", "/api/v1 (Authorization: Bearer <token>; README: HTTP API)");
        home.put("health", "/actuator/health");
        home.put("chat", "./mnemo chat, in a terminal on this machine");
        return home;
    }
}
