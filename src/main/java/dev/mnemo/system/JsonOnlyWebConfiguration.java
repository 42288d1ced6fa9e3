package dev.mnemo.system;

import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The API speaks JSON only. An XML converter arrives on the class path with a channel SDK; without this an
 * {@code Accept: application/xml} would turn answers and errors into XML.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnlyWebConfiguration implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter.getSupportedMediaTypes().stream()
                .anyMatch(type -> type.getSubtype().endsWith("xml")));
    }
}
